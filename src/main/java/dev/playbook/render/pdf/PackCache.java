package dev.playbook.render.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Remembers finished packs on disk, beside the drawn diagrams, keyed by a hash of everything a
 * pack is made from; an unchanged playbook never has its pack drawn twice. Each entry carries its
 * PDF's length and CRC-32C, checked on every read, so that a pack damaged in the cache (cut short,
 * overwritten in part) is drawn again rather than published. A CRC rather than SHA-256: it guards
 * against damage just as well, and costs nothing beside a PDF (SHA-256 took a fifth of a forced
 * build's time), while whoever can write the cache could write a matching digest of any kind.
 * A cache that cannot be read or written only costs time.
 */
public final class PackCache {
    /** No cache: every pack is drawn. */
    public static final PackCache NONE = new PackCache(null, true);
    /** The first line of an entry: this, the page count, and the PDF's length and CRC-32C, e.g. {@code playbook-pack-2 23 412803 9f86d081}. */
    private static final String HEADER = "playbook-pack-2 ";

    private final Path folder;
    private final boolean readOnly;

    /** @param folder where to keep packs, or null for no cache */
    public PackCache(Path folder, boolean readOnly) {
        this.folder = folder;
        this.readOnly = readOnly;
    }

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
            String[] fields = header.substring(HEADER.length()).split(" ");
            if (fields.length != 3) return null;
            int pages = Integer.parseInt(fields[0]);
            byte[] pdf = Arrays.copyOfRange(bytes, newline + 1, bytes.length);
            return fields[1].equals(String.valueOf(pdf.length)) && fields[2].equals(crc(pdf))
                    ? new OnboardingPack.Pack(pdf, pages) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    void put(String key, OnboardingPack.Pack pack) {
        if (folder == null || readOnly) return;
        try {
            byte[] header = (HEADER + pack.pages() + " " + pack.pdf().length + " " + crc(pack.pdf()) + "\n").getBytes(StandardCharsets.US_ASCII);
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

    private static String crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return Long.toHexString(crc.getValue());
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < Math.min(bytes.length, 128); i++) if (bytes[i] == b) return i;
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
