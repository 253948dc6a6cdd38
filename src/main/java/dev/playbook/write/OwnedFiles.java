package dev.playbook.write;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files of a site folder that the tool wrote, by its marker's list: the only ones it may
 * replace or delete. Paths are site paths ({@code a/b.html}); the marker itself is always the tool's.
 */
final class OwnedFiles {
    /** How many foreign files a message names before it only counts the rest. */
    static final int NAMED = 5;

    private final Set<String> files;
    private final Set<String> folders = new HashSet<>();

    OwnedFiles(Collection<String> files) {
        this.files = Set.copyOf(files);
        for (String file : this.files) {
            for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
                folders.add(file.substring(0, slash));
            }
        }
    }

    /**
     * Everything in the folder that is not the tool's, sorted; a foreign folder is named once
     * (with a trailing slash), not file by file.
     */
    List<String> foreign(Path root) throws IOException {
        List<String> foreign = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) return FileVisitResult.CONTINUE;
                String path = sitePath(root, dir);
                if (folders.contains(path)) return FileVisitResult.CONTINUE;
                foreign.add(path + "/");
                return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String path = sitePath(root, file);
                if (!owns(path)) foreign.add(path);
                return FileVisitResult.CONTINUE;
            }
        });
        foreign.sort(null);
        return foreign;
    }

    /**
     * Deletes the tool's files and the folders they leave empty, the marker last, so that a folder
     * whose deleting is cut short still proves what is left of it is the tool's.
     *
     * @return what is left because it is not the tool's; empty when the folder is gone
     */
    List<String> delete(Path root) throws IOException {
        List<Path> owned = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (files.contains(sitePath(root, file))) owned.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        // the files many at once, then the folders they leave empty, deepest first
        try (DiskWork disk = new DiskWork()) {
            disk.deleteAll(owned);
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) throw failure;
                if (dir.equals(root)) Files.deleteIfExists(root.resolve(SiteMarker.NAME));
                if (isEmpty(dir)) Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        return Files.exists(root) ? foreign(root) : List.of();
    }

    /** {@link #delete} for a folder whose remains are harmless: hidden, and tidied by the next build. */
    void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (IOException ignored) {
            // what is left carries its marker, so the next build can tell it is the tool's and remove it
        }
    }

    /** Whether the marker lists {@code path} (the marker itself aside). */
    boolean lists(String path) {
        return files.contains(path);
    }

    private boolean owns(String path) {
        return path.equals(SiteMarker.NAME) || files.contains(path);
    }

    /** Up to {@link #NAMED} of the names, then how many more there are. */
    static String name(List<String> foreign) {
        String named = String.join(", ", foreign.subList(0, Math.min(NAMED, foreign.size())));
        return foreign.size() > NAMED ? named + " and " + (foreign.size() - NAMED) + " more" : named;
    }

    private static String sitePath(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }
}
