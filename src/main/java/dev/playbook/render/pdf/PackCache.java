package dev.playbook.render.pdf;

import dev.playbook.render.DiagramCache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Remembers finished packs on disk, beside the drawn diagrams, keyed by a hash of everything a
 * pack is made from; an unchanged playbook never has its pack drawn twice. A cache that cannot be
 * read or written only costs time.
 */
public final class PackCache {
    /** No cache: every pack is drawn. */
    public static final PackCache NONE = new PackCache(null, true);
    private static final String HEADER = "playbook-pack ";

    private final Path folder;
    private final boolean readOnly;

    /** @param folder where to keep packs, or null for no cache */
    public PackCache(Path folder, boolean readOnly) {
        this.folder = folder;
        this.readOnly = readOnly;
    }

    /** The packs kept in the diagrams' cache folder, read-only where the diagrams are. */
    public static PackCache beside(DiagramCache diagrams) {
        return diagrams.folder() == null ? NONE : new PackCache(diagrams.folder().resolve("pdf"), diagrams.isReadOnly());
    }

    OnboardingPack.Pack get(String key) {
        if (folder == null) return null;
        Path file = file(key);
        try {
            if (!Files.isRegularFile(file)) return null;
            byte[] bytes = Files.readAllBytes(file);
            int newline = indexOf(bytes, (byte) '\n');
            String header = newline < 0 ? "" : new String(bytes, 0, newline, StandardCharsets.US_ASCII);
            if (!header.startsWith(HEADER)) return null;
            int pages = Integer.parseInt(header.substring(HEADER.length()));
            return new OnboardingPack.Pack(Arrays.copyOfRange(bytes, newline + 1, bytes.length), pages);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    void put(String key, OnboardingPack.Pack pack) {
        if (folder == null || readOnly) return;
        try {
            byte[] header = (HEADER + pack.pages() + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] bytes = Arrays.copyOf(header, header.length + pack.pdf().length);
            System.arraycopy(pack.pdf(), 0, bytes, header.length, pack.pdf().length);
            DiagramCache.writeAside(file(key), bytes);
        } catch (IOException ignored) {
            // the cache is an optimisation; the build goes on without it
        }
    }

    private Path file(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".pack");
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < Math.min(bytes.length, 64); i++) if (bytes[i] == b) return i;
        return -1;
    }
}
