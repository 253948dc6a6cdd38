package dev.playbook.render.diagram;

import dev.playbook.Outcome;
import dev.playbook.render.Messages;
import dev.playbook.render.RenderScope;
import dev.playbook.render.Theme;
import dev.playbook.render.RenderFixtures;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.model.Language;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import dev.playbook.testing.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagramsTest {

    private static Map<Language, Messages> messages() throws Exception {
        Map<Language, Messages> all = new EnumMap<>(Language.class);
        all.putAll(new Theme(null).messages());
        return all;
    }

    @Test
    void theFlowchartShowsEveryStageTitleWithPolishLettersAndLinksEachBox(@TempDir Path cache) throws Exception {
        Site site = RenderFixtures.site("flow");
        Diagnostics diagnostics = new Diagnostics();
        Diagrams.Drawn drawn = new Diagrams(new DiagramBatch(new PlantUmlEngine(), new DiagramCache(cache)))
                .draw(site, messages(), diagnostics, RenderScope.ALL);
        assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
        String svg = drawn.byPlaybook().get("flow").flowSvg();
        for (Stage stage : site.playbooks().get(0).allStages()) {
            String shown = stage.title().replace("<", "&lt;").replace(">", "&gt;");
            assertTrue(svg.contains(shown), () -> "no `" + stage.title() + "` in the SVG");
            assertTrue(svg.contains("href=\"stages/" + stage.id() + ".html\""), () -> "no link to " + stage.id());
        }
        assertTrue(svg.contains("Klient wybrał konkurencję"), "branch labels keep Polish letters");
        assertTrue(svg.startsWith("<svg"), "no XML declaration or processing instruction before the svg");
        assertFalse(svg.contains("<?"), "processing instructions are gone");
        assertTrue(svg.contains("role=\"group\"") && svg.contains("<title id=") && svg.contains("<desc id="),
                "a group (its boxes are links) with an accessible title and description");
        assertFalse(svg.contains("width=\"") && svg.matches("(?s)<svg[^>]*\\swidth=.*"), "no fixed width on the svg");
    }

    @Test
    void aRenamedPlaybookKeepsItsDrawingsAndTheyCarryItsNewName(@TempDir Path temp) throws Exception {
        Path definitions = Files.createDirectories(temp.resolve("defs"));
        Path yaml = definitions.resolve("flow.yaml");
        String original = Files.readString(RenderFixtures.folder("flow").resolve("flow.yaml"));
        Files.writeString(yaml, original);
        Path site = temp.resolve("site");
        Path cache = temp.resolve("cache");
        Outcome first = Builds.build(definitions, "defs", site, null, cache);
        assertTrue(first.succeeded(), () -> first.diagnostics().sorted().toString());
        assertEquals(2, Builds.summary(first).diagramsDrawn());

        Files.writeString(yaml, original.replaceFirst("(?m)^title: .*$", "title: Renamed & <better>"));
        Outcome second = Builds.build(definitions, "defs", site, null, cache);
        assertTrue(second.succeeded(), () -> second.diagnostics().sorted().toString());
        assertEquals(0, Builds.summary(second).diagramsDrawn(), "a new name alone is no reason to draw again");
        assertEquals(2, Builds.summary(second).diagramsCached());
        String page = Files.readString(site.resolve("flow/flow.html"));
        assertTrue(page.contains("-title\">Schemat blokowy: Renamed &amp; &lt;better&gt;</title>"), "the flowchart's new name");
        assertTrue(page.contains("-title\">Kto co robi: Renamed &amp; &lt;better&gt;</title>"), "the swimlanes' new name");
        assertTrue(Files.readString(site.resolve("flow/flow.svg")).contains(">Schemat blokowy: Renamed &amp; &lt;better&gt;</title>"));
    }

    @Test
    void aDiagramIsDrawnOnceAndThenComesFromTheCache(@TempDir Path cache) throws Exception {
        Site site = RenderFixtures.site("flow");
        DiagramBatch first = new DiagramBatch(new PlantUmlEngine(), new DiagramCache(cache));
        Diagrams.Drawn a = new Diagrams(first).draw(site, messages(), new Diagnostics(), RenderScope.ALL);
        assertEquals(2, first.drawn(), "the flowchart and the swimlanes");
        assertEquals(0, first.cached());

        DiagramBatch second = new DiagramBatch(new PlantUmlEngine(), new DiagramCache(cache));
        Diagrams.Drawn b = new Diagrams(second).draw(site, messages(), new Diagnostics(), RenderScope.ALL);
        assertEquals(0, second.drawn());
        assertEquals(2, second.cached());
        assertEquals(a.byPlaybook().get("flow").flowSvg(), b.byPlaybook().get("flow").flowSvg());
    }

    @Test
    void aRehearsalDrawsButLeavesTheCacheAndTheCountsAlone(@TempDir Path cache) throws Exception {
        Site site = RenderFixtures.site("flow");
        Diagrams diagrams = new Diagrams(new DiagramBatch(new PlantUmlEngine(), new DiagramCache(cache)));
        diagrams.rehearse(site, messages(), 2);
        assertEquals(0, diagrams.drawn() + diagrams.cached());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(0, files.count(), "a rehearsal wrote into the cache");
        }
        Diagrams.Drawn drawn = diagrams.draw(site, messages(), new Diagnostics(), RenderScope.ALL);
        assertEquals(2, diagrams.drawn(), "what the rehearsal drew was not kept");
        assertTrue(drawn.byPlaybook().get("flow").flowSvg().startsWith("<svg"));
    }

    @Test
    void thePagesCanStartWhileTheSwimlanesAreDrawnAndFinishCountsAndCachesThem(@TempDir Path cache) throws Exception {
        Site site = RenderFixtures.site("flow");
        Diagrams whole = new Diagrams(new DiagramBatch(new PlantUmlEngine(), new DiagramCache(null)));
        PlaybookDiagrams expected = whole.draw(site, messages(), new Diagnostics(), RenderScope.ALL).byPlaybook().get("flow");

        Diagrams diagrams = new Diagrams(new DiagramBatch(new PlantUmlEngine(), new DiagramCache(cache)));
        Diagnostics diagnostics = new Diagnostics();
        Diagrams.Drawing drawing = diagrams.start(site, messages(), RenderScope.ALL);
        PlaybookDiagrams early = drawing.drawn(diagnostics).byPlaybook().get("flow");
        assertEquals(expected.flowSvg(), early.flowSvg(), "the flowchart is there when drawn() returns");
        assertEquals(expected.rolesSvg(), early.rolesSvg(), "the swimlanes are handed over when asked for");
        drawing.finish(diagnostics);
        assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
        assertEquals(2, diagrams.drawn());
        assertTrue(drawing.nanos() > 0);
        try (Stream<Path> files = Files.walk(cache)) {
            assertEquals(2, files.filter(f -> f.toString().endsWith(".svg")).count(), "both drawings are cached");
        }
    }
}
