package dev.playbook.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tool's code is told by what it holds: the same code gives the same identity whenever and
 * wherever its files were written, and any change to it gives another.
 */
class ToolCodeTest {
    private static final Map<String, String> CLASSES = Map.of(
            "dev/playbook/A.class", "first class",
            "dev/playbook/B.class", "second class",
            "templates/page.ftlh", "<p>${x}</p>");

    private static Path jar(Path file, Map<String, String> entries, long entryTime) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : new TreeMap<>(entries).entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(entryTime);
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private static Path classes(Path folder, Map<String, String> files) throws IOException {
        for (var e : files.entrySet()) {
            Path file = folder.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
        }
        return folder;
    }

    @Test
    void aJarOfTheSameCodeIsTheSameToolWhenAndWhereverItWasWritten(@TempDir Path dir) throws IOException {
        Path first = jar(dir.resolve("playbook.jar"), CLASSES, 1_000_000_000L);
        Files.createDirectories(dir.resolve("elsewhere"));
        Path again = jar(dir.resolve("elsewhere/playbook-copy.jar"), CLASSES, 2_000_000_000_000L);
        Files.setLastModifiedTime(again, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

        ToolCode one = ToolCode.of(first, "ignored for a jar");
        ToolCode other = ToolCode.of(again, "another class path");
        assertTrue(one.packaged());
        assertEquals(one, other);
    }

    @Test
    void aJarWithAnyFileChangedAddedOrRenamedIsAnotherTool(@TempDir Path dir) throws IOException {
        String base = ToolCode.of(jar(dir.resolve("base.jar"), CLASSES, 0), "").identity();

        var changed = new HashMap<>(CLASSES);
        changed.put("dev/playbook/B.class", "second clasS");
        var added = new HashMap<>(CLASSES);
        added.put("dev/playbook/C.class", "");
        var renamed = new HashMap<>(CLASSES);
        renamed.put("dev/playbook/b.class", renamed.remove("dev/playbook/B.class"));

        for (var variant : List.of(changed, added, renamed)) {
            Path file = jar(Files.createTempFile(dir, "variant", ".jar"), variant, 0);
            assertNotEquals(base, ToolCode.of(file, "").identity(), variant::toString);
        }
    }

    @Test
    void aFolderOfClassesIsToldByItsFilesContentsAndClassPathNotTheirTimes(@TempDir Path dir) throws IOException {
        Path classes = classes(dir.resolve("classes"), CLASSES);
        ToolCode before = ToolCode.of(classes, "lib/plantuml-1.jar");
        assertFalse(before.packaged());

        Files.setLastModifiedTime(classes.resolve("dev/playbook/A.class"), FileTime.from(Instant.parse("2031-01-01T00:00:00Z")));
        assertEquals(before, ToolCode.of(classes, "lib/plantuml-1.jar"), "only a time changed");

        assertNotEquals(before, ToolCode.of(classes, "lib/plantuml-2.jar"), "another library");
        Files.writeString(classes.resolve("dev/playbook/A.class"), "first clasS");
        assertNotEquals(before, ToolCode.of(classes, "lib/plantuml-1.jar"), "a class changed");
    }

    @Test
    void codeThatIsNotThereIsAnError(@TempDir Path dir) {
        assertThrows(IOException.class, () -> ToolCode.of(dir.resolve("gone.jar"), ""));
    }

    @Test
    void runFromClassesTheToolHasNoStampSoEveryBuildDrawsTheSite() throws IOException {
        assertFalse(ToolCode.running().packaged(), "the tests run from target/classes");
        assertEquals(null, ToolCode.stamp());
    }

    @Test
    void theRunningToolHasAnIdentity() throws IOException {
        ToolCode running = ToolCode.running();
        assertEquals(64, running.identity().length());
        assertEquals(running, ToolCode.running());
    }
}
