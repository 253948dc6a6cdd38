package dev.playbook.cli;

import dev.playbook.testing.Cli;
import freemarker.template.Configuration;
import net.sourceforge.plantuml.version.Version;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --version names the tool, PlantUML, FreeMarker and the Java runtime, as each reports itself. */
class VersionTest {

    /** The version in the file name of the jar a class came from, as Maven named it: a second witness. */
    private static String jarVersion(Class<?> type, String artifact) throws Exception {
        String file = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
        Matcher m = Pattern.compile(Pattern.quote(artifact) + "-(.+)\\.jar").matcher(file);
        assertTrue(m.matches(), file);
        return m.group(1);
    }

    @Test
    void versionNamesTheLibrariesAndTheRuntime() throws Exception {
        Cli.Result run = Cli.run("--version");
        assertEquals(0, run.code(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals("playbook " + VersionProvider.version(), lines.get(0));
        assertEquals("PlantUML " + jarVersion(Version.class, "plantuml-mit"), lines.get(1));
        assertEquals("FreeMarker " + jarVersion(Configuration.class, "freemarker"), lines.get(2));
        assertTrue(lines.get(3).startsWith("Java " + Runtime.version() + " ("), lines.get(3));
        assertTrue(lines.get(3).contains(System.getProperty("java.vendor")), lines.get(3));
    }
}
