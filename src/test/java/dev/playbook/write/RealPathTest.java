package dev.playbook.write;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Execution(ExecutionMode.CONCURRENT)
class RealPathTest {
    @Test
    void everySpellingOfOneFolderComesOutEqual(@TempDir Path temp) throws IOException {
        Path real = temp.toRealPath();
        Files.createDirectories(temp.resolve("site/defs"));
        Files.createSymbolicLink(temp.resolve("alias"), temp.resolve("site"));
        Path expected = real.resolve("site/defs");

        assertEquals(expected, RealPath.of(temp.resolve("site/../site/defs")));
        assertEquals(expected, RealPath.of(temp.resolve("alias/defs")));
        assertEquals(expected, RealPath.of(temp.resolve("alias/../site/./defs")));
    }

    @Test
    void foldersNotMadeYetAreFollowedThroughTheLinksAboveThem(@TempDir Path temp) throws IOException {
        Path real = temp.toRealPath();
        Files.createDirectories(temp.resolve("www"));
        Files.createSymbolicLink(temp.resolve("alias"), temp.resolve("www"));
        Files.createSymbolicLink(temp.resolve("dangling"), Path.of("www/playbooks"));

        assertEquals(real.resolve("www/new/site"), RealPath.of(temp.resolve("alias/new/site")));
        assertEquals(real.resolve("www/playbooks"), RealPath.of(temp.resolve("dangling")));
        assertEquals(real.resolve("www/playbooks/x"), RealPath.of(temp.resolve("dangling/x")));
    }

    @Test
    void aLoopOfLinksIsAnError(@TempDir Path temp) throws IOException {
        Files.createSymbolicLink(temp.resolve("a"), temp.resolve("b"));
        Files.createSymbolicLink(temp.resolve("b"), temp.resolve("a"));

        assertThrows(IOException.class, () -> RealPath.of(temp.resolve("a")));
    }
}
