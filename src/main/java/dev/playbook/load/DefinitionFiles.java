package dev.playbook.load;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the definition files of a source folder: every *.yaml and *.yml below it, hidden files
 * and folders skipped. A symbolic link, to a file or a folder, is followed while where it leads
 * stays inside the source folder, so that what is read is exactly what lies in it. A link that
 * leads out or in a circle is an error at the link, and so is one that leads nowhere where a
 * definition was expected (a warning for any other name).
 */
final class DefinitionFiles {
    /** How many links in a row are followed before a chain counts as endless. */
    private static final int MAX_LINKS = 40;

    private final Path sourceDir;
    private final String shownAs;
    private final Diagnostics diagnostics;
    private Path root;
    /** Every file found with where it really is; a file reached twice is read once. */
    private final List<Found> found = new ArrayList<>();
    /** Every folder walked, as reached from the source folder. */
    private final Set<Path> folders = new HashSet<>();
    private boolean followedLinks;
    /** The real folders being walked, from the top down to the current one. */
    private final Set<Path> walking = new HashSet<>();

    private record Found(Path path, Path real) {
    }

    private DefinitionFiles(Path sourceDir, String shownAs, Diagnostics diagnostics) {
        this.sourceDir = sourceDir;
        this.shownAs = shownAs;
        this.diagnostics = diagnostics;
    }

    /**
     * What a source folder holds.
     *
     * @param files the files to read, in a stable order, each as a path below the source folder
     * @param folders every folder below the source folder that was walked, the source folder included
     * @param followedLinks whether a symbolic link was followed, so that a file may be read under another name
     */
    record Listing(List<Path> files, Set<Path> folders, boolean followedLinks) {
        Listing {
            files = List.copyOf(files);
            folders = Set.copyOf(folders);
        }
    }

    /** The files to read and the folders that hold them. */
    static Listing list(Path sourceDir, String shownAs, Diagnostics diagnostics) {
        return new DefinitionFiles(sourceDir, shownAs, diagnostics).find();
    }

    private Listing find() {
        if (!Files.isDirectory(sourceDir)) {
            diagnostics.error(Position.startOf(shownAs), "the source folder does not exist or is not a folder");
            return new Listing(List.of(), Set.of(), false);
        }
        try {
            root = sourceDir.toRealPath();
            walk(sourceDir, root);
        } catch (AccessDeniedException e) {
            diagnostics.error(Position.startOf(shownAs), "cannot read the source folder: permission denied");
            return new Listing(List.of(), Set.of(), false);
        } catch (IOException e) {
            diagnostics.error(Position.startOf(shownAs), "cannot list the source folder: " + e.getMessage());
            return new Listing(List.of(), Set.of(), false);
        }
        return new Listing(readOnce(), folders, followedLinks);
    }

    private void walk(Path folder, Path realFolder) throws IOException {
        folders.add(folder);
        walking.add(realFolder);
        try {
            walkEntries(folder, realFolder);
        } finally {
            walking.remove(realFolder);
        }
    }

    private void walkEntries(Path folder, Path realFolder) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(folder)) {
            for (Path entry : list) entries.add(entry);
        } catch (AccessDeniedException e) {
            if (folder.equals(sourceDir)) throw e;
            diagnostics.error(at(folder), "cannot read this folder: permission denied; the definitions in it were not read");
            return;
        }
        entries.sort(Comparator.naturalOrder());
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) continue;
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                link(entry, realFolder);
            } else if (attributes.isDirectory()) {
                walk(entry, realFolder.resolve(name));
            } else if (isDefinitionName(name)) {
                file(entry, realFolder.resolve(name));
            }
        }
    }

    private void link(Path link, Path realFolder) throws IOException {
        followedLinks = true;
        String name = link.getFileName().toString();
        Path real;
        try {
            real = link.toRealPath();
        } catch (FileSystemException e) {
            // a link leading nowhere may have been meant for a folder of definitions: said for any
            // name, but an error only where a definition was expected
            boolean definition = isDefinitionName(name);
            String problem = leadsInACircle(link) ? "a loop of symbolic links: `" + relative(link) + "` leads back to itself"
                    : e instanceof NoSuchFileException ? "a dangling symbolic link: it points to `"
                    + Files.readSymbolicLink(link) + "`, which does not exist"
                    : "cannot follow the symbolic link: " + e.getMessage();
            if (definition) diagnostics.error(at(link), problem);
            else diagnostics.warning(at(link), problem + "; nothing was read through it");
            return;
        }
        boolean folder = Files.isDirectory(real);
        if (!folder && !isDefinitionName(name)) return;
        if (!real.startsWith(root)) {
            diagnostics.error(at(link), "a symbolic link to `" + real + "`, outside the source folder; "
                    + "only links that stay inside it are followed");
        } else if (folder && (walking.contains(real) || realFolder.startsWith(real))) {
            diagnostics.error(at(link), "a loop of symbolic links: `" + relative(link) + "` leads back to the folder `"
                    + shownRelative(real) + "` that holds it");
        } else if (folder) {
            walk(link, real);
        } else {
            file(link, real);
        }
    }

    /** Whether following the link, one link at a time, ever comes back to a link already followed. */
    private static boolean leadsInACircle(Path link) throws IOException {
        Set<Path> seen = new HashSet<>();
        Path at = link.toAbsolutePath().normalize();
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!seen.add(at)) return true;
            if (!Files.isSymbolicLink(at)) return false;
            at = at.resolveSibling(Files.readSymbolicLink(at)).normalize();
        }
        return true;
    }

    private void file(Path path, Path real) {
        // site settings are only read at the top: one in a subfolder is not a playbook either
        if (path.getFileName().toString().equals(Loader.SITE_FILE) && !sourceDir.relativize(path).equals(Path.of(Loader.SITE_FILE))) {
            diagnostics.warning(at(path), Loader.SITE_FILE + " is only read at the top of the source folder (`"
                    + shown(sourceDir.resolve(Loader.SITE_FILE)) + "`); this one is ignored");
            return;
        }
        found.add(new Found(path, real));
    }

    /**
     * Each real file once, under its own name where it can be reached without a link (that is
     * the name its author edits), else under the first link to it.
     */
    private List<Path> readOnce() {
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing((Found f) -> !isDirect(f)).thenComparing(Found::path));
        Set<Path> taken = new HashSet<>();
        List<Path> files = new ArrayList<>();
        for (Found f : sorted) {
            if (taken.add(f.real())) files.add(f.path());
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private boolean isDirect(Found f) {
        return root.resolve(sourceDir.relativize(f.path())).equals(f.real());
    }

    static boolean isDefinitionName(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private String relative(Path path) {
        return sourceDir.relativize(path).toString().replace('\\', '/');
    }

    /** A real path inside the source folder as the author knows it, relative to the source folder. */
    private String shownRelative(Path real) {
        String relative = root.relativize(real).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }

    private String shown(Path path) {
        return shownAs.isEmpty() ? relative(path) : shownAs + "/" + relative(path);
    }

    private Position at(Path path) {
        return Position.startOf(shown(path));
    }
}
