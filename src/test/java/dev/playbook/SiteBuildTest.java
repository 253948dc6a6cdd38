package dev.playbook;

import dev.playbook.testing.Builds;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Severity;
import dev.playbook.load.LoadedDefinitions;
import dev.playbook.load.Loader;
import dev.playbook.model.Branch;
import dev.playbook.model.ExitCriterion;
import dev.playbook.model.Language;
import dev.playbook.model.BuyerCommitment;
import dev.playbook.model.Markdown;
import dev.playbook.model.Playbook;
import dev.playbook.model.Resource;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import dev.playbook.model.StageStatus;
import dev.playbook.model.Target;
import dev.playbook.model.Task;
import dev.playbook.model.Track;
import dev.playbook.render.MarkdownRenderer;
import dev.playbook.render.Messages;
import dev.playbook.render.Theme;
import dev.playbook.resolve.Resolver;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Builds the bundled examples (and a few fixtures under {@code src/test/resources/site/}) and
 * checks the generated site the way a reader would see it. Every expectation about content is
 * derived from the resolved model, so the test keeps working when the examples change.
 */
class SiteBuildTest {
    static final Path EXAMPLES = Path.of("process-definitions");
    static final String EXAMPLES_SHOWN = "process-definitions";
    static final Path FIXTURES = Path.of("src/test/resources/site");
    static final String GENERATOR = "Playbook test";

    @TempDir
    static Path shared;

    /** The bundled examples, built once for all the page tests. */
    static Path site;
    static Site model;
    static Map<Language, Messages> messages;
    static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    static final Map<Path, Document> PARSED = new HashMap<>();

    @BeforeAll
    static void buildTheExamples() throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        LoadedDefinitions loaded = new Loader().load(EXAMPLES, EXAMPLES_SHOWN, diagnostics);
        model = new Resolver().resolve(loaded, diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> "the bundled examples have errors:\n" + errors(diagnostics));
        assertFalse(model.playbooks().isEmpty(), "the bundled examples hold no playbook");
        messages = new Theme(null).messages();

