package dev.playbook.render;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemeScriptCheckTest {
    @TempDir
    Path folder;

    @Test
    void theBundledThemeAloneIsNotWarnedAbout() throws Exception {
        assertEquals(List.of(), warnings(new Theme(null)));
        assertEquals(List.of(), warnings(new Theme(folder)));
    }

    @Test
    void anOwnScriptThatPutsInNeitherIsWarnedAboutAtItsFile() throws Exception {
        write("assets/playbook.js", "document.title = 'mine';");
        List<Diagnostic> found = warnings(new Theme(folder));
        assertEquals(1, found.size(), found::toString);
        Diagnostic warning = found.get(0);
        assertTrue(warning.at().file().endsWith("assets/playbook.js"), warning::toString);
        assertTrue(warning.message().contains("search form") && warning.message().contains("swimlanes")
                && warning.message().contains("flowchart picture"), warning.message());
    }

    @Test
    void anOwnScriptThatHandlesWhatIsHeldIsNotWarnedAbout() throws Exception {
        write("assets/playbook.js", "var slot = document.querySelector('.search-slot');"
                + " var held = document.querySelectorAll('[data-picture]');");
        assertEquals(List.of(), warnings(new Theme(folder)));
    }

    @Test
    void ownTemplatesLeaveOnlyWhatTheBundledOnesStillHold() throws Exception {
        write("assets/playbook.js", "document.title = 'mine';");
        write("layout.ftlh", "<#macro page></#macro>");
        write("playbook.ftlh", "overview");
        List<Diagnostic> found = warnings(new Theme(folder));
        assertEquals(1, found.size(), found::toString);
        String message = found.get(0).message();
        assertTrue(message.contains("swimlanes") && !message.contains("search form") && !message.contains("flowchart picture"), message);
        write("flow.ftlh", "flow");
        assertEquals(List.of(), warnings(new Theme(folder)));
    }

    private void write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<Diagnostic> warnings(Theme theme) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        ThemeScriptCheck.check(theme, diagnostics);
        return diagnostics.sorted();
    }
}
