package dev.playbook.render;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each diagram is drawn into one page only: the flowchart page has it inline, with its links,
 * and the overview shows the picture of its file, with the same words for screen readers.
 */
class DiagramPlacementTest {

    @Test
    void noDiagramIsInlinedTwiceAndTheOverviewShowsTheFlowchartsFile(@TempDir Path temp) throws IOException {
        Path site = temp.resolve("site");
        Outcome outcome = Builds.build(Path.of("process-definitions"), "process-definitions", site, null);
        assertTrue(outcome.succeeded(), () -> outcome.diagnostics().sorted() + " " + outcome.failureMessage());

        Map<String, String> inlinedIn = new HashMap<>();
        for (Path page : pages(site)) {
            Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
            for (Element svg : doc.select("svg[aria-labelledby]")) {
                String where = site.relativize(page).toString();
                String earlier = inlinedIn.putIfAbsent(svg.attr("aria-labelledby"), where);
                assertTrue(earlier == null, () -> "the diagram " + svg.attr("aria-labelledby") + " is inlined in "
                        + earlier + " and again in " + where);
            }
        }

        List<Path> overviews;
        try (Stream<Path> files = Files.list(site)) {
            overviews = files.map(folder -> folder.resolve("index.html")).filter(Files::isRegularFile).toList();
        }
        assertTrue(overviews.size() > 1, overviews::toString);
        for (Path overview : overviews) {
            Document doc = Jsoup.parse(Files.readString(overview, StandardCharsets.UTF_8));
            Element picture = doc.selectFirst("figure.diagram-flow img");
            if (doc.selectFirst("figure.diagram-flow") == null) continue; // the home page
            assertNotNull(picture, overview + " shows no picture of its flowchart");
            assertTrue(doc.select("figure.diagram-flow svg").isEmpty(), overview + " inlines its flowchart");
            Path file = overview.getParent().resolve(picture.attr("src"));
            Document svg = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.xmlParser());
            assertEquals(svg.selectFirst("title").text() + ". " + svg.selectFirst("desc").text(), picture.attr("alt"),
                    overview + ": the picture's words are the drawing's");
            String[] box = svg.selectFirst("svg").attr("viewBox").split(" ");
            assertEquals(box[2], picture.attr("width"), overview.toString());
            assertEquals(box[3], picture.attr("height"), overview.toString());
        }
    }

    private static List<Path> pages(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void aDiagramShownTwiceOnAPageGetsIdsOfItsOwnThereAndIsDrawnOnce(@TempDir Path temp) throws IOException {
        Path site = temp.resolve("site");
        Outcome outcome = Builds.build(RenderFixtures.folder("repeated-diagram"), "defs", site, null, temp.resolve("cache"));
        assertTrue(outcome.succeeded(), () -> outcome.diagnostics().sorted() + " " + outcome.failureMessage());
        assertEquals(2, Builds.summary(outcome).diagramsDrawn(), "the repeated diagram once, and the flowchart");

        Document page = Jsoup.parse(Files.readString(site.resolve("repeated/stages/a.html"), StandardCharsets.UTF_8));
        List<Element> diagrams = page.select("figure.diagram svg[aria-labelledby]");
        assertEquals(2, diagrams.size());
        Map<String, Integer> ids = new HashMap<>();
        for (Element e : page.select("[id]")) ids.merge(e.id(), 1, Integer::sum);
        ids.forEach((id, n) -> assertEquals(1, n, () -> "the id " + id + " is on the page " + n + " times"));
        for (Element svg : diagrams) {
            String[] refs = svg.attr("aria-labelledby").split(" ");
            assertEquals(2, refs.length);
            assertEquals("title", page.getElementById(refs[0]).tagName(), "the label is this drawing's own title");
            assertEquals(svg, page.getElementById(refs[0]).parent());
            assertEquals(svg, page.getElementById(refs[1]).parent());
        }
        Document other = Jsoup.parse(Files.readString(site.resolve("repeated/stages/b.html"), StandardCharsets.UTF_8));
        assertEquals(diagrams.get(0).attr("aria-labelledby"), other.selectFirst("figure.diagram svg").attr("aria-labelledby"),
                "a page that shows it once keeps its usual ids");
    }
}
