package dev.playbook.render.diagram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * Remembers drawn diagrams on disk, keyed by a hash of their source, the PlantUML version and the
 * cleaning version, so a diagram whose source has not changed is never drawn twice. A cache that
 * cannot be read or written only costs time: the diagram is drawn again.
 *
 * <p>The folder is input, not truth: anyone who can write to it could plant a script or cut a
 * file short. Each entry starts with a line holding the length and CRC-32C of the SVG after it,
 * and every entry read from disk must match them and pass {@link SvgSafetyCheck}; one that does
 * not is {@linkplain Lookup#refused() refused}, to be drawn again, never published. A CRC rather
 * than a cryptographic digest: it catches damage (a file cut short, overwritten in part), and
 * whoever could plant a file could write any digest to match it, so the safety check, not the
 * digest, is what stops a planted script. SHA-256 without the optimising compiler cost a tenth of a
 * build that took every diagram from the cache.
 */
final class DiagramCache {
    /** Bump when the layout of an entry changes, so entries of the old layout are simply not found. */
    private static final String FORMAT = "entry-3";
    /** The first line of an entry: this, the SVG's length in bytes and its CRC-32C, e.g. {@code playbook-diagram-3 20481 9f86d081}. */
    private static final String HEADER = "playbook-diagram-3 ";
    /** Far above any diagram a page can embed; a larger file is not read into memory at all. */
    private static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    private final Path folder;
    private final boolean readOnly;
    private final SvgSafetyCheck check = new SvgSafetyCheck();
    /** Diagrams seen by this process; a long-running preview asks for the same ones again and again. */
    private final Map<String, String> memory = new ConcurrentHashMap<>();

    /**
     * What the cache holds for a key: a drawing fit to publish, nothing, or an entry it refused.
     *
     * @param svg the cleaned SVG, or null
     * @param refused the file of an entry that failed its checks, or null
     * @param problem why it was refused
     */
    public record Lookup(String svg, Path refused, String problem) {
        static final Lookup MISS = new Lookup(null, null, null);
    }

    /** @param folder where to keep the diagrams, or null for no cache */
    public DiagramCache(Path folder) {
        this(folder, false);
    }

    private DiagramCache(Path folder, boolean readOnly) {
        this.folder = folder;
        this.readOnly = readOnly;
    }

    /** A cache that is read but never written, for runs that promise to write nothing. */
    public static DiagramCache readOnly(Path folder) {
        return new DiagramCache(folder, true);
    }

    public static String key(String source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((PlantUmlEngine.version() + "\n" + SvgCleaner.VERSION + "\n" + FORMAT + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static String checksum(byte[] bytes, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, to - from);
        return (to - from) + " " + Long.toHexString(crc.getValue());
    }

    public Lookup get(String key) {
        String known = memory.get(key);
        if (known != null) return new Lookup(known, null, null);
        if (folder == null) return Lookup.MISS;
        Path file = file(key);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) return Lookup.MISS;
            if (Files.size(file) > MAX_ENTRY_BYTES) return new Lookup(null, file, "it is too large to be a diagram");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Lookup.MISS;
        }
        String svg = null;
        String problem;
        try {
            svg = verified(bytes);
            problem = check.problem(svg);
        } catch (DamagedEntry e) {
            problem = e.getMessage();
        }
        if (problem != null) return new Lookup(null, file, problem);
        memory.put(key, svg);
        return new Lookup(svg, null, null);
    }

    /** The SVG of an entry whose length and checksum match its content. */
    private static String verified(byte[] entry) throws DamagedEntry {
        if (entry.length == 0) throw new DamagedEntry("it is empty");
        int body = 0;
        while (body < entry.length && entry[body] != '\n') body++;
        String header = new String(entry, 0, body, StandardCharsets.US_ASCII);
        if (body == entry.length || !header.startsWith(HEADER)) throw new DamagedEntry("it has no checksum line");
        if (!header.substring(HEADER.length()).equals(checksum(entry, body + 1, entry.length))) {
            throw new DamagedEntry("its content does not match its length and checksum (cut short or changed)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(entry, body + 1, entry.length - body - 1)).toString();
        } catch (CharacterCodingException e) {
            throw new DamagedEntry("it is not UTF-8 text");
        }
    }

    /** An entry that is not what this cache wrote. */
    private static final class DamagedEntry extends Exception {
        private static final long serialVersionUID = 1L;

        DamagedEntry(String problem) {
            super(problem, null, false, false);
        }
    }

    public void put(String key, String svg) {
        memory.put(key, svg);
        if (folder == null || readOnly) return;
        try {
            Path file = file(key);
            Files.createDirectories(file.getParent());
            // written aside and moved, so a reader (another build) never sees half a file
            Path temp = Files.createTempFile(file.getParent(), key, ".tmp");
            Files.write(temp, entry(svg));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // the cache is an optimisation; the build goes on without it
        }
    }

    /** The checksum line, then the SVG it is the checksum of. */
    private static byte[] entry(String svg) {
        byte[] body = svg.getBytes(StandardCharsets.UTF_8);
        byte[] header = (HEADER + checksum(body, 0, body.length) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] entry = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, entry, header.length, body.length);
        return entry;
    }

    private Path file(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".svg");
    }
}
