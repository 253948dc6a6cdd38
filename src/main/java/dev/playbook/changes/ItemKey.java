package dev.playbook.changes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key an exit criterion, buyer commitment or question is known by from one version to the
 * next: its stage id and a digest of its words. Spacing does not count, so re-wrapping a text in
 * its file does not make it another item. This is the one place keys are made; when items get
 * ids of their own, an id given wins and only items without one keep the digest.
 */
public final class ItemKey {
    private ItemKey() {
    }

    public static String of(String stageId, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Texts.normalized(text).getBytes(StandardCharsets.UTF_8));
            return stageId + "/" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
