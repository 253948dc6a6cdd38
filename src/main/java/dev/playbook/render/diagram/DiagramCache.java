package dev.playbook.render.diagram;

import dev.playbook.render.CacheEntry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers drawn diagrams on disk, keyed by a hash of their source, the PlantUML version and the
 * cleaning version, so a diagram whose source has not changed is never drawn twice. A cache that
 * cannot be read or written only costs time: the diagram is drawn again.
 *
 * <p>The folder is input, not truth: anyone who can write to it could plant a script or cut a
 * file short. Each entry is a {@link CacheEntry}, whose length and checksum catch damage, and
 * every entry read from disk must also pass {@link SvgSafetyCheck}, which is what stops a planted
 * script; one that does not is {@linkplain Lookup#refused() refused}, to be drawn again, never
 * published.
 *
 * <p>Not final only so that tests can watch which thread looks up and when an entry is written.
 */
class DiagramCache {
    /** Bump when the layout of an entry changes, so entries of the old layout are simply not found. */
    private static final String FORMAT = "entry-3";
    /** What the first line of an entry starts with (see {@link CacheEntry}). */
    private static final String LABEL = "playbook-diagram-3";
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

    public Lookup get(String key) {
        String known = memory.get(key);
        if (known != null) return new Lookup(known, null, null);
        if (folder == null) return Lookup.MISS;
        Path file = file(key);
        byte[] bytes;
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) return Lookup.MISS;
            if (attributes.size() > MAX_ENTRY_BYTES) return new Lookup(null, file, "it is too large to be a diagram");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Lookup.MISS;
        }
        String svg = null;
        String problem;
        try {
            svg = verified(bytes);
            problem = check.problem(svg);
        } catch (CacheEntry.Damaged | MalformedEntry e) {
            problem = e.getMessage();
        }
        if (problem != null) return new Lookup(null, file, problem);
        if (!readOnly) CacheEntry.markUsed(file, attributes.lastModifiedTime(), Instant.now());
        memory.put(key, svg);
        return new Lookup(svg, null, null);
    }

    /** The SVG of an entry this cache wrote, whole. */
    private static String verified(byte[] entry) throws CacheEntry.Damaged, MalformedEntry {
        CacheEntry.Contents contents = CacheEntry.read(entry);
        if (!contents.label().equals(LABEL)) throw new MalformedEntry("it is not a diagram of this version");
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(contents.body())).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEntry("it is not UTF-8 text");
        }
    }

    /** A whole entry that still cannot be a diagram. */
    private static final class MalformedEntry extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedEntry(String problem) {
            super(problem, null, false, false);
        }
    }

    public void put(String key, String svg) {
        memory.put(key, svg);
        if (folder == null || readOnly) return;
        try {
            CacheEntry.write(file(key), LABEL, svg.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // the cache is an optimisation; the build goes on without it
        }
    }

    /**
     * Removes the diagrams in the cache {@code folder} last used before {@code cutoff}, of this
     * version or any other (see {@link CacheEntry#prune}).
     */
    static int prune(Path folder, FileTime cutoff) {
        return CacheEntry.prune(folder, "svg", "playbook-diagram-", cutoff);
    }

    private Path file(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".svg");
    }
}
