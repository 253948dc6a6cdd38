package dev.playbook.load;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.load.Definitions.PlaybookDefinition;
import dev.playbook.load.Definitions.SiteDefinition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

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
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(long length, long checksum, FileResult result) {
    }

    /**
     * The last listing of the source folder and what it said, kept while the folder holds no
     * symbolic link, so that a load told which files changed need not list the folder again.
     */
    private Known known;

    private record Known(Path source, String shownAs, DefinitionFiles.Listing listing, Set<Path> files,
                         Set<Path> folders, Diagnostics diagnostics) {
    }

    /**
     * @param sourceDir the folder of definitions
     * @param shownAs how the folder is named in messages, e.g. {@code process-definitions}
     */
    public LoadedDefinitions load(Path sourceDir, String shownAs, Diagnostics diagnostics) {
        return load(sourceDir, shownAs, diagnostics, null);
    }

    /**
     * Loads again after the files at {@code changed} (absolute paths, as a watcher reports them)
     * changed: only those are read, unless one of them adds, removes or renames a file or folder
     * of definitions, which takes a new listing. A listing that followed symbolic links is never
     * trusted this way, since a file may change under a name the watcher does not report.
     *
     * @param changed the paths that changed since the last load, or null when not known
     */
    public LoadedDefinitions load(Path sourceDir, String shownAs, Diagnostics diagnostics, Set<Path> changed) {
        Known listed = changed == null || !sameSource(sourceDir, shownAs) || needsListing(changed) ? null : known;
        if (listed == null) {
            Diagnostics found = new Diagnostics();
            DefinitionFiles.Listing listing = DefinitionFiles.list(sourceDir, shownAs, found);
            listed = new Known(sourceDir, shownAs, listing, absolute(listing.files()), absolute(listing.folders()), found);
            known = listing.followedLinks() ? null : listed;
        }
        diagnostics.addAll(listed.diagnostics());
        List<Path> files = listed.listing().files();
        Known reused = listed == known && changed != null ? listed : null;
        // files are independent; read them in parallel, then report in file order
        List<FileResult> results = files.parallelStream()
                .map(path -> reused != null ? again(sourceDir, shownAs, path, changed) : read(sourceDir, shownAs, path))
                .toList();
        Set<String> present = new HashSet<>();
        for (Path path : files) present.add(shown(sourceDir, shownAs, path));
        remembered.keySet().retainAll(present);
        SiteDefinition site = SiteDefinition.empty(shownAs + "/" + SITE_FILE);
        List<PlaybookDefinition> playbooks = new ArrayList<>();
        for (FileResult result : results) {
            diagnostics.addAll(result.diagnostics());
            if (result.site() != null) site = result.site();
            if (result.playbook() != null) playbooks.add(result.playbook());
        }
        return new LoadedDefinitions(site, playbooks);
    }

    /**
     * Only the site settings, read before a build decides whether it has anything to do (what a
     * site depends on is named there). Problems are left for {@link #load} to report.
     */
    public SiteDefinition site(Path sourceDir, String shownAs) {
        SiteDefinition none = new SiteDefinition(shownAs + "/" + SITE_FILE, null, null, null, List.of(), null);
        Path file = sourceDir.resolve(SITE_FILE);
        if (!Files.isRegularFile(file)) return none;
        FileResult result = read(sourceDir, shownAs, file);
        return result.site() != null ? result.site() : none;
    }

    private boolean sameSource(Path sourceDir, String shownAs) {
        return known != null && known.source().equals(sourceDir) && known.shownAs().equals(shownAs);
    }

    /** Whether a change could add, remove or rename a definition or a folder of them. */
    private boolean needsListing(Set<Path> changed) {
        Path root = known.source().toAbsolutePath().normalize();
        for (Path path : changed) {
            if (!path.startsWith(root) || path.equals(root)) continue;
            if (hidden(root.relativize(path))) continue;
            if (known.files().contains(path)) {
                if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) return true;
            } else if (known.folders().contains(path) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                    || Files.isSymbolicLink(path) || DefinitionFiles.isDefinitionName(path.getFileName().toString())) {
                return true;
            }
            // anything else (an editor's swap or backup file) is not a definition
        }
        return false;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    private static Set<Path> absolute(Collection<Path> paths) {
        Set<Path> all = new HashSet<>();
        for (Path p : paths) all.add(p.toAbsolutePath().normalize());
        return all;
    }

    /** A file of the kept listing: read again when it changed, else what it gave the last time. */
    private FileResult again(Path sourceDir, String shownAs, Path path, Set<Path> changed) {
        Remembered last = remembered.get(shown(sourceDir, shownAs, path));
        if (last != null && !changed.contains(path.toAbsolutePath().normalize())) return last.result();
        return read(sourceDir, shownAs, path);
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
        CRC32C crc = new CRC32C();
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

    /**
     * Strict UTF-8: a wrong byte is reported where it is, instead of turning into a replacement
     * character. The decoder stops at the first byte that cannot start or continue a character:
     * for a lead byte whose continuation is missing, that is the lead byte itself, not the byte
     * after it.
     */
    static String decode(byte[] bytes, String shown, Diagnostics diagnostics) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        // UTF-8 never gives more chars than it has bytes
        CharBuffer out = CharBuffer.allocate(bytes.length - offset);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        String decoded = lineBreaks(out.flip().toString());
        if (result.isError()) {
            int bad = in.position();
            diagnostics.error(positionOf(decoded, decoded.length(), shown), "the file is not valid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[bad] & 0xff) + " at offset " + bad + "); save it as UTF-8");
            return null;
        }
        int nul = decoded.indexOf('\0');
        if (nul >= 0) {
            diagnostics.error(positionOf(decoded, nul, shown), "the file contains a NUL character; is it a binary file?");
            return null;
        }
        return decoded;
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
