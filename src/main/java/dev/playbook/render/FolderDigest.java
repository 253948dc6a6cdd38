package dev.playbook.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * Adds a whole folder to a digest: every file below it, in order of name, with its name relative
 * to the folder, its size and its content. Names and sizes go first, so that no two folders digest
 * alike however their bytes fall; contents are read in pieces, since a folder may hold pictures or
 * videos of any size.
 */
final class FolderDigest {
    private FolderDigest() {
    }

    static void update(MessageDigest sha, Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        byte[] buffer = new byte[64 * 1024];
        for (Path file : files) {
            byte[] name = folder.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(12).putInt(name.length).putLong(Files.size(file)).array());
            sha.update(name);
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
            }
        }
    }
}
