package dev.playbook.render.pdf;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.StandardCopyOption;
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
    /** The packs kept in a {@code pdf} folder of the build's cache folder (null: no cache). */
    public static PackCache in(Path cacheFolder, boolean writable) {
        return cacheFolder == null ? NONE : new PackCache(cacheFolder.resolve("pdf"), !writable);
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
            writeAside(file(key), bytes);
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

    /** Written aside and moved in place, so that a reader (another build) never sees half a file. */
    private static void writeAside(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.write(temp, content);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
