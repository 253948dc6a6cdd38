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
}
