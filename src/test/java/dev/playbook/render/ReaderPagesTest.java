package dev.playbook.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.playbook.model.Language;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import dev.playbook.model.Task;
import dev.playbook.model.Track;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages as a reader meets them, read with jsoup: the site's title and footer in each page's
 * language (from a fixture under {@code src/test/resources/views/}, whose expected words are read
 * with a YAML library of its own, not through Playbook's loader); and, on the bundled examples,
 * what the checklist's script works with, in the page before it runs: the deal controls and
 * counts in their place, a deal picker and live boxes on stage pages, the words the script says,
 * the diagram's full-size button, and Markdown to-dos without a bullet.
 */
class ReaderPagesTest {
    static final Path FIXTURES = Path.of("src/test/resources/views");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final List<String> PLURAL_FORMS = List.of("zero", "one", "two", "few", "many", "other");

    @TempDir
    static Path shared;

    static Site model;
    static Path examples;
    static Map<Language, Messages> messages;

    @BeforeAll
    static void buildTheExamples() throws IOException {
        model = ViewPagesTest.resolve(ViewPagesTest.EXAMPLES);
        messages = new Theme(null).messages();
        examples = shared.resolve("site");
        ViewPagesTest.build(ViewPagesTest.EXAMPLES, examples);
    }

    @Test
    void siteTitleAndFooterFollowEachPagesLanguage(@TempDir Path temp) throws IOException {
        Path source = FIXTURES.resolve("per-language-site");
        JsonNode settings = YAML.readTree(source.resolve("site.yaml").toFile());
        String polishFooter = settings.at("/footer/pl").asText().strip();
        Path out = temp.resolve("site");
        ViewPagesTest.build(source, out);

        Document english = ViewPagesTest.parse(out.resolve("shop/index.html"));
        assertEquals("en", english.select("html").attr("lang"));
        assertEquals(settings.at("/title/en").asText(), english.selectFirst(".brand").text(), "the English page's site title");
        assertEquals(true, english.title().endsWith(settings.at("/title/en").asText()), "the English page's <title>: " + english.title());
        // no English footer: the site's own language stands in
        assertEquals(polishFooter, english.selectFirst(".footer-text").text(), "the English page falls back to the site's footer");

        for (String page : new String[]{"sklep/index.html", "index.html", "audit.html"}) {
            Document polish = ViewPagesTest.parse(out.resolve(page));
            assertEquals("pl", polish.select("html").attr("lang"), page);
            assertEquals(settings.at("/title/pl").asText(), polish.selectFirst(".brand").text(), page + ": the site title");
            assertEquals(polishFooter, polish.selectFirst(".footer-text").text(), page + ": the footer");
        }
        assertEquals(settings.at("/title/pl").asText(), ViewPagesTest.parse(out.resolve("index.html")).selectFirst("h1").text(),
                "the home page's heading is the title in the site's language");
    }

    @Test
    void theChecklistHasItsControlsAndCountsInPlaceBeforeTheScriptRuns() {
        List<String> problems = new ArrayList<>();
        for (Playbook pb : model.playbooks()) {
            String where = pb.id() + "/checklist.html";
            Document doc = page(pb, "checklist.html");
            Element bar = doc.selectFirst(".deal-bar[data-checklist-controls]");
            if (bar == null) {
                problems.add(where + ": no deal bar");
                continue;
            }
            if (bar.hasAttr("hidden")) problems.add(where + ": the deal bar is hidden until the script shows it, which moves the page");
            int main = pb.route().mainPath().stream().mapToInt(ReaderPagesTest::required).sum();
            expect(problems, where + " #overall-count", "0/" + main, text(doc.selectFirst("#overall-count")));
            expect(problems, where + " #overall-progress max", String.valueOf(main), doc.selectFirst("#overall-progress").attr("max"));
            for (Stage stage : pb.allStages()) {
                Element count = doc.selectFirst(".checklist-stage[data-stage=" + stage.id() + "] .stage-progress");
                expect(problems, where + " progress of " + stage.id(), required(stage) == 0 ? "" : "0/" + required(stage), text(count));
            }
            for (Track track : pb.tracks()) {
                int own = track.stages().stream().mapToInt(ReaderPagesTest::required).sum();
                if (own == 0) continue;
                expect(problems, where + " side path " + track.id(), "0/" + own,
                        text(doc.selectFirst(".side-heading [data-section-progress=" + track.id() + "]")));
            }
            for (String id : List.of("deal-select", "deal-name", "deal-add", "checklist-reset", "deal-delete", "deal-export",
                    "deal-import-button", "deal-import", "print-ticks")) {
                if (doc.getElementById(id) == null) problems.add(where + ": no #" + id);
            }
            if (doc.selectFirst("label[for=print-ticks]") == null) problems.add(where + ": the print option has no label");
            if (doc.selectFirst("#print-ticks[checked]") != null) problems.add(where + ": printing the deal's ticks should not be the default");
            if (doc.selectFirst(".print-header .print-deal .print-deal-name") == null) problems.add(where + ": no place for the deal's name in the printed header");
            if (doc.selectFirst("#notices[aria-live=polite]") == null) problems.add(where + ": no live region for notices");
        }
        ViewPagesTest.assertNoProblems(problems);
    }

    @Test
    void stagePagesHaveADealPickerAndABoxForEachTaskAndExitCriterion() {
        List<String> problems = new ArrayList<>();
        for (Playbook pb : model.playbooks()) {
            Document checklist = page(pb, "checklist.html");
            for (Stage stage : pb.allStages()) {
                String where = pb.id() + "/stages/" + stage.id() + ".html";
                Document doc = ViewPagesTest.parse(examples.resolve(pb.id()).resolve("stages").resolve(stage.id() + ".html"));
                Element bar = doc.selectFirst(".stage-actions .deal-bar[data-checklist-controls]");
                if (bar == null || doc.selectFirst(".stage-actions #deal-select") == null
                        || doc.selectFirst("label[for=deal-select]") == null) {
                    problems.add(where + ": no labelled deal picker");
                    continue;
                }
                expect(problems, where + " data-stage-page", stage.id(), bar.attr("data-stage-page"));
                expect(problems, where + " #stage-count", required(stage) == 0 ? null : "0/" + required(stage),
                        doc.selectFirst("#stage-count") == null ? null : text(doc.selectFirst("#stage-count")));
                List<String> expected = new ArrayList<>();
                for (Task task : stage.tasks()) expected.add(stage.id() + "/" + task.id());
                stage.exitCriteria().forEach(c -> expected.add(c.key()));
                List<String> live = new ArrayList<>();
                for (Element box : doc.select("article input.check-box[type=checkbox]")) {
                    live.add(box.attr("data-key"));
                    if (ViewPagesTest.labelOf(doc, box) == null) problems.add(where + ": the box " + box.attr("data-key") + " has no label");
                    if (checklist.selectFirst(".checklist input[data-key=\"" + box.attr("data-key") + "\"]") == null) {
                        problems.add(where + ": the box " + box.attr("data-key") + " has no twin on the checklist page");
                    }
                }
                expect(problems, where + " live boxes", expected.toString(), live.toString());
            }
        }
        ViewPagesTest.assertNoProblems(problems);
    }

    @Test
    void theScriptsWordsAreInThePagesLanguage() {
        List<String> problems = new ArrayList<>();
        for (Playbook pb : model.playbooks()) {
            Messages words = messages.get(pb.language());
            Path stage = examples.resolve(pb.id()).resolve("stages").resolve(pb.route().mainPath().get(0).id() + ".html");
            for (Document doc : List.of(page(pb, "checklist.html"), ViewPagesTest.parse(stage))) {
                Element bar = doc.selectFirst("[data-checklist-controls]");
                String where = pb.id() + " (" + doc.title() + ")";
                expect(problems, where + " data-playbook", pb.id(), bar.attr("data-playbook"));
                expect(problems, where + " default deal", words.get("checklist.defaultDeal"), bar.attr("data-default-deal"));
                int said = 0;
                for (Attribute a : bar.attributes()) {
                    if (!a.getKey().startsWith("data-msg-") || a.getKey().startsWith("data-msg-stale-")) continue;
                    said++;
                    if (!words.asMap().containsValue(a.getValue())) problems.add(where + ": " + a.getKey() + " is not a word of the page's language: " + a.getValue());
                }
                if (said < 10) problems.add(where + ": only " + said + " words for the script");
                for (String form : PLURAL_FORMS) {
                    String word = words.asMap().get("plural.staleTicks." + form);
                    expect(problems, where + " data-msg-stale-" + form, word, bar.hasAttr("data-msg-stale-" + form) ? bar.attr("data-msg-stale-" + form) : null);
                }
            }
        }
        ViewPagesTest.assertNoProblems(problems);
    }

    @Test
    void theFlowchartCanBeShownAtFullSize() {
        List<String> problems = new ArrayList<>();
        for (Playbook pb : model.playbooks()) {
            for (String view : List.of("index.html", "flow.html")) {
                Document doc = page(pb, view);
                Element button = doc.selectFirst("button.diagram-zoom[data-zoom=flow-diagram]");
                if (button == null) {
                    problems.add(pb.id() + "/" + view + ": no button to show the flowchart at full size");
                    continue;
                }
                expect(problems, pb.id() + "/" + view + " aria-pressed", "false", button.attr("aria-pressed"));
                // the flowchart page holds the drawing; the overview shows flow.svg as a picture of known width
                String drawing = view.equals("flow.html") ? "figure#flow-diagram svg[viewBox]"
                        : "figure#flow-diagram img.diagram-svg[src=flow.svg][width]";
                if (doc.selectFirst(drawing) == null) problems.add(pb.id() + "/" + view + ": the button names no diagram");
            }
        }
        ViewPagesTest.assertNoProblems(problems);
    }

    @Test
    void markdownToDosHaveABoxInsteadOfABullet() {
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (Playbook pb : model.playbooks()) {
            for (Stage stage : pb.allStages()) {
                Document doc = ViewPagesTest.parse(examples.resolve(pb.id()).resolve("stages").resolve(stage.id() + ".html"));
                for (Element box : doc.select("main .task-box")) {
                    seen++;
                    Element item = box.parent();
                    if (!item.is("li.task-list-item") || !item.parent().is(".contains-task-list")) {
                        problems.add(pb.id() + "/" + stage.id() + ": a to-do box outside li.task-list-item in .contains-task-list: " + item.outerHtml());
                    }
                }
            }
        }
        assertTrue(seen > 0, "the examples have no Markdown to-do to look at");
        ViewPagesTest.assertNoProblems(problems);
    }

    // ---------------------------------------------------------------------------------------------

    /** What progress counts for a stage: its tasks that are not optional and its exit criteria. */
    private static int required(Stage stage) {
        return (int) stage.tasks().stream().filter(t -> !t.optional()).count() + stage.exitCriteria().size();
    }

    private static Document page(Playbook pb, String name) {
        return ViewPagesTest.parse(examples.resolve(pb.id()).resolve(name));
    }

    private static String text(Element element) {
        return element == null ? "(missing)" : element.text();
    }

    private static void expect(List<String> problems, String what, String expected, String actual) {
        if (!Objects.equals(expected, actual)) problems.add(what + ": expected `" + expected + "` but found `" + actual + "`");
    }
}
