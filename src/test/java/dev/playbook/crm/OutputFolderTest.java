package dev.playbook.crm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFolderTest {
    @TempDir
    Path dir;

    private OutputFolder folder() {
        return new OutputFolder(dir, "out");
    }

    @Test
    void writesItsFilesBesideForeignOnesAndLeavesSameContentAlone() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        OutputFolder.Outcome first = folder().write(List.of(ExportFile.text("a/b.json", "{}\n"), ExportFile.text("c.xml", "<x/>")), false);
        assertEquals(List.of("out/a/b.json", "out/c.xml"), first.written());
        OutputFolder.Outcome again = folder().write(List.of(ExportFile.text("a/b.json", "{}\n")), false);
        assertEquals(List.of("out/a/b.json"), again.unchanged());
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void aDifferentFileIsReplacedOnlyWithForceAndARefusalWritesNothing() throws Exception {
        Files.writeString(dir.resolve("c.xml"), "edited by hand");
        List<ExportFile> files = List.of(ExportFile.text("new.json", "{}"), ExportFile.text("c.xml", "<x/>"));
        OutputFolder.Refused refused = assertThrows(OutputFolder.Refused.class, () -> folder().write(files, false));
        assertEquals("a file exists and differs from what would be written: out/c.xml; nothing was written (--force replaces it)",
                refused.getMessage());
        assertFalse(Files.exists(dir.resolve("new.json")));
        assertEquals("edited by hand", Files.readString(dir.resolve("c.xml")));
        folder().write(files, true);
        assertEquals("<x/>", Files.readString(dir.resolve("c.xml")));
    }

    @Test
    void aFileTheProjectHasItsOwnOfIsKept() throws Exception {
        Files.writeString(dir.resolve("sfdx-project.json"), "{\"name\": \"theirs\"}");
        ExportFile project = new ExportFile("sfdx-project.json", "{}".getBytes(StandardCharsets.UTF_8), true);
        OutputFolder.Outcome outcome = folder().write(List.of(project), true);
        assertEquals(List.of("out/sfdx-project.json"), outcome.kept());
        assertEquals("{\"name\": \"theirs\"}", Files.readString(dir.resolve("sfdx-project.json")));
    }

    @Test
    void linksAreReplacedNotFollowedAndFoldersLeadingOutAreRefused(@TempDir Path elsewhere) throws Exception {
        Path secret = elsewhere.resolve("secret.txt");
        Files.writeString(secret, "keep");
        Files.createSymbolicLink(dir.resolve("c.xml"), secret);
        assertThrows(OutputFolder.Refused.class, () -> folder().write(List.of(ExportFile.text("c.xml", "<x/>")), false));
        folder().write(List.of(ExportFile.text("c.xml", "<x/>")), true);
        assertEquals("keep", Files.readString(secret));
        assertFalse(Files.isSymbolicLink(dir.resolve("c.xml")));

        Files.createSymbolicLink(dir.resolve("force-app"), elsewhere);
        OutputFolder.Refused refused = assertThrows(OutputFolder.Refused.class,
                () -> folder().write(List.of(ExportFile.text("force-app/x.xml", "<x/>")), true));
        assertTrue(refused.getMessage().contains("a folder on its way is a link that leads out of out"), refused.getMessage());
        assertFalse(Files.exists(elsewhere.resolve("x.xml")));
    }

    @Test
    void aFolderWhereAFileGoesIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("c.xml"));
        assertThrows(OutputFolder.Refused.class, () -> folder().write(List.of(ExportFile.text("c.xml", "<x/>")), true));
    }
}
