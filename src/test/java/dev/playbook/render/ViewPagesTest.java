package dev.playbook.render;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Severity;
import dev.playbook.load.Loader;
import dev.playbook.model.Branch;
import dev.playbook.model.BuyerPhase;
import dev.playbook.model.ExitCriterion;
import dev.playbook.model.Language;
import dev.playbook.model.BuyerCommitment;
import dev.playbook.model.Markdown;
import dev.playbook.model.Playbook;
import dev.playbook.model.Resource;
import dev.playbook.model.Role;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import dev.playbook.model.StageStatus;
import dev.playbook.model.Task;
import dev.playbook.model.Track;
import dev.playbook.resolve.Resolver;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The reader's views of a playbook, read with jsoup: the checklist, the process map on the
 * overview, the buyer view and the audit worksheet, and the language of every page. Every
 * expectation about content comes from the resolved model of the bundled examples (or of a
 * fixture under {@code src/test/resources/views/}), never from a copy of it in this file.
 */
class ViewPagesTest {
    static final Path EXAMPLES = Path.of("process-definitions");
    static final Path FIXTURES = Path.of("src/test/resources/views");
    /** What the pages name as their generator; it is not an author's text, so the language checks skip it. */
    static final String GENERATOR = "test";
    /** The process-audit worksheet of the seed guide has this many questions. */
    static final int DEFAULT_AUDIT_QUESTIONS = 16;

    @TempDir
    static Path shared;

    static Path site;
    static Site model;
    static Map<Language, Messages> messages;
    static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    static final Map<Path, Document> PARSED = new HashMap<>();

    @BeforeAll
    static void buildTheExamples() throws IOException {
        model = resolve(EXAMPLES);
        assertFalse(model.playbooks().isEmpty(), "the bundled examples hold no playbook");
        messages = new Theme(null).messages();
        site = shared.resolve("site");
        build(EXAMPLES, site);
    }

    // ---------------------------------------------------------------------------------------------
    // checklist

