package dev.playbook.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * One file of a cache that builds share (drawn diagrams, onboarding packs): a first line, then the
 * cached bytes. The line is a label saying what the entry holds, then the length and CRC-32C of the
 * bytes, e.g. {@code playbook-pack-2 23 412803 9f86d081}; an entry cut short or overwritten in part
 * does not match them. A CRC, not a cryptographic digest: whoever can write the cache could write a
 * matching digest of any kind, so what is published from it is checked for what it is, and this
 * only has to catch damage, at no cost beside the entry.
 */
public final class CacheEntry {
    /** Far longer than any label; a first line longer than this is not ours. */
    private static final int MAX_LINE = 256;

    /** What an entry read back holds. */
    public record Contents(String label, byte[] body) {
    }

    /** Why an entry is not one this tool wrote whole. */
    public static final class Damaged extends Exception {
        private static final long serialVersionUID = 1L;

        Damaged(String problem) {
            super(problem, null, false, false);
        }
    }

    private CacheEntry() {
    }

    /** The entry's bytes: its first line, then {@code body}. */
    public static byte[] of(String label, byte[] body) {
        byte[] line = (label + " " + body.length + " " + crc(body, 0, body.length) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] entry = Arrays.copyOf(line, line.length + body.length);
        System.arraycopy(body, 0, entry, line.length, body.length);
        return entry;
    }

    /** The label and body of an entry whose length and checksum match what follows its first line. */
    public static Contents read(byte[] entry) throws Damaged {
        if (entry.length == 0) throw new Damaged("it is empty");
        int newline = -1;
        for (int i = 0; i < Math.min(entry.length, MAX_LINE); i++) {
            if (entry[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) throw new Damaged("it has no checksum line");
        String line = new String(entry, 0, newline, StandardCharsets.US_ASCII);
        int crcAt = line.lastIndexOf(' ');
        int lengthAt = crcAt < 0 ? -1 : line.lastIndexOf(' ', crcAt - 1);
        if (lengthAt < 0) throw new Damaged("it has no checksum line");
        int from = newline + 1;
        String expected = line.substring(lengthAt + 1);
        if (!expected.equals((entry.length - from) + " " + crc(entry, from, entry.length))) {
            throw new Damaged("its content does not match its length and checksum (cut short or changed)");
        }
        return new Contents(line.substring(0, lengthAt), Arrays.copyOfRange(entry, from, entry.length));
    }

    /** Writes the entry aside and moves it in place, so that another build reading it never sees half a file. */
    public static void write(Path file, String label, byte[] body) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, of(label, body));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Marks an entry read back as still in use, so that {@link #prune} keeps it: its time is set to
     * {@code now} when it is more than a day old (not at every read, which would write to the disk
     * for every diagram of every build). When that fails the entry may be pruned one day and drawn
     * again: it only costs time.
     */
    public static void markUsed(Path file, FileTime lastUsed, Instant now) {
        if (lastUsed.toInstant().isAfter(now.minus(Duration.ofDays(1)))) return;
        try {
            Files.setLastModifiedTime(file, FileTime.from(now));
        } catch (IOException ignored) {
            // someone else's entry in a shared cache, or a cache on a read-only disk
        }
    }

    /**
     * Removes the entries of one cache that were last used before {@code cutoff}: the files in the
     * two-character folders of {@code folder} named after their key with {@code extension} (as
     * {@code ab/ab12….svg}) whose first line starts with {@code labelPrefix}, and the temporary
     * files of writes that were cut off. Nothing else is touched, whatever its name or age, and no
     * link is followed: a cache folder may be one the user keeps other files in.
     *
     * @return how many files were removed
     */
    public static int prune(Path folder, String extension, String labelPrefix, FileTime cutoff) {
        Pattern entryName = Pattern.compile("([0-9a-f]{32,128})\\." + Pattern.quote(extension) + "([0-9]+\\.tmp)?");
        byte[] label = labelPrefix.getBytes(StandardCharsets.US_ASCII);
        int removed = 0;
        for (Path sub : list(folder)) {
            String name = sub.getFileName().toString();
            if (!name.matches("[0-9a-f]{2}") || !Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS)) continue;
            int before = removed;
            for (Path file : list(sub)) {
                Matcher m = entryName.matcher(file.getFileName().toString());
                if (!m.matches() || !m.group(1).startsWith(name)) continue;
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (!attributes.isRegularFile() || attributes.lastModifiedTime().compareTo(cutoff) >= 0) continue;
                    boolean temporary = m.group(2) != null;
                    if (!startsWith(file, label, temporary)) continue;
                    Files.delete(file);
                    removed++;
                } catch (IOException e) {
                    // gone already, or not ours to remove: left as it is
                }
            }
            if (removed > before) {
                try {
                    Files.delete(sub);
                } catch (IOException e) {
                    // still holds entries in use
                }
            }
        }
        return removed;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** Whether the file begins with {@code prefix}; an empty file too, if {@code orEmpty} (a write cut off at once). */
    private static boolean startsWith(Path file, byte[] prefix, boolean orEmpty) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] start = in.readNBytes(prefix.length);
            if (start.length == 0) return orEmpty;
            return Arrays.equals(start, prefix);
        }
    }

    private static String crc(byte[] bytes, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, to - from);
        return Long.toHexString(crc.getValue());
    }
}
