package dev.playbook.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Remembers drawn diagrams on disk, keyed by a hash of their source, the PlantUML version and the
 * cleaning version, so a diagram whose source has not changed is never drawn twice. A cache that
 * cannot be read or written only costs time: the diagram is drawn again.
 */
public final class DiagramCache {
    private final Path folder;
    private final boolean readOnly;
    /** Diagrams seen by this process; a long-running preview asks for the same ones again and again. */
    private final java.util.Map<String, String> memory = new java.util.concurrent.ConcurrentHashMap<>();

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

    /** The folder diagrams are kept in, or null for no cache; other drawn output may be kept beside them. */
    public Path folder() {
        return folder;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public static String key(String source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((PlantUmlEngine.version() + "\n" + SvgCleaner.VERSION + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    public String get(String key) {
        String known = memory.get(key);
        if (known != null || folder == null) return known;
        Path file = file(key);
        try {
            String svg = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            if (svg != null) memory.put(key, svg);
            return svg;
        } catch (IOException e) {
            return null;
        }
    }

    public void put(String key, String svg) {
        memory.put(key, svg);
        if (folder == null || readOnly) return;
        try {
            writeAside(file(key), svg.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // the cache is an optimisation; the build goes on without it
        }
    }

    /** Writes a cache file aside and moves it in place, so a reader (another build) never sees half of it. */
    public static void writeAside(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.write(temp, content);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path file(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".svg");
    }
}
