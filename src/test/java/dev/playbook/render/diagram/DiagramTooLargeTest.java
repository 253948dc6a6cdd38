package dev.playbook.render.diagram;

import dev.playbook.render.RenderScope;
import dev.playbook.render.Theme;
import dev.playbook.render.RenderFixtures;
import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Severity;
import dev.playbook.model.Site;
import dev.playbook.progress.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When PlantUML cannot draw a diagram it draws a picture of its own crash instead ("send this to
 * plantuml@…", with details of the JVM). That picture is never published or cached: an author's
 * diagram is an error at its line, a generated one too large to draw gives way to a notice.
 */
class DiagramTooLargeTest {
    /** A drawing thread this small runs out of stack on a few hundred boxes, as 1 MB does on a few thousand. */
    private static final long SMALL_STACK = 128 * 1024;

    /**
     * PlantUML's classes are loaded and initialised on a thread with room to spare: one whose
     * initialiser ran out of stack would stay broken for every later test in this JVM.
     */
    @BeforeAll
    static void warmUp() {
        assertFalse(new PlantUmlEngine().draw("|A|\nstart\n:a;\n|B|\n:b;\nstop").failed());
    }

    /** A playbook with {@code stages} stages on its main path, one task and one exit criterion each. */
    private static Path playbook(Path folder, String id, String language, int stages) throws IOException {
        StringBuilder yaml = new StringBuilder("playbook: " + id + "\ntitle: Long process\nlanguage: " + language
                + "\nroles:\n  - { id: rep, title: Rep }\nstages:\n");
        for (int i = 1; i <= stages; i++) {
            yaml.append("  - id: s").append(i).append("\n    title: Step ").append(i)
                    .append("\n    tasks: [{ title: Do step ").append(i).append(", role: rep }]")
                    .append("\n    exit_criteria: [Step ").append(i).append(" done]\n");
        }
        Path source = Files.createDirectories(folder);
        Files.writeString(source.resolve(id + ".yaml"), yaml, StandardCharsets.UTF_8);
        return source;
    }

    @Test
    void aPlaybookTooLargeToDrawGetsANoticeInsteadOfPlantUmlsCrashPicture(@TempDir Path temp) throws IOException {
        Path source = playbook(temp.resolve("defs"), "big", "en", 3000);
        Path site = temp.resolve("site");
        Path cache = temp.resolve("cache");
        Outcome report = Builds.build(source, "defs", site, null, cache);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted() + " " + report.failureMessage());

        List<String> warnings = report.diagnostics().sorted().stream()
                .filter(d -> d.severity() == Severity.WARNING).map(Diagnostic::toString).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("defs/big.yaml:1:1: warning: playbook `big` has 3000 stages")
                && w.contains("left out")), warnings.toString());
        String notice = "<p class=\"diagram-omitted\">Diagram omitted: 3000 stages</p>";
        String flowPage = Files.readString(site.resolve("big/flow.html"));
        assertTrue(flowPage.contains("<figure class=\"diagram diagram-flow\" id=\"flow-diagram\">" + notice + "</figure>"), "flowchart notice");
        assertTrue(flowPage.contains("<figure class=\"diagram diagram-roles\" id=\"roles-diagram\">" + notice + "</figure>"), "swimlanes notice");
        assertFalse(flowPage.contains("flow.svg") || flowPage.contains("roles.svg"), "no link to a picture not published");
        assertTrue(Files.readString(site.resolve("big/index.html")).contains(notice), "the overview shows the notice too");
        assertFalse(Files.exists(site.resolve("big/flow.svg")));
        assertFalse(Files.exists(site.resolve("big/roles.svg")));
        assertTrue(Files.exists(site.resolve("big/flow.puml")), "the source is still there to draw elsewhere");
        assertNothingHolds(site, "plantuml@");
        assertCached(cache, 0, "PlantUML's failure was cached");
    }

    @Test
    void aGeneratedDiagramPlantUmlFailsOnIsLeftOutWithAWarningInThePagesLanguage(@TempDir Path temp) throws Exception {
        Site site = load(playbook(temp.resolve("defs"), "dlugi", "pl", 800));
        Path cache = temp.resolve("cache");
        Diagnostics diagnostics = new Diagnostics();
        Diagrams.Drawn drawn = new Diagrams(smallStackBatch(cache))
                .draw(site, new Theme(null).messages(), diagnostics, RenderScope.ALL);

        assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
        List<String> warnings = diagnostics.sorted().stream().map(Diagnostic::toString).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("defs/dlugi.yaml:1:1: warning: the flowchart of playbook `dlugi`"
                + " cannot be drawn: the diagram is too large for PlantUML to draw")), warnings.toString());
        PlaybookDiagrams diagrams = drawn.byPlaybook().get("dlugi");
        assertNull(diagrams.flowSvg());
        assertEquals("<p class=\"diagram-omitted\">Diagram pominięty: 800 etapów</p>", diagrams.flowMarkup());
        assertFalse(String.valueOf(diagrams.rolesMarkup()).contains("plantuml@"));
        assertCached(cache, diagrams.rolesSvg() == null ? 0 : 1, "PlantUML's failure was cached");
    }

    @Test
    void anAuthorsDiagramPlantUmlFailsOnIsAnErrorAtItsLine(@TempDir Path temp) throws Exception {
        StringBuilder diagram = new StringBuilder();
        for (int i = 1; i <= 800; i++) diagram.append("  :Step ").append(i).append(";\n");
        Path source = Files.createDirectories(temp.resolve("defs"));
        Files.writeString(source.resolve("drawn.yaml"), """
                playbook: drawn
                title: Drawn by hand
                summary: |
                  The whole call:

                  ```plantuml
                  start
                """ + diagram + """
                  stop
                  ```
                stages:
                  - id: call
                    title: Call
                    tasks: [Call]
                    exit_criteria: [Called]
                """, StandardCharsets.UTF_8);
        Path cache = temp.resolve("cache");
        Diagnostics diagnostics = new Diagnostics();
        Diagrams.Drawn drawn = new Diagrams(smallStackBatch(cache))
                .draw(load(source), new Theme(null).messages(), diagnostics, RenderScope.ALL);

        List<String> errors = diagnostics.sorted().stream().filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::toString).toList();
        assertEquals(List.of("defs/drawn.yaml:7:3: error: PlantUML cannot draw this diagram: "
                + "the diagram is too large for PlantUML to draw (it ran out of stack)"), errors);
        assertTrue(drawn.markdownMarkup().isEmpty(), "nothing to embed");
        assertCached(cache, 1, "only the playbook's flowchart");
    }

    private static DiagramBatch smallStackBatch(Path cache) {
        return new DiagramBatch(new PlantUmlEngine(), new DiagramCache(cache), Progress.NONE, SMALL_STACK);
    }

    private static Site load(Path source) {
        return RenderFixtures.site(source, "defs");
    }

    private static void assertNothingHolds(Path site, String text) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(text),
                        () -> site.relativize(file) + " holds " + text);
            }
        }
    }

    private static void assertCached(Path cache, int entries, String why) throws IOException {
        if (!Files.exists(cache)) {
            assertEquals(0, entries, why);
            return;
        }
        try (Stream<Path> files = Files.walk(cache)) {
            assertEquals(entries, files.filter(Files::isRegularFile).count(), why);
        }
    }
}