        site = shared.resolve("site");
        Outcome report = build(EXAMPLES, site);
        assertTrue(report.succeeded(), () -> "building the examples failed: " + report.failureMessage() + "\n"
                + errors(report.diagnostics()));
    }

    // ---------------------------------------------------------------------------------------------
    // pages and their content

    @Test
    void homePageListsEveryPlaybookWithTitleStageCountAndLanguage() {
        Document home = page(site.resolve("index.html"));
        Messages words = messages.get(model.settings().language());
        List<String> problems = new ArrayList<>();
        for (Playbook pb : model.playbooks()) {
            Element link = titleLink(home, site.resolve("index.html"), pb);
            if (link == null) {
                problems.add(pb.id() + ": no link to " + pb.id() + "/index.html whose text is the title `" + pb.title() + "`");
                continue;
            }
            Element card = card(home, site.resolve("index.html"), link);
            String text = normalize(card.text());
            int stages = pb.stages().size();
            String count = words.plural("stages", stages);
            boolean countShown = text.contains(normalize(count))
                    || card.getAllElements().stream().anyMatch(e -> normalize(e.ownText()).equals(Integer.toString(stages)));
            if (!countShown) {
                problems.add(pb.id() + ": the card does not show the number of stages (" + stages + ", e.g. `" + count
                        + "`); card text: " + text);
            }
            String languageName = words.get("language." + pb.language().code());
            if (!text.contains(normalize(languageName))) {
                problems.add(pb.id() + ": the card does not show the language `" + languageName + "` ("
                        + pb.language().code() + "); card text: " + text);
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyPlaybookHasAnOverviewListingEveryStageInOrder() {
        List<String> problems = new ArrayList<>();
        for (Playbook pb : model.playbooks()) {
            Path file = site.resolve(pb.id()).resolve("index.html");
            if (!Files.isRegularFile(file)) {
                problems.add(pb.id() + ": no overview page " + pb.id() + "/index.html");
                continue;
            }
            Document doc = page(file);
            checkListedInOrder(doc, file, pb, "the main path", pb.stages(), problems);
            for (Track track : pb.tracks()) {
                checkListedInOrder(doc, file, pb, "track `" + track.id() + "`", track.stages(), problems);
                if (!normalize(doc.body().text()).contains(normalize(track.title()))) {
                    problems.add(pb.id() + ": the overview does not show the title of track `" + track.id() + "`");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyStageOfEveryPlaybookHasItsPage() {
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (Playbook pb : model.playbooks()) {
            for (Stage stage : pb.allStages()) {
                count++;
                Path file = stagePage(pb, stage);
                if (!Files.isRegularFile(file)) missing.add(site.relativize(file).toString());
            }
        }
        assertTrue(count > 0, "the examples have no stages");
        assertNoProblems(missing);
    }

    @TestFactory
    Stream<DynamicTest> everyStagePageShowsEveryFieldOfTheStage() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Playbook pb : model.playbooks()) {
            for (Stage stage : pb.allStages()) {
                tests.add(DynamicTest.dynamicTest(pb.id() + "/" + stage.id(), () -> checkStagePage(pb, stage)));
            }
        }
        return tests.stream();
    }

    private static void checkStagePage(Playbook pb, Stage stage) {
        Path file = stagePage(pb, stage);
        assertTrue(Files.isRegularFile(file), "no page " + site.relativize(file));
        Document doc = page(file);
        String text = normalize(doc.body().text());
        Messages words = messages.get(pb.language());
        List<String> problems = new ArrayList<>();

        expectText(problems, text, "title", stage.title());
        if (stage.status() == StageStatus.WON) expectText(problems, text, "status", words.get("status.won"));
        if (stage.status() == StageStatus.LOST) expectText(problems, text, "status", words.get("status.lost"));
        expectText(problems, text, "kind", words.get("kind." + stage.kind().name().toLowerCase(Locale.ROOT)));
        if (stage.buyerPhase() != null) {
            expectText(problems, text, "buyer phase", pb.buyerPhase(stage.buyerPhase()).orElseThrow().title());
        }
        expectMarkdown(problems, text, "goal", stage.goal());
        expectMarkdown(problems, text, "description", stage.description());
        expectMarkdown(problems, text, "definition", stage.definition());

        for (Task task : stage.tasks()) checkTask(problems, doc, file, pb, task, words);

        for (ExitCriterion c : stage.exitCriteria()) expectInline(problems, text, "exit criterion", c.text());
        for (BuyerCommitment c : stage.buyerCommitments()) expectInline(problems, text, "buyer commitment", c.text());
        for (Markdown q : stage.questions()) expectInline(problems, text, "question", q);

        if (stage.probability() != null
                && !Pattern.compile("(?<![0-9])" + stage.probability() + "\\s?%").matcher(text).find()) {
            problems.add("probability: `" + stage.probability() + "%` is not shown");
        }
        if (stage.duration() != null) {
            String word = stage.duration().unit() == dev.playbook.model.StageDuration.Unit.WEEKS ? "weeks" : "days";
            expectText(problems, text, "duration", words.plural(word, stage.duration().amount()));
        }
        if (stage.next() != null) expectTarget(problems, doc, file, text, pb, "next", stage.next(), words);
        for (Branch branch : stage.branches()) {
            expectText(problems, text, "branch condition", branch.when());
            expectTarget(problems, doc, file, text, pb, "branch `" + branch.when() + "`", branch.to(), words);
        }
        assertNoProblems(problems.stream().map(p -> site.relativize(file) + ": " + p).toList());
    }

    private static void checkTask(List<String> problems, Document doc, Path file, Playbook pb, Task task, Messages words) {
        String what = "task `" + task.title() + "`";
        Element title = doc.body().getAllElements().stream()
                .filter(e -> normalize(e.ownText()).equals(normalize(task.title())))
                .findFirst().orElse(null);
        if (title == null) {
            problems.add(what + ": its title is not shown");
            return;
        }
        Element container = title.tagName().equals("li") ? title : title.closest("li");
        if (container == null) container = title.parent();
        String text = normalize(container.text());
        if (task.role() != null) {
            expectText(problems, text, what + " role", pb.role(task.role()).orElseThrow().title());
        }
        String optional = normalize(words.get("task.optional"));
        boolean optionalShown = container.getAllElements().stream()
                .anyMatch(e -> normalize(e.ownText()).equalsIgnoreCase(optional));
        if (task.optional() && !optionalShown) {
            problems.add(what + ": is optional but the page does not say so (`" + optional + "`)");
        }
        if (!task.optional() && optionalShown) {
            problems.add(what + ": is not optional but is marked `" + optional + "`");
        }
        expectMarkdown(problems, text, what + " details", task.details());
        for (Resource r : task.resources()) {
            boolean shown = container.select("a[href]").stream()
                    .anyMatch(a -> a.attr("href").equals(r.url()) && normalize(a.text()).contains(normalize(r.title())));
            if (!shown) problems.add(what + ": no link to resource `" + r.title() + "` (" + r.url() + ")");
        }
    }

    private static void expectTarget(List<String> problems, Document doc, Path file, String text, Playbook pb,
                                     String what, Target target, Messages words) {
        if (target instanceof Target.ToStage s) {
            Stage to = pb.stage(s.stageId()).orElseThrow();
            Path expected = stagePage(pb, to).normalize();
            boolean linked = doc.select("a[href]").stream()
                    .anyMatch(a -> expected.equals(resolve(file, a.attr("href")))
                            && normalize(a.text()).equals(normalize(to.title())));
            if (!linked) {
                problems.add(what + ": no link titled `" + to.title() + "` to " + site.relativize(expected));
            }
        } else if (target instanceof Target.ToTrack t) {
            Track track = pb.track(t.trackId()).orElseThrow();
            boolean linked = doc.select("a[href]").stream()
                    .anyMatch(a -> normalize(a.text()).equals(normalize(track.title())));
            if (!linked) problems.add(what + ": no link titled `" + track.title() + "` to track `" + track.id() + "`");
        } else {
            dev.playbook.model.Outcome outcome = ((Target.ToEnd) target).outcome();
            expectText(problems, text, what, words.get(outcome == dev.playbook.model.Outcome.WON ? "end.won" : "end.lost"));
        }
    }

    private static void checkListedInOrder(Document doc, Path file, Playbook pb, String what, List<Stage> stages,
                                           List<String> problems) {
        List<String> expected = stages.stream().map(Stage::id).toList();
        // some element (a list, a table ...) links to exactly these stages, in this order
        boolean listed = doc.body().getAllElements().stream().anyMatch(e -> expected.equals(stageLinks(e, file, pb)));
        if (!listed) {
            problems.add(pb.id() + ": the overview does not list " + what + " " + expected
                    + " in order; stage links found in the page: " + stageLinks(doc.body(), file, pb));
        }
        for (Stage stage : stages) {
            Path target = stagePage(pb, stage).normalize();
            boolean titled = doc.select("a[href]").stream()
                    .anyMatch(a -> target.equals(resolve(file, a.attr("href")))
                            && normalize(a.text()).contains(normalize(stage.title())));
            if (!titled) {
                problems.add(pb.id() + ": the overview has no link titled `" + stage.title() + "` to stages/"
                        + stage.id() + ".html");
            }
        }
    }

    /** The stages an element links to, in document order, with repeats of the same stage in a row dropped. */
    private static List<String> stageLinks(Element root, Path file, Playbook pb) {
        Path stagesDir = site.resolve(pb.id()).resolve("stages").normalize();
        List<String> ids = new ArrayList<>();
        for (Element a : root.select("a[href]")) {
            Path target = resolve(file, a.attr("href"));
            if (target == null || !stagesDir.equals(target.getParent())) continue;
            String name = target.getFileName().toString();
            if (!name.endsWith(".html")) continue;
            String id = name.substring(0, name.length() - ".html".length());
            if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) ids.add(id);
        }
        return ids;
    }

    // ---------------------------------------------------------------------------------------------
    // links and languages

    @Test
    void everyRelativeLinkResolvesToAFileOfTheSiteAndEveryAnchorExists() throws IOException {
        assertNoProblems(linkProblems(site));
    }

    @Test
    void noLinkIsAbsolute() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : htmlFiles(site)) {
            for (Element e : page(file).select("[href], [src]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                String lower = url.strip().toLowerCase(Locale.ROOT);
                if (lower.startsWith("/") || lower.startsWith("\\") || lower.startsWith("file:")) {
                    problems.add(site.relativize(file) + ": absolute link `" + url + "` in <" + e.tagName() + ">");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void htmlLangMatchesThePlaybookLanguage() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<Path> checked = new TreeSet<>();
        // the site-wide pages speak the language of site.yaml
        for (String sitePage : List.of("index.html", "audit.html")) {
            checkLang(problems, site.resolve(sitePage), model.settings().language());
            checked.add(site.resolve(sitePage));
        }
        for (Playbook pb : model.playbooks()) {
            Path folder = site.resolve(pb.id());
            for (Path file : htmlFiles(folder)) {
                checkLang(problems, file, pb.language());
                checked.add(file);
            }
        }
        for (Path file : htmlFiles(site)) {
            if (!checked.contains(file)) problems.add(site.relativize(file) + ": a page of no playbook; its language was not checked");
        }
        assertNoProblems(problems);
    }

    private static void checkLang(List<String> problems, Path file, Language expected) {
        String lang = page(file).selectFirst("html").attr("lang");
        if (!expected.code().equals(lang)) {
            problems.add(site.relativize(file) + ": <html lang=\"" + lang + "\">, expected \"" + expected.code() + "\"");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Markdown safety

    @Test
    void rawHtmlAndScriptLinksInMarkdownAreNeutralised(@TempDir Path temp) throws IOException {
        Path source = FIXTURES.resolve("markdown-safety");
        Path out = temp.resolve("site");
        Outcome report = build(source, out);
        assertTrue(report.succeeded(), () -> "the fixture did not build: " + report.failureMessage() + "\n" + errors(report.diagnostics()));

        List<String> problems = new ArrayList<>();
        List<Path> pages = htmlFiles(out);
        assertFalse(pages.isEmpty());
        boolean scriptShownAsText = false;
        for (Path file : pages) {
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            String where = out.relativize(file).toString();
            // the theme's own script is the only one a page may carry
            for (Element script : doc.select("script")) {
                if (!script.attr("src").endsWith("assets/playbook.js") || !script.data().isBlank()) {
                    problems.add(where + ": has a <script> element: " + script);
                }
            }
            for (Element e : doc.getAllElements()) {
                for (var attr : e.attributes()) {
                    String name = attr.getKey().toLowerCase(Locale.ROOT);
                    String value = attr.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
                    if (name.startsWith("on")) problems.add(where + ": event handler attribute " + name + " on <" + e.tagName() + ">");
                    if (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:text/html")) {
                        problems.add(where + ": script URL in " + name + "=\"" + attr.getValue() + "\" on <" + e.tagName() + ">");
                    }
                }
            }
            if (doc.body().text().contains("<script>")) scriptShownAsText = true;
        }
        assertNoProblems(problems);
        assertTrue(scriptShownAsText, "raw HTML in Markdown should be shown as text (escaped), not dropped");
        // the fixture's Markdown did reach the pages: the summary and the task details
        Document stage = Jsoup.parse(out.resolve("unsafe/stages/only.html").toFile(), "UTF-8");
        assertTrue(stage.body().text().contains("alert(\"details\")"), "the task details are not on the stage page");
        Document home = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertTrue(home.body().text().contains("alert(\"summary\")"), "the summary is not on the home page");
        assertNoProblems(linkProblems(out));
    }

    // ---------------------------------------------------------------------------------------------
    // determinism and writing

    @Test
    void twoBuildsOfTheSameInputAreByteIdentical(@TempDir Path temp) throws IOException {
        Path a = temp.resolve("a").resolve("site");
        Path b = temp.resolve("b").resolve("site");
        assertTrue(build(EXAMPLES, a).succeeded());
        assertTrue(build(EXAMPLES, b).succeeded());
        Map<String, byte[]> first = snapshot(a);
        Map<String, byte[]> second = snapshot(b);
        assertEquals(first.keySet(), second.keySet(), "the two builds wrote different files");
        List<String> differ = first.keySet().stream().filter(k -> !Arrays.equals(first.get(k), second.get(k))).toList();
        assertNoProblems(differ.stream().map(k -> k + ": differs between two builds of the same input").toList());
        // the shared build was made in another folder; the folder name must not leak into the pages either
        Map<String, byte[]> shared = snapshot(site);
        assertEquals(shared.keySet(), first.keySet());
        List<String> differShared = first.keySet().stream().filter(k -> !Arrays.equals(first.get(k), shared.get(k))).toList();
        assertNoProblems(differShared.stream().map(k -> k + ": differs between builds into different folders").toList());
    }

    @Test
    void aBuildWithErrorsLeavesTheOutputFolderAsItWas(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("site");
        assertTrue(build(EXAMPLES, out).succeeded());
        Map<String, byte[]> before = snapshot(out);
        Set<String> parentBefore = listing(temp);

        Outcome report = build(FIXTURES.resolve("broken"), out);

        assertTrue(report.diagnostics().hasErrors(), "the broken fixture should report errors");
        assertFalse(report.succeeded());
        assertSameFiles(before, snapshot(out), "the output folder changed after a build with errors");
        assertEquals(parentBefore, listing(temp), "a build with errors left something beside the output folder");
    }

    @Test
    void aBuildRefusesToReplaceAFolderPlaybookDidNotWrite(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("site");
        Files.createDirectories(out.resolve("notes"));
        Files.writeString(out.resolve("index.html"), "<p>my own page</p>\n");
        Files.writeString(out.resolve("notes/todo.md"), "- do not delete me\n");
        Map<String, byte[]> before = snapshot(out);
        Set<String> parentBefore = listing(temp);

        Outcome report = build(EXAMPLES, out);

        assertFalse(report.succeeded(), "a build replaced a folder of someone else's files");
        assertNotNull(report.failureMessage(), "the refusal should be explained");
        assertSameFiles(before, snapshot(out), "the foreign folder was touched");
        assertEquals(parentBefore, listing(temp), "a refused build left something beside the output folder");
    }

    @Test
    void noFileIsEverCreatedOutsideTheOutputFolder(@TempDir Path temp) throws Exception {
        Path work = temp.resolve("work");
        Files.createDirectories(work);
        Files.writeString(work.resolve("neighbour.txt"), "stays as it is\n");
        Path out = work.resolve("site");
        // the builds run in a JVM whose temporary folder is this one alone, so what appears in it came
        // from them, whatever else the machine writes to its /tmp meanwhile
        Path ownTemp = Files.createDirectories(temp.resolve("tmp"));
        Map<String, byte[]> around = snapshotExcept(temp, out);

        var run = dev.playbook.testing.ChildJvm.run(ownTemp, BuildsInTheirOwnJvm.class, out.toAbsolutePath().toString());

        assertEquals(0, run.code(), () -> "the builds did not run to the end:\n" + run.output());
        List<String> steps = run.output().lines().filter(l -> l.startsWith(BuildsInTheirOwnJvm.STEP)).toList();
        assertEquals(List.of(BuildsInTheirOwnJvm.STEP + "first build succeeded",
                        BuildsInTheirOwnJvm.STEP + "second build, replacing the first, succeeded",
                        BuildsInTheirOwnJvm.STEP + "build with errors failed",
                        BuildsInTheirOwnJvm.STEP + "check succeeded"),
                steps, () -> run.output());
        assertEquals(Set.of(), listing(ownTemp), "the build created entries in the temporary folder " + ownTemp);
        assertSameFiles(around, snapshotExcept(temp, out), "files appeared, vanished or changed beside the output folder");
    }

    /** The builds of {@link #noFileIsEverCreatedOutsideTheOutputFolder}: the output folder is the one argument. */
    static final class BuildsInTheirOwnJvm {
        static final String STEP = "step: ";

        public static void main(String[] args) {
            Path out = Path.of(args[0]);
            step("first build", build(EXAMPLES, out));
            step("second build, replacing the first,", build(EXAMPLES, out));
            step("build with errors", build(FIXTURES.resolve("broken"), out));
            step("check", Builds.check(EXAMPLES, EXAMPLES_SHOWN, null));
        }

        private static void step(String name, Outcome report) {
            System.out.println(STEP + name + (report.succeeded() ? " succeeded" : " failed"));
            if (!report.succeeded()) System.out.println(report.failureMessage() + "\n" + errors(report.diagnostics()));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    static Outcome build(Path source, Path output) {
        return Builds.build(source, source.toString().replace('\\', '/'), output, null);
    }

    static Path stagePage(Playbook pb, Stage stage) {
        return site.resolve(pb.id()).resolve("stages").resolve(stage.id() + ".html");
    }

    static Document page(Path file) {
        return PARSED.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            try {
                return Jsoup.parse(f.toFile(), "UTF-8");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The link on the home page to the playbook's overview whose text is the playbook's title. */
    static Element titleLink(Document home, Path file, Playbook pb) {
        Path overview = site.resolve(pb.id()).resolve("index.html").normalize();
        return home.select("a[href]").stream()
                .filter(a -> overview.equals(resolve(file, a.attr("href"))))
                .filter(a -> normalize(a.text()).equals(normalize(pb.title())))
                .findFirst().orElse(null);
    }

    /** The largest element around a playbook's title link that holds no other playbook's title link. */
    static Element card(Document home, Path file, Element link) {
        List<Element> titleLinks = model.playbooks().stream().map(pb -> titleLink(home, file, pb))
                .filter(e -> e != null && e != link).toList();
        Element card = link;
        while (card.parent() != null && !card.parent().tagName().equals("body")) {
            Element parent = card.parent();
            boolean holdsOther = titleLinks.stream().anyMatch(other -> other.parents().contains(parent));
            if (holdsOther) break;
            card = parent;
        }
        return card;
    }

    /** Where a link on a page leads inside the site folder, or null for links that leave the site or are broken. */
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

    static final Set<String> EXTERNAL_SCHEMES = Set.of("http", "https", "mailto", "tel");

    static List<String> linkProblems(Path root) throws IOException {
        Path siteRoot = root.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        Map<Path, Document> docs = new HashMap<>();
        for (Path file : htmlFiles(root)) {
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            docs.put(file.toAbsolutePath().normalize(), doc);
        }
        for (Map.Entry<Path, Document> entry : new TreeMap<>(docs).entrySet()) {
            Path file = entry.getKey();
            String where = siteRoot.relativize(file).toString();
            Elements linking = entry.getValue().select("a[href], link[href], script[src], img[src], [href], [src]" /* every URL-bearing attribute */);
            for (Element e : linking) {
                String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                String what = where + ": <" + e.tagName() + "> `" + url + "`";
                URI uri;
                try {
                    uri = new URI(url.strip());
                } catch (URISyntaxException ex) {
                    problems.add(what + ": not a valid URL (" + ex.getMessage() + ")");
                    continue;
                }
                if (uri.getScheme() != null) {
                    if (!EXTERNAL_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                        problems.add(what + ": scheme `" + uri.getScheme() + "` is neither a relative link nor http(s)/mailto/tel");
                    }
                    continue;
                }
                if (uri.getRawAuthority() != null || url.strip().startsWith("/")) {
                    problems.add(what + ": absolute link");
                    continue;
                }
                Path target = resolve(file, url);
                if (target == null || !target.startsWith(siteRoot)) {
                    problems.add(what + ": leads outside the site");
                    continue;
                }
                if (!Files.isRegularFile(target)) {
                    problems.add(what + ": no such file " + siteRoot.relativize(target));
                    continue;
                }
                String fragment = uri.getFragment();
                if (fragment != null && !fragment.isEmpty()) {
                    Document targetDoc = docs.get(target);
                    if (targetDoc == null) {
                        problems.add(what + ": anchor #" + fragment + " into a file that is not a page");
                    } else if (targetDoc.getElementById(fragment) == null) {
                        problems.add(what + ": no element with id `" + fragment + "` in " + siteRoot.relativize(target));
                    }
                }
            }
        }
        return problems;
    }

    static List<Path> htmlFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".html"))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        }
    }

    /** Every file below the folder (hidden ones too) with its bytes; folders appear with a trailing slash. */
    static Map<String, byte[]> snapshot(Path root) throws IOException {
        return snapshotExcept(root, null);
    }

    static Map<String, byte[]> snapshotExcept(Path root, Path skipped) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                if (p.equals(root)) continue;
                if (skipped != null && p.startsWith(skipped)) continue;
                String name = root.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) files.put(name + "/", new byte[0]);
                else files.put(name, Files.readAllBytes(p));
            }
        }
        return files;
    }

    static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual, String message) {
        assertEquals(expected.keySet(), actual.keySet(), message + " (file list)");
        List<String> changed = expected.keySet().stream().filter(k -> !Arrays.equals(expected.get(k), actual.get(k))).toList();
        assertEquals(List.of(), changed, message + " (contents)");
    }

    static void expectText(List<String> problems, String pageText, String what, String expected) {
        if (expected == null || expected.isBlank()) return;
        if (!pageText.contains(normalize(expected))) problems.add(what + ": `" + expected + "` is not shown");
    }

    static void expectMarkdown(List<String> problems, String pageText, String what, Markdown md) {
        if (md == null || md.isBlank()) return;
        String expected = normalize(Jsoup.parseBodyFragment(MARKDOWN.block(md)).text());
        if (!pageText.contains(expected)) problems.add(what + ": `" + abbreviate(expected) + "` is not shown");
    }

    static void expectInline(List<String> problems, String pageText, String what, Markdown md) {
        if (md == null || md.isBlank()) return;
        String expected = normalize(Jsoup.parseBodyFragment(MARKDOWN.inline(md)).text());
        if (!pageText.contains(expected)) problems.add(what + ": `" + abbreviate(expected) + "` is not shown");
    }

    static String normalize(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    static String abbreviate(String text) {
        return text.length() > 90 ? text.substring(0, 87) + "..." : text;
    }

    static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }

    static String errors(Diagnostics diagnostics) {
        return diagnostics.sorted().stream().filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
