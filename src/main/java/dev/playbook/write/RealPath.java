package dev.playbook.write;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a path really leads, links followed, even when its last parts do not exist yet: two
 * spellings of one folder ({@code site/../site/defs}, a link to {@code site}) come out equal.
 */
final class RealPath {
    /** As many links in a row as Linux follows before it calls the chain a loop. */
    private static final int MAX_LINKS = 40;

    private RealPath() {
    }

    static Path of(Path path) throws IOException {
        return of(path.toAbsolutePath(), 0);
    }

    private static Path of(Path absolute, int links) throws IOException {
        if (links > MAX_LINKS) {
            throw new FileSystemException(absolute.toString(), null, "too many links in a row (a loop of links?)");
        }
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = absolute;
        while (existing.getParent() != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) {
                // a link to a folder that is not there yet: the folder would be made at its target
                Path target = existing.getParent().resolve(Files.readSymbolicLink(existing));
                return append(of(target, links + 1), missing);
            }
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        return append(existing.toRealPath(), missing);
    }

    private static Path append(Path real, Deque<Path> missing) {
        Path result = real;
        for (Path part : missing) result = result.resolve(part);
        return result.normalize();
    }
}
