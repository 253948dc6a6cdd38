package dev.playbook.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Keys for the items a rep ticks off or a reviewer compares (tasks, exit criteria, buyer
 * commitments): keys that do not depend on where an item stands in its list, so that inserting
 * an item above another never hands the new one the old one's tick.
 *
 * <p>An item with an author-given id is keyed by it; one without is keyed by a digest of its
 * words, so rewording it makes it a new item (and its old tick is reported, not moved).
 */
public final class ItemKeys {
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private ItemKeys() {
    }

    public static String task(String stageId, String taskId) {
        return stageId + "/" + taskId;
    }

    /** @param id the author's id, or null to key the item by its words */
    public static String exitCriterion(String stageId, String id, String text) {
        return stageId + "/exit:" + (id != null ? id : "~" + digest(text));
    }

    /** @param id the author's id, or null to key the item by its words */
    public static String commitment(String stageId, String id, String text) {
        return stageId + "/commit:" + (id != null ? id : "~" + digest(text));
    }

    /** Questions have no ids: they are keyed by their words alone. */
    public static String question(String stageId, String text) {
        return stageId + "/question:~" + digest(text);
    }

    /**
     * Ten hex digits of the SHA-256 of the words, with runs of white space counted as one
     * space, so that re-wrapping a line in the YAML file keeps the key.
     */
    static String digest(String text) {
        String words = SPACE.matcher(text.strip()).replaceAll(" ");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(words.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
