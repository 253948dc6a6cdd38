package dev.playbook.write;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Execution(ExecutionMode.CONCURRENT)
class OwnedFilesTest {
    private static final OwnedFiles SITE = new OwnedFiles(List.of("index.html", "demo/index.html", "demo/stages/a.html"));

    @Test
    void anythingNotListedIsForeignAndAForeignFolderIsNamedOnce(@TempDir Path root) throws IOException {
        write(root, "index.html", "demo/index.html", "demo/stages/a.html", SiteMarker.NAME,
                "blog.html", "demo/notes.txt", "photos/a.jpg", "photos/b.jpg");
        Files.createDirectories(root.resolve("demo/empty"));
        Files.createSymbolicLink(root.resolve("demo/link.html"), root.resolve("index.html"));

        assertEquals(List.of("blog.html", "demo/empty/", "demo/link.html", "demo/notes.txt", "photos/"), SITE.foreign(root));
    }

    @Test
    void deletingRemovesOnlyListedFilesAndTheFoldersTheyEmpty(@TempDir Path temp) throws IOException {
        Path root = temp.resolve("site");
        write(root, "index.html", "demo/index.html", "demo/stages/a.html", SiteMarker.NAME, "demo/mine.txt");

        assertEquals(List.of("demo/mine.txt"), SITE.delete(root));

        assertTrue(Files.exists(root.resolve("demo/mine.txt")));
        assertFalse(Files.exists(root.resolve("demo/stages")));
        assertFalse(Files.exists(root.resolve("index.html")));
        assertFalse(Files.exists(root.resolve(SiteMarker.NAME)), "the marker outlived the site");
    }

    @Test
    void aFolderOfOnlyListedFilesIsDeletedWhole(@TempDir Path temp) throws IOException {
        Path root = temp.resolve("site");
        write(root, "index.html", "demo/stages/a.html", SiteMarker.NAME);

        assertEquals(List.of(), SITE.delete(root));
        assertFalse(Files.exists(root));
    }

    @Test
    void aMessageNamesFiveAndCountsTheRest() {
        assertEquals("a, b", OwnedFiles.name(List.of("a", "b")));
        assertEquals("a, b, c, d, e", OwnedFiles.name(List.of("a", "b", "c", "d", "e")));
        assertEquals("a, b, c, d, e and 2 more", OwnedFiles.name(List.of("a", "b", "c", "d", "e", "f", "g")));
    }

    static void write(Path root, String... files) throws IOException {
        for (String file : files) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file + "\n");
        }
    }
}
