package dev.playbook.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The exact code of the running tool, told by what it holds rather than by when its file was
 * written: a cached pack drawn by one build of the tool is only reused by that same code, and a
 * reinstalled or copied jar of the same release reuses them all.
 *
 * <p>A jar is told by its table of contents (each file's name, size and CRC-32, which the jar
 * already holds), so nothing in it is read or unpacked; a folder of classes by every file's name
 * and content, with the class path, which names the libraries' versions. That takes a tenth of a
 * second or more for a jar of 17,000 files, so the check whether a site is up to date, which runs
 * on every build and must cost next to nothing, uses {@link #stamp()} instead.
 *
 * @param identity changes whenever the code does
 * @param packaged whether the code runs from a jar (a release) rather than from a folder of
 *                 classes (development)
 */
public record ToolCode(String identity, boolean packaged) {

    /** The code this class was loaded from. */
    public static ToolCode running() throws IOException {
        return of(place(), System.getProperty("java.class.path", ""));
    }

    /**
     * The running jar's name, size and time: cheap, and changed by any new jar, though also by a
     * reinstall of the same one (which then costs one build, whose packs still come from the
     * cache); null when the tool runs from a folder of classes.
     */
    public static String stamp() throws IOException {
        Path jar = place();
        if (!Files.isRegularFile(jar)) return null;
        return jar.getFileName() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    }

    private static Path place() throws IOException {
        CodeSource source = ToolCode.class.getProtectionDomain().getCodeSource();
        if (source == null) throw new IOException("the tool's code has no known place");
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("the tool's code is at " + source.getLocation() + ", not a file", e);
        }
    }

    /** The code at {@code place}: a jar, or a folder of classes run with {@code classPath}. */
    static ToolCode of(Path place, String classPath) throws IOException {
        MessageDigest sha = sha256();
        if (Files.isRegularFile(place)) {
            // the JVM already holds this jar's table of contents, so reading it again costs little
            try (ZipFile jar = new ZipFile(place.toFile())) {
                List<? extends ZipEntry> entries = jar.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
                // digested in one piece: thousands of small updates cost more than the digest itself
                ByteArrayOutputStream contents = new ByteArrayOutputStream(entries.size() * 64);
                ByteBuffer line = ByteBuffer.allocate(Integer.BYTES + 2 * Long.BYTES);
                for (ZipEntry entry : entries) {
                    byte[] name = entry.getName().getBytes(StandardCharsets.UTF_8);
                    contents.writeBytes(line.clear().putInt(name.length).putLong(entry.getSize()).putLong(entry.getCrc()).array());
                    contents.writeBytes(name);
                }
                sha.update(contents.toByteArray());
            }
            return new ToolCode(HexFormat.of().formatHex(sha.digest()), true);
        }
        if (!Files.isDirectory(place)) throw new IOException("the tool's code is missing from " + place);
        byte[] path = classPath.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(path.length).array());
        sha.update(path);
        FolderDigest.update(sha, place);
        return new ToolCode(HexFormat.of().formatHex(sha.digest()), false);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
