package dev.playbook.load;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.load.Definitions.PlaybookDefinition;
import dev.playbook.load.Definitions.SiteDefinition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The load step: finds the definition files of a source folder and reads each into
 * {@link Definitions}, collecting every problem with its file, line and column.
 */
public final class Loader {
    /** The reserved file name for site-wide settings, at the top of the source folder. */
    public static final String SITE_FILE = "site.yaml";
    /** A playbook is a few dozen kilobytes; a file this large is a mistake, not a playbook. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    private final YamlReader yaml = new YamlReader();
    /** What each file gave the last time, by its bytes: a long-running preview reads only what changed. */
    private final java.util.Map<String, Remembered> remembered = new java.util.concurrent.ConcurrentHashMap<>();

    private record Remembered(long length, long checksum, FileResult result) {
    }

    /**
     * @param sourceDir the folder of definitions
     * @param shownAs how the folder is named in messages, e.g. {@code process-definitions}
     */
    public LoadedDefinitions load(Path sourceDir, String shownAs, Diagnostics diagnostics) {
        List<Path> files = definitionFiles(sourceDir, shownAs, diagnostics);
        // files are independent; read them in parallel, then report in file order
        List<FileResult> results = files.parallelStream().map(path -> read(sourceDir, shownAs, path)).toList();
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Path path : files) present.add(shown(sourceDir, shownAs, path));
        remembered.keySet().retainAll(present);
        SiteDefinition site = new SiteDefinition(shownAs + "/" + SITE_FILE, null, null, null, List.of(), null, null, null);
        List<PlaybookDefinition> playbooks = new ArrayList<>();
        for (FileResult result : results) {
            diagnostics.addAll(result.diagnostics());
            if (result.site() != null) site = result.site();
            if (result.playbook() != null) playbooks.add(result.playbook());
        }
        return new LoadedDefinitions(site, playbooks);
    }

    /** What one file gave: a playbook or the site settings (or neither), and its own findings. */
    private record FileResult(PlaybookDefinition playbook, SiteDefinition site, Diagnostics diagnostics) {
    }

    private FileResult read(Path sourceDir, String shownAs, Path path) {
        Diagnostics diagnostics = new Diagnostics();
        String relative = sourceDir.relativize(path).toString().replace('\\', '/');
        String shown = shown(sourceDir, shownAs, path);
        byte[] bytes = readBytes(path, shown, diagnostics);
        if (bytes == null) return new FileResult(null, null, diagnostics);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        Remembered known = remembered.get(shown);
        if (known != null && known.length() == bytes.length && known.checksum() == crc.getValue()) return known.result();
        FileResult result = parse(relative, shown, bytes, diagnostics);
        remembered.put(shown, new Remembered(bytes.length, crc.getValue(), result));
        return result;
    }

    private static String shown(Path sourceDir, String shownAs, Path path) {
        String relative = sourceDir.relativize(path).toString().replace('\\', '/');
        return shownAs.isEmpty() ? relative : shownAs + "/" + relative;
    }

    private FileResult parse(String relative, String shown, byte[] bytes, Diagnostics diagnostics) {
        boolean isSite = relative.equals(SITE_FILE);
        String text = decode(bytes, shown, diagnostics);
        if (text == null) return new FileResult(null, null, diagnostics);
        YamlNode root;
        try {
            root = yaml.read(shown, text, diagnostics);
        } catch (YamlException e) {
            diagnostics.error(e.at(), e.getMessage());
            return new FileResult(null, null, diagnostics);
        }
        DefinitionReader reader = new DefinitionReader(shown, text, diagnostics);
        if (isSite) return new FileResult(null, reader.site(root), diagnostics);
        if (root == null) {
            diagnostics.error(Position.startOf(shown), "the file is empty; a playbook needs at least `playbook:`, "
                    + "`title:` and `stages:`");
            return new FileResult(null, null, diagnostics);
        }
        return new FileResult(reader.playbook(root), null, diagnostics);
    }

    /** Every *.yaml and *.yml below the folder, in a stable order, skipping hidden files and folders. */
    private List<Path> definitionFiles(Path sourceDir, String shownAs, Diagnostics diagnostics) {
        if (!Files.isDirectory(sourceDir)) {
            diagnostics.error(Position.startOf(shownAs), "the source folder does not exist or is not a folder");
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sourceDir)) {
            return walk.filter(p -> !p.equals(sourceDir))
                    .filter(p -> !isHidden(sourceDir.relativize(p)))
                    .filter(p -> isDefinitionName(p.getFileName().toString()))
                    .filter(p -> !Files.isDirectory(p))
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            diagnostics.error(Position.startOf(shownAs), "cannot list the source folder: " + e.getMessage());
            return List.of();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    private static boolean isDefinitionName(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static byte[] readBytes(Path path, String shown, Diagnostics diagnostics) {
        Position start = Position.startOf(shown);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(path)) {
                diagnostics.error(start, "not a regular file; a definition must be a YAML file");
                return null;
            }
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                diagnostics.error(start, "the file is " + (size / 1024 / 1024) + " MB; definition files are limited to "
                        + (MAX_FILE_BYTES / 1024 / 1024) + " MB (split the playbook, or move long texts to linked documents)");
                return null;
            }
            bytes = Files.readAllBytes(path);
        } catch (AccessDeniedException e) {
            diagnostics.error(start, "cannot read the file: permission denied");
            return null;
        } catch (NoSuchFileException e) {
            diagnostics.error(start, "the file disappeared while it was being read");
            return null;
        } catch (IOException e) {
            diagnostics.error(start, "cannot read the file: " + e.getMessage());
            return null;
        }
        return bytes;
    }

    /** Strict UTF-8: a wrong byte is reported where it is, instead of turning into a replacement character. */
    static String decode(byte[] bytes, String shown, Diagnostics diagnostics) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = lineBreaks(decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString());
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                diagnostics.error(positionOf(text, nul, shown), "the file contains a NUL character; is it a binary file?");
                return null;
            }
            return text;
        } catch (CharacterCodingException e) {
            int bad = firstInvalidByte(bytes, offset);
            String valid = lineBreaks(new String(bytes, offset, bad - offset, StandardCharsets.UTF_8));
            diagnostics.error(positionOf(valid, valid.length(), shown), "the file is not valid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[bad] & 0xff) + " at offset " + bad + "); save it as UTF-8");
            return null;
        }
    }

    /**
     * Line breaks as editors count them: CR LF and a lone CR become LF. The Unicode line
     * separators (U+0085, U+2028, U+2029), which YAML counts as breaks but editors do not, become
     * spaces, so that every line number an author is told matches the editor's.
     */
    static String lineBreaks(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\u0085') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u0085', ' ').replace('\u2028', ' ').replace('\u2029', ' ');
    }

    private static int firstInvalidByte(byte[] bytes, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Decode ever longer prefixes by whole characters would be slow; instead find the end of the valid prefix by bisection.
        int lo = from;
        int hi = bytes.length;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (validPrefix(decoder, bytes, from, mid)) lo = mid;
            else hi = mid - 1;
        }
        return Math.min(lo, bytes.length - 1);
    }

    /** Whether bytes[from, end) decode cleanly, allowing a character cut off at the end. */
    private static boolean validPrefix(CharsetDecoder decoder, byte[] bytes, int from, int end) {
        decoder.reset();
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(end - from + 1);
        java.nio.charset.CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, from, end - from), out, false);
        return !result.isError();
    }

    private static Position positionOf(String text, int index, String shown) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(shown, line, column);
    }
}
