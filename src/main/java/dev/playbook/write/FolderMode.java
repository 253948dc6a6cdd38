package dev.playbook.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * The access mode of the output folder. The new site's folders are made the way a plain
 * {@code mkdir} makes them (the user's umask decides); a folder being replaced hands its own mode
 * on, so a site someone opened to a web server's group stays open to it.
 */
final class FolderMode {
    private FolderMode() {
    }

    /** Gives {@code to} the mode of {@code from} where the file system has modes; elsewhere does nothing. */
    static void copy(Path from, Path to) throws IOException {
        if (Files.getFileAttributeView(from, PosixFileAttributeView.class) == null) return;
        if (from.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            // "unix:mode" carries the set-group-id bit as well, which web folders often rely on
            Files.setAttribute(to, "unix:mode", Files.getAttribute(from, "unix:mode"));
        } else {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }
}
