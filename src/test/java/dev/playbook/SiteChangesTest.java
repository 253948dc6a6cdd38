package dev.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.progress.Progress;
import dev.playbook.testing.Builds;
import dev.playbook.testing.ChangeRepository;
import dev.playbook.testing.Cli;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site built with {@code changes_since: v2026.1} from a throw-away git repository: the
 * changes pages say what {@code diff} says, and the badges sit on exactly the changed items.
 */
class SiteChangesTest {
    @TempDir
    static Path work;
    static Path source;
    static Path site;
    static Path again;

    @BeforeAll
    static void build() throws Exception {
        source = ChangeRepository.create(work.resolve("repo"));
        // site.yaml is not committed: the working tree's settings are what the build uses
        Files.writeString(source.resolve("site.yaml"), "title: Playbooki\nlanguage: pl\nchanges_since: v2026.1\n");
        site = work.resolve("site");
        again = work.resolve("again");
        Path cache = work.resolve("cache");
        for (Path output : List.of(site, again)) {
            Outcome report = Builds.build(source, "process-definitions", output, null, cache);
            assertTrue(report.succeeded(), () -> report.failureMessage() + " " + report.diagnostics().sorted());
        }
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    /** Each badge as "where: mark", where is the element the badge sits in, told by its id, key or text. */
    private static List<String> badges(Element scope) {
        List<String> found = new ArrayList<>();
        for (Element badge : scope.select(".badge-new, .badge-changed")) {
            String mark = badge.hasClass("badge-new") ? "new" : "changed";
            Element holder = badge.parent();
            String where;
            if (holder.tagName().matches("h[1-6]")) {
                where = "heading";
            } else if (holder.tagName().equals("label")) {
                Element box = holder.parent().selectFirst("input");
                where = box.attr("data-key").contains("/exit:") ? "gate " + holder.ownText().strip() : box.attr("data-key");
            } else if (holder.hasClass("task-head") || holder.hasClass("task-head-text")) {
                where = holder.closest("li").id();
            } else {
                where = holder.ownText().strip();
            }
            Element section = badge.closest("[data-stage]");
            found.add((section != null ? section.attr("data-stage") + " " : "") + where + ": " + mark);
        }
        return found;
    }

    @Test
    void theChangesPageListsWhatDiffReports() throws Exception {
        Cli.Result diff = Cli.run("diff", "--source", source.toString(), "--from", "v2026.1", "--format", "json");
        assertEquals(0, diff.code(), diff::toString);
        JsonNode b2b = new ObjectMapper().readTree(diff.out()).get("playbooks").get(0);
        List<String> kinds = new ArrayList<>();
        for (JsonNode c : b2b.get("changes")) kinds.add(c.get("kind").asText() + " " + c.get("stage").asText(""));
        Document changes = page("b2b/changes.html");
        List<String> shown = changes.select("li.change").stream()
                .map(li -> li.attr("data-kind") + " " + li.attr("data-stage")).toList();
        assertEquals(kinds, shown);
        assertEquals("What changed since 2026.1", changes.selectFirst("h1").text());
        assertEquals("Version 2026.1 → 2026.2", changes.selectFirst(".versions").text());
        Element criterion = changes.selectFirst("li[data-kind=exit-criterion-changed]");
        assertEquals("known.", criterion.selectFirst("del").ownText());
        assertEquals("written down.", criterion.selectFirst("ins").ownText());
        assertEquals("10% → 15%", changes.selectFirst("li[data-kind=probability-changed]").select(".change-before, .change-after")
                .eachText().stream().reduce((a, b) -> a + " → " + b).orElseThrow());
        assertEquals("stages/lead.html", changes.selectFirst("li[data-kind=probability-changed] a.change-stage").attr("href"));
        assertTrue(page("new-one/changes.html").selectFirst(".change-new-playbook").text().endsWith("v2026.1."));
        assertNotNull(page("b2b/index.html").selectFirst(".changes-link a[href=changes.html]"));
    }

    @Test
    void theHomePageMarksChangedPlaybooksAndListsRemovedOnes() throws Exception {
        Document home = page("index.html");
        Map<String, String> marks = new TreeMap<>();
        for (Element card : home.select(".playbook-card")) {
            Element badge = card.selectFirst(".badge-new, .badge-changed");
            marks.put(card.selectFirst("h2 a").attr("href"), badge == null ? "" : badge.ownText());
        }
        assertEquals(Map.of("b2b/index.html", "zmienione", "new-one/index.html", "nowe"), marks);
        assertEquals(List.of("Old process"), home.select(".changes-removed li").eachText());
        assertEquals("Playbooki usunięte od v2026.1", home.selectFirst(".changes-removed h2").text());
    }

    @Test
    void theChecklistMarksExactlyTheChangedItems() throws Exception {
        assertEquals(List.of(
                "lead heading: changed",
                "lead lead/call: changed",
                "lead lead/log: changed",
                "lead gate A budget holder is known.: new",
                "lead gate The need is written down.: changed",
                "qualification heading: changed",
                "qualification qualification/summary: changed",
                "qualification qualification/bant: changed",
                "qualification qualification/check-fit: new",
                "discovery heading: new",
                "demo heading: changed",
                "demo demo/run-the-product-demo: changed",
                "winback-call heading: new"), badges(page("b2b/checklist.html").selectFirst(".checklist")));
    }

    @Test
    void stagePagesMarkExactlyTheChangedItems() throws Exception {
        Element lead = page("b2b/stages/lead.html").selectFirst("article.stage");
        assertEquals(List.of(
                "heading: changed",
                "task-call: changed",
                "task-log: changed",
                "gate A budget holder is known.: new",
                "gate The need is written down.: changed",
                "Takes the first call this week.: changed",
                "Who signs?: changed"), badges(lead));
        assertEquals(List.of(), badges(page("b2b/stages/proposal.html").selectFirst("article.stage")));
        assertEquals(List.of(), badges(page("b2b/stages/nurture-call.html").selectFirst("article.stage")));
        assertEquals(List.of(), badges(page("new-one/stages/start.html").selectFirst("article.stage")),
                "a new playbook is new as a whole, not item by item");
        Element badge = lead.selectFirst("h1 .badge-changed");
        assertEquals("changed since v2026.1", badge.text(), "the badge tells a screen reader what it is measured against");
    }

    @Test
    void anUnchangedSiteIsByteIdenticalBuildToBuild() throws IOException {
        Map<String, byte[]> first = files(site);
        Map<String, byte[]> second = files(again);
        assertEquals(first.keySet(), second.keySet());
        List<String> differ = first.keySet().stream().filter(k -> !Arrays.equals(first.get(k), second.get(k))).toList();
        assertEquals(List.of(), differ);
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) files.put(root.relativize(p).toString(), Files.readAllBytes(p));
        }
        return files;
    }

    @Test
    void aBadBaselineIsAClearError() throws IOException {
        Path other = Files.createDirectories(work.resolve("repo/other"));
        Files.writeString(other.resolve("site.yaml"), "changes_since: v9.9\n");
        Outcome report = Builds.check(other, "other", null, null);
        Diagnostic error = report.diagnostics().sorted().get(0);
        assertEquals("other/site.yaml:1:16", error.at().toString());
        assertTrue(error.message().startsWith("`changes_since`: `v9.9` is neither a folder nor a revision"), error.message());

        Outcome since = Pipeline.once(new Pipeline.Input(source, "process-definitions", null, null, "v9.9"), "Playbook test",
                Progress.NONE, false).check();
        assertTrue(since.failureMessage().startsWith("--since: `v9.9` is neither a folder nor a revision"), since.failureMessage());
    }
}
