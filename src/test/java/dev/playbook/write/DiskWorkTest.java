package dev.playbook.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DiskWorkTest {

    @Test
    void everyFileHandedOverIsWrittenInItsFolderByTheTimeFinishReturns(@TempDir Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DiskWork disk = new DiskWork()) {
            for (int i = 0; i < 500; i++) {
                Path file = root.resolve("p" + (i % 7)).resolve("s" + (i % 3)).resolve(i + ".html");
                files.add(file);
                disk.write(file, ("page " + i).getBytes(StandardCharsets.UTF_8), null);
            }
            disk.finish();
        }
        for (int i = 0; i < files.size(); i++) assertEquals("page " + i, Files.readString(files.get(i)));
    }

    @Test
    void aFailedWriteIsToldWhenTheWorkIsFinished(@TempDir Path root) throws IOException {
        // a file where a folder is needed: nothing can be written below it
        Files.writeString(root.resolve("blocked"), "a file");
        try (DiskWork disk = new DiskWork()) {
            disk.write(root.resolve("blocked/page.html"), new byte[] {1}, null);
            assertThrows(IOException.class, disk::finish);
        }
    }

    @Test
    void deletingManyFilesRemovesThemAll(@TempDir Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 300; i++) files.add(Files.writeString(root.resolve(i + ".html"), "x"));
        try (DiskWork disk = new DiskWork()) {
            disk.deleteAll(files);
        }
        for (Path file : files) assertFalse(Files.exists(file), file::toString);
    }
}
