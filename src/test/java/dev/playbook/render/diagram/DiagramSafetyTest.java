package dev.playbook.render.diagram;

import dev.playbook.render.RenderFixtures;
import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.diagnostics.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Diagram source comes from anyone who can edit a playbook; none of it may reach past the sandbox. */
class DiagramSafetyTest {

    @Test
    void aDiagramPlantUmlRejectsIsAnErrorAtItsYamlLine() {
        Outcome report = Builds.check(
                RenderFixtures.folder("bad-diagram"), "bad-diagram", null);
        List<String> errors = report.diagnostics().sorted().stream().map(Diagnostic::toString).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("bad-diagram/bad.yaml:14:7: error: PlantUML cannot draw this diagram: "),
                errors.get(0));
    }

    @Test
    void includesUrlsEnvironmentAndScriptLinksAreNeutralised(@TempDir Path temp) throws Exception {
        Outcome report = Builds.check(
                RenderFixtures.folder("hostile-diagrams"), "hostile", null);
        List<String> errors = report.diagnostics().sorted().stream().map(Diagnostic::toString).toList();
        // the includes are refused, each reported at its own line
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("hostile/hostile.yaml:18:7:") && e.contains("/etc/passwd")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("hostile/hostile.yaml:24:7:") && e.contains("pom.xml")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("hostile/hostile.yaml:34:7:")), errors.toString());
        assertEquals(3, errors.size(), errors.toString());
    }

    @Test
    void whatPlantUmlDoesDrawCarriesNoSecretsAndNoScript(@TempDir Path temp) throws Exception {
        String svg = new SvgCleaner().clean(new PlantUmlEngine().draw(
                "start\n:home is %getenv(\"HOME\") user %getenv(\"USER\");\n:[[javascript:alert(1) click me]];\n"
                        + ":[[https://example.com/ safe]];\nstop").svg(), "t", "title", "desc");
        String home = System.getenv("HOME");
        if (home != null && home.length() > 1) assertFalse(svg.contains(home), "HOME leaked into the diagram");
        assertFalse(svg.toLowerCase().contains("javascript:"), svg);
        assertTrue(svg.contains("href=\"https://example.com/\""), "safe links stay");
    }

    @Test
    void theCleanerRemovesScriptsHandlersAndUnsafeLinks() {
        String dirty = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                + " width=\"10px\" height=\"10px\" viewBox=\"0 0 10 10\" zoomAndPan=\"magnify\" onload=\"alert(1)\"><?plantuml 1?>"
                + "<script>alert(2)</script><a xlink:href=\"javascript:alert(3)\"><text onclick=\"alert(4)\">x</text></a>"
                + "<a href=\"stages/a.html\" xlink:href=\"stages/a.html\" target=\"_top\"><rect/></a>"
                + "<foreignObject><div>y</div></foreignObject></svg>";
        String clean = new SvgCleaner().clean(dirty, "p", "T", "D");
        assertFalse(clean.contains("alert"), clean);
        assertFalse(clean.contains("<?"), clean);
        assertFalse(clean.contains("foreignObject"), clean);
        assertFalse(clean.contains("zoomAndPan"), clean);
        assertTrue(clean.contains("<text>x</text>"), "an unsafe link loses its target, not its content: " + clean);
        assertTrue(clean.contains("<a href=\"stages/a.html\"><rect/></a>"), clean);
        assertTrue(clean.contains("<title id=\"p-title\">T</title><desc id=\"p-desc\">D</desc>"), clean);
    }

    @Test
    void aBuildOfHostileInputWritesNothingAnywhere(@TempDir Path temp) throws Exception {
        Path out = temp.resolve("site");
        Outcome report = Builds.build(
                RenderFixtures.folder("hostile-diagrams"), "hostile", out, null, temp.resolve("cache"));
        assertFalse(report.succeeded());
        try (Stream<Path> files = Files.list(temp)) {
            List<Path> written = files.filter(p -> !p.getFileName().toString().equals("cache")).toList();
            assertEquals(List.of(), written, "a failed build leaves no site and no temporary folder behind");
        }
    }
}
