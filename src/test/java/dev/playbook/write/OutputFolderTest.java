package dev.playbook.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFolderTest {
    @Test
    void aRefusedWriteNamesTheParentFolderAndWhyNotTheHiddenOne(@TempDir Path temp) throws Exception {
        OutputFolder out = OutputFolder.locate(temp.resolve("html/playbooks"));
        Path hidden = out.sibling("new");
        for (IOException refusal : new IOException[] {new AccessDeniedException(hidden.toString()),
                new FileSystemException(hidden.toString(), null, "Operation not permitted"),
                new FileSystemException(hidden.toString(), null, "Read-only file system")}) {
            String message = out.writeFailed(refusal).getMessage();
            assertTrue(message.contains("permission to write in " + temp.toRealPath().resolve("html")), message);
            assertTrue(message.contains("swaps"), message);
            assertFalse(message.contains(hidden.getFileName().toString()), message);
        }
    }

    @Test
    void siblingsAreHiddenBesideTheRealFolderAndKnownByName(@TempDir Path temp) throws Exception {
        Files.createDirectories(temp.resolve("www/playbooks"));
        Path link = Files.createSymbolicLink(temp.resolve("site"), temp.resolve("www/playbooks"));
        OutputFolder out = OutputFolder.locate(link);

        Path fresh = out.sibling("new");
        assertEquals(temp.toRealPath().resolve("www"), fresh.getParent());
        assertEquals("new", out.siblingKind(fresh.getFileName().toString()));
        assertEquals("old", out.siblingKind(".playbooks.old-12"));
        assertEquals(temp.toRealPath().resolve("www/.playbooks.lock"), out.lockFile());
        assertNull(out.siblingKind(".playbooks.new-x"));
        assertNull(out.siblingKind(".playbooks.new-1.new-2"));
        assertNull(out.siblingKind(".other.new-1"));
    }

    @Test
    void aFileOrTheRootIsNoOutputFolder(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("notes.txt"), "mine\n");
        assertThrows(WriteException.class, () -> OutputFolder.locate(file));
        assertThrows(WriteException.class, () -> OutputFolder.locate(Path.of("/")));
    }
}