    @Test
    void checklistHasABoxForEveryTaskAndEveryExitCriterion() {
        List<String> problems = new ArrayList<>();
        for (Playbook pb : model.playbooks()) {
            Path file = playbookFile(pb, "checklist.html");
            if (!Files.isRegularFile(file)) {
                problems.add(pb.id() + ": no checklist page " + pb.id() + "/checklist.html");
                continue;
            }
            Document doc = page(file);
            String where = pb.id() + "/checklist.html";
            Messages words = messages.get(pb.language());
            String optionalWord = normalize(words.get("task.optional"));
            int expectedTasks = 0;
            for (Stage stage : pb.allStages()) {
                for (Task task : stage.tasks()) {
                    expectedTasks++;
                    String key = stage.id() + "/" + task.id();
                    Elements boxes = doc.select("input.check-task[type=checkbox]").stream()
                            .filter(e -> e.attr("data-key").equals(key))
                            .collect(Collectors.toCollection(Elements::new));
                    if (boxes.size() != 1) {
                        problems.add(where + ": " + boxes.size() + " checkbox(es) input.check-task[data-key=\"" + key
                                + "\"] for task `" + task.title() + "`, expected exactly 1");
                        continue;
                    }
                    Element box = boxes.first();
                    Element label = labelOf(doc, box);
                    if (label == null) {
                        problems.add(where + ": the checkbox of task `" + key + "` has no <label>");
                        continue;
                    }
                    String text = normalize(label.text());
                    if (!text.contains(normalize(task.title()))) {
                        problems.add(where + ": the label of `" + key + "` does not show the title `" + task.title()
                                + "`: " + text);
                    }
                    boolean marked = label.getAllElements().stream()
                            .anyMatch(e -> normalize(e.ownText()).equalsIgnoreCase(optionalWord));
                    if (task.optional() && !marked) {
                        problems.add(where + ": task `" + key + "` is optional but its label does not say `"
                                + optionalWord + "`: " + text);
                    }
                    if (!task.optional() && marked) {
                        problems.add(where + ": task `" + key + "` is not optional but is marked `" + optionalWord + "`");
                    }
                    Element section = box.closest("[data-stage]");
                    if (section == null || !section.attr("data-stage").equals(stage.id())) {
                        problems.add(where + ": the box of `" + key + "` is not inside the section of stage `"
                                + stage.id() + "`");
                    }
                }
                Element section = doc.selectFirst(".checklist [data-stage=\"" + stage.id() + "\"]");
                if (section == null) {
                    problems.add(where + ": no section [data-stage=\"" + stage.id() + "\"] for stage `" + stage.title() + "`");
                    continue;
                }
                if (!normalize(section.text()).contains(normalize(stage.title()))) {
                    problems.add(where + ": the section of stage `" + stage.id() + "` does not show its title `"
                            + stage.title() + "`");
                }
                Elements gates = section.select("input.check-gate[type=checkbox]");
                List<String> expected = stage.exitCriteria().stream().map(c -> inlineText(c.text())).toList();
                List<String> shown = new ArrayList<>();
                for (Element gate : gates) {
                    Element label = labelOf(doc, gate);
                    shown.add(label == null ? "<no label>" : normalize(label.text()));
                }
                if (!expected.equals(shown)) {
                    problems.add(where + ": stage `" + stage.id() + "` should have one input.check-gate per exit criterion "
                            + expected + ", found " + shown);
                }
            }
            int shownTasks = doc.select("input.check-task").size();
            if (shownTasks != expectedTasks) {
                problems.add(where + ": " + shownTasks + " task boxes for " + expectedTasks + " tasks");
            }
            Set<String> keys = new HashSet<>();
            for (Element box : doc.select("input.check-box, input.check-task, input.check-gate")) {
                if (!keys.add(box.attr("data-key"))) problems.add(where + ": data-key `" + box.attr("data-key") + "` is used twice");
            }
            // a deal walks the main path from the top: its stages come first, in their order
            List<String> sections = doc.select(".checklist [data-stage]").eachAttr("data-stage");
            List<String> mainPath = openAndWon(pb.stages()).stream().map(Stage::id).toList();
            if (sections.size() < mainPath.size() || !sections.subList(0, mainPath.size()).equals(mainPath)) {
                problems.add(where + ": the checklist should start with the main path " + mainPath + " in order; sections: " + sections);
            }
            List<String> all = pb.allStages().stream().map(Stage::id).sorted().toList();
            if (!sections.stream().sorted().toList().equals(all)) {
                problems.add(where + ": the checklist should have one section per stage " + all + "; sections: " + sections);
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void checklistContentIsInTheHtmlWithoutScript() {
        // the ticks need the script, but the list itself is readable (and printable) without it
        List<String> problems = new ArrayList<>();
        for (Playbook pb : model.playbooks()) {
            Document doc = page(playbookFile(pb, "checklist.html"));
            Element list = doc.selectFirst(".checklist");
            if (list == null) {
                problems.add(pb.id() + "/checklist.html: no .checklist element");
                continue;
            }
            if (list.hasAttr("hidden") || list.parents().stream().anyMatch(p -> p.hasAttr("hidden"))) {
                problems.add(pb.id() + "/checklist.html: the checklist is hidden until the script runs");
            }
            String text = normalize(list.text());
            for (Stage stage : pb.allStages()) {
                for (Task task : stage.tasks()) {
                    if (!text.contains(normalize(task.title()))) {
                        problems.add(pb.id() + "/checklist.html: task `" + task.title() + "` is not in the page's HTML");
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------------------------------------
    // process map

    @Test
    void overviewHasAProcessMapWithAColumnPerMainStageAndABandPerBuyerPhase() {
        List<String> problems = new ArrayList<>();
        for (Playbook pb : model.playbooks()) {
            Path file = playbookFile(pb, "index.html");
            String where = pb.id() + "/index.html";
            Document doc = page(file);
            Element map = doc.selectFirst(".process-map");
            if (map == null) {
                problems.add(where + ": no .process-map");
                continue;
            }
            List<Stage> columns = openAndWon(pb.stages());
            Elements shown = map.select(".map-stage");
            List<String> shownIds = shown.eachAttr("data-stage");
            List<String> expectedIds = columns.stream().map(Stage::id).toList();
            if (!expectedIds.equals(shownIds)) {
                problems.add(where + ": the process map's .map-stage columns should be the main path without lost stages "
                        + expectedIds + " in order; found " + shownIds);
            }
            for (Stage stage : columns) {
                Element column = map.selectFirst(".map-stage[data-stage=\"" + stage.id() + "\"]");
                if (column == null) continue;
                String text = normalize(column.text());
                if (!text.contains(normalize(stage.title()))) {
                    problems.add(where + ": the map column of `" + stage.id() + "` does not show its title `" + stage.title() + "`");
                }
                Path target = stagePage(pb, stage);
                boolean linked = column.select("a[href]").stream().anyMatch(a -> target.equals(resolve(file, a.attr("href"))));
                if (!linked) problems.add(where + ": the map column of `" + stage.id() + "` does not link to its page");
                for (Task task : stage.tasks()) {
                    if (!text.contains(normalize(task.title()))) {
                        problems.add(where + ": the map column of `" + stage.id() + "` does not list task `" + task.title() + "`");
                    }
                }
            }

            Element section = map.closest("section");
            Element scope = section != null ? section : map;
            for (BuyerPhase phase : pb.buyerJourney()) {
                Elements bands = scope.select(".map-phase[data-phase=\"" + phase.id() + "\"], .map-phase-inline[data-phase=\""
                        + phase.id() + "\"]");
                if (bands.isEmpty()) {
                    problems.add(where + ": buyer phase `" + phase.id() + "` has no band (.map-phase or .map-phase-inline "
                            + "[data-phase]) in the process map");
                } else if (bands.stream().noneMatch(b -> normalize(b.text()).contains(normalize(phase.title())))) {
                    problems.add(where + ": the band of buyer phase `" + phase.id() + "` does not show its title `" + phase.title() + "`");
                }
            }
            // the bands above the columns follow the runs of stages that share a phase
            List<String> runs = new ArrayList<>();
            String previous = "\u0000";
            for (Stage stage : columns) {
                String phase = Objects.requireNonNullElse(stage.buyerPhase(), "");
                if (!phase.equals(previous)) runs.add(phase);
                previous = phase;
            }
            runs.removeIf(String::isEmpty);
            List<String> bandsInMap = map.select(".map-phase[data-phase]").eachAttr("data-phase");
            if (!runs.equals(bandsInMap)) {
                problems.add(where + ": the phase bands above the columns should be " + runs + " (one per run of stages), found "
                        + bandsInMap);
            }

            Element tracks = doc.selectFirst(".map-tracks");
            List<Stage> sideStages = new ArrayList<>(pb.stages().stream().filter(s -> s.status() == StageStatus.LOST).toList());
            for (Track track : pb.tracks()) sideStages.addAll(track.stages());
            if (sideStages.isEmpty()) continue;
            if (tracks == null) {
                problems.add(where + ": the playbook has side paths but the process map has no .map-tracks");
                continue;
            }
            String tracksText = normalize(tracks.text());
            for (Track track : pb.tracks()) {
                if (!tracksText.contains(normalize(track.title()))) {
                    problems.add(where + ": track `" + track.id() + "` (`" + track.title() + "`) is not shown in .map-tracks");
                }
            }
            for (Stage stage : sideStages) {
                Element box = tracks.selectFirst("[data-stage=\"" + stage.id() + "\"]");
                if (box == null || !normalize(box.text()).contains(normalize(stage.title()))) {
                    problems.add(where + ": side-path stage `" + stage.id() + "` (`" + stage.title() + "`) is not shown in .map-tracks");
                }
            }
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------------------------------------
    // buyer view

    @Test
    void buyerViewHasARowPerMainStageWithPhaseCommitmentsAndEvidence() {
        List<String> problems = new ArrayList<>();
        for (Playbook pb : model.playbooks()) {
            Path file = playbookFile(pb, "buyer.html");
            String where = pb.id() + "/buyer.html";
            if (!Files.isRegularFile(file)) {
                problems.add(where + ": no such page");
                continue;
            }
            Document doc = page(file);
            List<Stage> rows = openAndWon(pb.stages());
            List<String> expected = rows.stream().map(Stage::id).toList();
            List<String> shown = doc.select("tr[data-stage]").eachAttr("data-stage");
            if (!expected.equals(shown)) {
                problems.add(where + ": one row (tr[data-stage]) per main-path stage that is not lost " + expected
                        + " expected, found " + shown);
            }
            for (Stage stage : rows) {
                Element row = doc.selectFirst("tr[data-stage=\"" + stage.id() + "\"]");
                if (row == null) continue;
                String text = normalize(row.text());
                String what = where + ": row `" + stage.id() + "`";
                if (!text.contains(normalize(stage.title()))) problems.add(what + " does not show the stage title `" + stage.title() + "`");
                if (stage.buyerPhase() != null) {
                    String title = pb.buyerPhase(stage.buyerPhase()).orElseThrow().title();
                    if (!text.contains(normalize(title))) problems.add(what + " does not show its buyer phase `" + title + "`");
                }
                for (BuyerCommitment commitment : stage.buyerCommitments()) {
                    String expectedText = inlineText(commitment.text());
                    if (!text.contains(expectedText)) problems.add(what + " does not show the buyer commitment `" + expectedText + "`");
                }
                for (ExitCriterion c : stage.exitCriteria()) {
                    String expectedText = inlineText(c.text());
                    if (!text.contains(expectedText)) problems.add(what + " does not show the exit criterion `" + expectedText + "`");
                }
            }
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------------------------------------
    // audit worksheet

    @Test
    void auditWorksheetHasTheDefaultQuestionsInTheSiteLanguage() {
        assertAuditShowsTheDefaults(site, model.settings().language());
    }

    @Test
    void auditWorksheetOfAnEnglishSiteHasTheDefaultQuestionsInEnglish(@TempDir Path temp) {
        Path source = FIXTURES.resolve("english-site");
        Site fixture = resolve(source);
        assertEquals(Language.EN, fixture.settings().language(), "the fixture should be an English site");
        Path out = temp.resolve("site");
        build(source, out);
        assertAuditShowsTheDefaults(out, Language.EN);
    }

    @Test
    void auditQuestionsOfSiteYamlReplaceTheDefaults(@TempDir Path temp) {
        Path source = FIXTURES.resolve("custom-audit");
        Site fixture = resolve(source);
        List<String> expected = fixture.settings().auditQuestions().stream().map(ViewPagesTest::inlineText).toList();
        assertFalse(expected.isEmpty(), "the fixture's site.yaml should have audit_questions");
        Path out = temp.resolve("site");
        build(source, out);
        Document doc = parse(out.resolve("audit.html"));
        List<String> shown = doc.select("li.audit-question").stream().map(li -> normalize(li.text())).toList();
        assertEquals(expected, shown, "audit.html should show exactly the questions of site.yaml, in order");
    }

    private static void assertAuditShowsTheDefaults(Path root, Language language) {
        Path file = root.resolve("audit.html");
        assertTrue(Files.isRegularFile(file), "no audit.html in the site");
        Document doc = parse(file);
        Messages words = messages.get(language);
        List<String> expected = new ArrayList<>();
        for (int i = 1; words.asMap().containsKey("audit.q" + i); i++) expected.add(normalize(words.get("audit.q" + i)));
        assertEquals(DEFAULT_AUDIT_QUESTIONS, expected.size(),
                "messages_" + language.code() + ".properties should hold the guide's " + DEFAULT_AUDIT_QUESTIONS + " audit questions");
        List<String> shown = doc.select("li.audit-question").stream().map(li -> normalize(li.text())).toList();
        assertEquals(DEFAULT_AUDIT_QUESTIONS, shown.size(), "audit.html should have " + DEFAULT_AUDIT_QUESTIONS
                + " li.audit-question; found " + shown);
        assertEquals(expected, shown, "audit.html should ask the default questions in " + language.code() + ", in order");
        assertEquals(language.code(), doc.selectFirst("html").attr("lang"), "audit.html's <html lang>");
    }

    // ---------------------------------------------------------------------------------------------
    // languages

    @Test
    void noEnglishWordsOfTheInterfaceOnAPolishPage() throws IOException {
        assertNoProblems(foreignWords(site, model, Language.PL, Language.EN));
    }

    @Test
    void noPolishWordsOfTheInterfaceOnAnEnglishPage() throws IOException {
        assertNoProblems(foreignWords(site, model, Language.EN, Language.PL));
    }

    @Test
    void theLanguageCheckCatchesAnEnglishWordOnAPolishPage(@TempDir Path temp) throws IOException {
        // a theme whose Polish words lost one translation: the check above must notice it
        String leaked = messages.get(Language.EN).get("checklist.reset");
        Path theme = Files.createDirectories(temp.resolve("theme"));
        java.util.Properties override = new java.util.Properties();
        override.setProperty("checklist.reset", leaked);
        try (var writer = Files.newBufferedWriter(theme.resolve("messages_pl.properties"))) {
            override.store(writer, "one Polish word left in English");
        }
        Path out = temp.resolve("site");
        Outcome report = Builds.build(EXAMPLES, EXAMPLES.toString(), out, theme);
        assertTrue(report.succeeded(), () -> "the build failed: " + report.failureMessage() + "\n" + errors(report.diagnostics()));
        List<String> problems = foreignWords(out, model, Language.PL, Language.EN);
        Playbook polish = model.playbooks().stream().filter(pb -> pb.language() == Language.PL).findFirst().orElseThrow();
        String page = polish.id() + "/checklist.html";
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(page) && p.contains("`checklist.reset`")),
                "the English `" + leaked + "` on " + page + " was not reported; reports: " + problems);
    }

    @Test
    void noPageShowsARawMessageKey() throws IOException {
        // a key missing from one language's file shows up as the key itself
        Set<String> keys = new LinkedHashSet<>();
        for (Messages m : messages.values()) keys.addAll(m.asMap().keySet());
        List<String> problems = new ArrayList<>();
        for (Path file : htmlFiles(site)) {
            String text = visibleText(page(file));
            for (String key : keys) {
                if (wholeWords(Pattern.quote(key)).matcher(text).find()) {
                    problems.add(site.relativize(file) + ": shows the message key `" + key + "`");
                }
            }
        }
        assertNoProblems(problems);
    }

    /**
     * For every page in {@code pageLanguage}: its visible words and the attributes a reader sees
     * (placeholder, aria-label, title, alt, the words the script shows), less every text the authors
     * wrote, must not contain a word of the interface in {@code foreign} that differs from its own.
     */
    private static List<String> foreignWords(Path root, Site site, Language pageLanguage, Language foreign) throws IOException {
        Map<String, String> own = messages.get(pageLanguage).asMap();
        Map<String, String> other = messages.get(foreign).asMap();
        Set<String> ownValues = own.values().stream().map(v -> normalize(v).toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
        Map<String, Pattern> forbidden = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : other.entrySet()) {
            String value = normalize(e.getValue());
            if (value.isEmpty() || value.equals(normalize(own.getOrDefault(e.getKey(), "")))) continue;
            if (ownValues.contains(value.toLowerCase(java.util.Locale.ROOT))) continue; // the same word means something else here
            forbidden.put(e.getKey(), messagePattern(value));
        }
        assertFalse(forbidden.isEmpty());

        List<Path> pages = new ArrayList<>();
        if (site.settings().language() == pageLanguage) {
            pages.add(root.resolve("index.html"));
            pages.add(root.resolve("audit.html"));
        }
        for (Playbook pb : site.playbooks()) {
            if (pb.language() == pageLanguage) pages.addAll(htmlFiles(root.resolve(pb.id())));
        }
        assertFalse(pages.isEmpty(), "the examples have no page in " + pageLanguage.code());
        List<String> authored = authoredTexts(site);
        List<String> problems = new ArrayList<>();
        for (Path file : pages) {
            String text = withoutAuthoredTexts(visibleText(parse(file)), authored);
            for (Map.Entry<String, Pattern> e : forbidden.entrySet()) {
                Matcher m = e.getValue().matcher(text);
                if (m.find()) {
                    int from = Math.max(0, m.start() - 40);
                    int to = Math.min(text.length(), m.end() + 40);
                    problems.add(root.toAbsolutePath().normalize().relativize(file) + ": shows the " + foreign.code()
                            + " words of `" + e.getKey() + "` (`" + m.group() + "`) in: …" + text.substring(from, to) + "…");
                }
            }
        }
        return problems;
    }

    /** A message as a pattern: {0} stands for a number, and it must stand as whole words. */
    private static Pattern messagePattern(String value) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = Pattern.compile("\\{\\d+}").matcher(value);
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(value.substring(at, placeholder.start()))).append("\\d+");
            at = placeholder.end();
        }
        regex.append(Pattern.quote(value.substring(at)));
        return wholeWords(regex.toString());
    }

    private static Pattern wholeWords(String regex) {
        // not part of a longer word, nor of a file name such as roles.svg
        return Pattern.compile("(?<![\\p{L}\\p{N}_.-])" + regex + "(?![\\p{L}\\p{N}_]|\\.[\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** What a reader sees of a page: its title, its body's text, and the words in attributes shown to them. */
    static String visibleText(Document doc) {
        StringBuilder text = new StringBuilder(doc.title()).append(" \u2016 ").append(doc.body().text());
        for (Element e : doc.getAllElements()) {
            for (var attr : e.attributes()) {
                String name = attr.getKey();
                if (name.equals("placeholder") || name.equals("aria-label") || name.equals("title") || name.equals("alt")
                        || name.equals("data-none") || name.equals("data-default-deal") || name.startsWith("data-kind-")) {
                    text.append(" \u2016 ").append(attr.getValue());
                }
            }
        }
        return normalize(text.toString());
    }

    /** Removes every authored text, longest first, where it stands as whole words. */
    static String withoutAuthoredTexts(String text, List<String> authored) {
        String result = text;
        for (String a : authored) {
            if (a.isBlank()) continue;
            result = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(a) + "(?![\\p{L}\\p{N}])")
                    .matcher(result).replaceAll(" \u2016 ");
        }
        return result;
    }

    /** Every text of the model an author wrote, as it appears on a page, longest first. */
    static List<String> authoredTexts(Site site) {
        Set<String> texts = new LinkedHashSet<>();
        texts.add(GENERATOR);
        texts.addAll(site.settings().titles().values());
        for (Markdown footer : site.settings().footers().values()) markdownTexts(texts, footer, false);
        for (Markdown q : site.settings().auditQuestions()) markdownTexts(texts, q, true);
        for (Playbook pb : site.playbooks()) {
            texts.add(pb.id());
            texts.add(pb.title());
            texts.add(pb.version());
            texts.add(pb.owner());
            texts.add(pb.extendsId());
            markdownTexts(texts, pb.summary(), false);
            for (Role role : pb.roles()) texts.add(role.title());
            for (BuyerPhase phase : pb.buyerJourney()) texts.add(phase.title());
            texts.addAll(pb.lossReasons());
            for (Track track : pb.tracks()) texts.add(track.title());
            for (Stage stage : pb.allStages()) {
                texts.add(stage.id());
                texts.add(stage.title());
                markdownTexts(texts, stage.goal(), false);
                markdownTexts(texts, stage.description(), false);
                markdownTexts(texts, stage.definition(), false);
                for (Task task : stage.tasks()) {
                    texts.add(task.title());
                    markdownTexts(texts, task.details(), false);
                    for (Resource r : task.resources()) {
                        texts.add(r.title());
                        texts.add(r.url());
                    }
                }
                for (ExitCriterion c : stage.exitCriteria()) markdownTexts(texts, c.text(), true);
                for (BuyerCommitment c : stage.buyerCommitments()) markdownTexts(texts, c.text(), true);
                for (Markdown q : stage.questions()) markdownTexts(texts, q, true);
                for (Branch b : stage.branches()) texts.add(b.when());
            }
        }
        texts.remove(null);
        return texts.stream().filter(Objects::nonNull).map(ViewPagesTest::normalize).filter(t -> !t.isEmpty())
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The text of rendered Markdown, whole and block by block (a page may split it across elements). */
    private static void markdownTexts(Set<String> texts, Markdown md, boolean inline) {
        if (md == null || md.isBlank()) return;
        Element body = Jsoup.parseBodyFragment(inline ? MARKDOWN.inline(md) : MARKDOWN.block(md)).body();
        texts.add(body.text());
        for (Element e : body.getAllElements()) {
            if (e == body) continue;
            texts.add(e.text());
            texts.add(e.ownText());
        }
        // the source too: a diagram or a summary line may carry it as written
        texts.add(md.source());
    }

    // ---------------------------------------------------------------------------------------------
    // navigation

    @Test
    void everyPageHasTheSearchForm() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : htmlFiles(site)) {
            Document doc = page(file);
            Element form = doc.selectFirst("form.search");
            String where = site.relativize(file).toString();
            if (form == null) {
                problems.add(where + ": no form.search");
                continue;
            }
            if (form.selectFirst("input#search-input") == null) problems.add(where + ": the search form has no input#search-input");
            // held for the script, in a place of its own: a field in the page from the start costs every load
            Element holder = form.parent();
            if (holder == null || !holder.nameIs("template") || holder.parent() == null || !holder.parent().hasClass("search-slot")) {
                problems.add(where + ": the search form is not held in a template inside .search-slot");
            }
            String index = form.attr("data-index");
            Path target = resolve(file, index);
            if (index.isEmpty() || target == null || !Files.isRegularFile(target)) {
                problems.add(where + ": the search form's data-index `" + index + "` is not a file of the site");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyPlaybookPageLinksToTheFlowchartChecklistAndBuyerView() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Playbook pb : model.playbooks()) {
            List<Path> pages = htmlFiles(site.resolve(pb.id()));
            assertFalse(pages.isEmpty());
            for (Path file : pages) {
                Document doc = page(file);
                for (String view : List.of("index.html", "flow.html", "checklist.html", "buyer.html")) {
                    Path target = playbookFile(pb, view);
                    boolean linked = doc.select("a[href]").stream().anyMatch(a -> target.equals(resolve(file, a.attr("href"))));
                    if (!linked && !file.equals(target)) {
                        problems.add(site.relativize(file) + ": no link to " + pb.id() + "/" + view);
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    static Site resolve(Path source) {
        Diagnostics diagnostics = new Diagnostics();
        Site site = new Resolver().resolve(new Loader().load(source, source.toString(), diagnostics), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> source + " has errors:\n" + errors(diagnostics));
        return site;
    }

    static void build(Path source, Path out) {
        Outcome report = Builds.build(source, source.toString().replace('\\', '/'), out, null);
        assertTrue(report.succeeded(), () -> "building " + source + " failed: " + report.failureMessage() + "\n" + errors(report.diagnostics()));
    }

    /** The stages of a path that a deal walks: the lost ones are side exits, not columns. */
    static List<Stage> openAndWon(List<Stage> stages) {
        return stages.stream().filter(s -> s.status() != StageStatus.LOST).toList();
    }

    static Path playbookFile(Playbook pb, String name) {
        return site.resolve(pb.id()).resolve(name).toAbsolutePath().normalize();
    }

    static Path stagePage(Playbook pb, Stage stage) {
        return site.resolve(pb.id()).resolve("stages").resolve(stage.id() + ".html").toAbsolutePath().normalize();
    }

    static Element labelOf(Document doc, Element input) {
        String id = input.id();
        if (!id.isEmpty()) {
            Element byFor = doc.selectFirst("label[for=\"" + id + "\"]");
            if (byFor != null) return byFor;
        }
        return input.closest("label");
    }

    static String inlineText(Markdown md) {
        return normalize(Jsoup.parseBodyFragment(MARKDOWN.inline(md)).text());
    }

    static Document page(Path file) {
        return PARSED.computeIfAbsent(file.toAbsolutePath().normalize(), ViewPagesTest::parse);
    }

    static Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resolve(Path page, String href) {
        try {
            URI uri = new URI(href.strip());
            if (uri.getScheme() != null || uri.getRawAuthority() != null) return null;
            String path = uri.getPath();
            if (path == null || path.isEmpty()) return page.toAbsolutePath().normalize();
            if (path.startsWith("/")) return null;
            return page.toAbsolutePath().getParent().resolve(path).normalize();
        } catch (URISyntaxException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    static List<Path> htmlFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".html"))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        }
    }

    static String normalize(String text) {
        return text == null ? "" : text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }

    static String errors(Diagnostics diagnostics) {
        return diagnostics.sorted().stream().filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void theModelOfTheExamplesHasWhatTheseTestsLookAt() {
        // guards against a test passing because the examples have nothing to check
        assertTrue(model.playbooks().stream().anyMatch(pb -> pb.language() == Language.PL), "no Polish playbook");
        assertTrue(model.playbooks().stream().anyMatch(pb -> pb.language() == Language.EN), "no English playbook");
        assertTrue(model.playbooks().stream().anyMatch(pb -> !pb.buyerJourney().isEmpty()), "no buyer journey");
        assertTrue(model.playbooks().stream().anyMatch(pb -> !pb.tracks().isEmpty()), "no track");
        assertTrue(model.playbooks().stream().flatMap(pb -> pb.allStages().stream()).flatMap(s -> s.tasks().stream())
                .anyMatch(Task::optional), "no optional task");
        assertNotNull(model.settings().language());
    }
}
