package dev.playbook.browser;

import dev.playbook.Outcome;
import dev.playbook.model.Language;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;
import dev.playbook.testing.Builds;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Lighthouse scores 100 for performance, accessibility, best practices and SEO on a phone, for
 * one page of every type, in both languages, in the light and the dark colour scheme, with no
 * console error or warning and no request beyond the local server.
 *
 * <p>Two builds of the bundled examples are served from 127.0.0.1, each under a sub-path as a
 * project site would be: {@code pl/site/} as they stand (a Polish home page and audit worksheet), and
 * {@code en/} with {@code site.yaml} in English and {@code changes_since} an older copy of the two
 * "complex" playbooks, which gives each a changes page.
 */
@Isolated
class LighthouseTest {
    static final List<String> SCHEMES = List.of("light", "dark");
    /**
     * Runs a page may have when only its performance falls short: the machine is shared, and busy
     * for minutes at times, so a page's further runs come in later rounds, after the other pages'.
     */
    static final int ATTEMPTS = 5;
    /** Boxes the restored-ticks run ticks before its measured load. */
    static final int TICKS = 3;
    static final Pattern TOP_TITLE = Pattern.compile("(?m)^title: (.+)$");
    static final Pattern TASK_TITLE = Pattern.compile("(?m)^(      - title: )(\\S+) (.+)$");

    @TempDir
    static Path temp;
    static List<Lighthouse.Page> pages;
    static List<Lighthouse.Result> results;

    @BeforeAll
    static void measure() throws Exception {
        Lighthouse.requireInstalled();
        Path www = temp.resolve("www");
        ExampleSite polish = ExampleSite.build(www.resolve("pl"));
        buildWithChanges(temp.resolve("en"), www.resolve("en").resolve("site"));
        try (StaticServer server = StaticServer.serve(www)) {
            // -Dlighthouse.pages=checklist measures only the pages whose name has that in it
            String only = System.getProperty("lighthouse.pages", "");
            pages = pages(polish, server).stream().filter(p -> p.name().contains(only)).toList();
            long started = System.nanoTime();
            results = Lighthouse.measure(pages, ATTEMPTS, Files.createDirectories(temp.resolve("lighthouse")));
            System.out.println("lighthouse: " + pages.size() + " pages in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
        }
        System.out.println(table(results));
    }

    @Test
    void everyPageWasMeasured() {
        assertEquals(pages.stream().map(Lighthouse.Page::name).toList(), results.stream().map(Lighthouse.Result::name).toList());
    }

    @TestFactory
    Stream<DynamicTest> everyPageScores100() {
        return results.stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> {
            List<String> problems = new ArrayList<>();
            r.scores().forEach((category, score) -> {
                if (score != 100) problems.add(category + " scores " + score);
            });
            if (!r.scheme().equals(r.schemeSeen())) problems.add("the page saw the " + r.schemeSeen() + " colour scheme");
            int ticks = pages.stream().filter(p -> p.name().equals(r.name())).findFirst().orElseThrow().ticks();
            if (r.ticked() < ticks) problems.add(ticks + " boxes were ticked before the load, but it restored " + r.ticked());
            r.console().forEach(m -> problems.add("console " + m));
            r.offsite().forEach(u -> problems.add("a request beyond the local server: " + u));
            if (problems.isEmpty()) return;
            StringBuilder report = new StringBuilder(r.name() + " (" + r.url() + ", best of " + r.attempts()
                    + " run(s), benchmark index " + r.benchmarkIndex() + ", CPU slowdown " + String.format("%.1f", r.slowdown())
                    + "x): " + String.join("; ", problems));
            if (!r.runs().isEmpty()) report.append("\n  every run's performance (Total Blocking Time): ").append(String.join(", ", r.runs()));
            r.failing().forEach(f -> report.append("\n  ").append(f));
            r.layoutShifts().forEach(s -> report.append("\n  layout shift: ").append(s));
            fail(report.toString());
        }));
    }

    /**
     * One page of each type per language, each in both colour schemes, and a checklist whose
     * ticks are restored from the browser's storage as it loads.
     */
    private static List<Lighthouse.Page> pages(ExampleSite site, StaticServer server) {
        List<Lighthouse.Page> pages = new ArrayList<>();
        for (Language language : List.of(Language.PL, Language.EN)) {
            Playbook pb = richest(site, language);
            String siteFolder = language == Language.PL ? "pl/site/" : "en/site/";
            String pbFolder = siteFolder + pb.id() + "/";
            Map<String, String> types = new LinkedHashMap<>();
            types.put("home", siteFolder + "index.html");
            types.put("overview", pbFolder + "index.html");
            types.put("flowchart", pbFolder + "flow.html");
            types.put("stage", pbFolder + "stages/" + fullest(pb).id() + ".html");
            types.put("checklist", pbFolder + "checklist.html");
            types.put("buyer view", pbFolder + "buyer.html");
            types.put("audit worksheet", siteFolder + "audit.html");
            types.put("changes", "en/site/" + pb.id() + "/changes.html");
            for (String scheme : SCHEMES) {
                types.forEach((type, path) -> pages.add(new Lighthouse.Page(
                        type + ", " + language.code() + ", " + scheme, server.url(path), scheme, 0)));
            }
            pages.add(new Lighthouse.Page("checklist with restored ticks, " + language.code(),
                    server.url(pbFolder + "checklist.html"), "light", TICKS));
        }
        return pages;
    }

    /** The playbook of a language with the most stages: the fullest page of every type. */
    private static Playbook richest(ExampleSite site, Language language) {
        return site.model().playbooks().stream()
                .filter(pb -> pb.language() == language)
                .max(Comparator.comparingInt(pb -> pb.allStages().size()))
                .orElseThrow(() -> new AssertionError("no example playbook in " + language));
    }

    /** The stage with the most on its page. */
    private static Stage fullest(Playbook pb) {
        return pb.allStages().stream()
                .max(Comparator.comparingInt(s -> s.tasks().size() + s.exitCriteria().size()))
                .orElseThrow();
    }

    /**
     * The examples built into {@code out} with English as the site's language and an older copy of
     * them as the baseline, in which every playbook had another title and some tasks other words.
     */
    private static void buildWithChanges(Path folder, Path out) throws IOException {
        Path source = folder.resolve("source");
        Path baseline = folder.resolve("baseline");
        copyExamples(source);
        copyExamples(baseline);
        try (Stream<Path> files = Files.list(baseline)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("(?!site\\.).*\\.ya?ml")).toList()) {
                String yaml = Files.readString(file);
                yaml = TOP_TITLE.matcher(yaml).replaceFirst("title: $1 (draft)");
                Matcher task = TASK_TITLE.matcher(yaml);
                StringBuilder older = new StringBuilder();
                for (int n = 0; task.find(); n++) {
                    // the second word of every third task was another one
                    task.appendReplacement(older, Matcher.quoteReplacement(n % 3 == 0
                            ? task.group(1) + task.group(2) + " former " + task.group(3) : task.group()));
                }
                task.appendTail(older);
                Files.writeString(file, older.toString());
            }
        }
        String settings = Files.readString(source.resolve("site.yaml")).replaceAll("(?m)^language: .*$", "language: en");
        Files.writeString(source.resolve("site.yaml"), settings + "changes_since: " + baseline.toAbsolutePath() + "\n");
        Outcome report = Builds.build(source, "process-definitions", out, null);
        assertTrue(report.succeeded(), () -> "building the examples with changes failed: " + report.failureMessage() + " "
                + report.diagnostics().sorted());
    }

    /** The examples are one folder of files. */
    private static void copyExamples(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(ExampleSite.EXAMPLES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) Files.copy(file, to.resolve(file.getFileName().toString()));
        }
    }

    /** The scores as a Markdown table, for the log (and the README). */
    private static String table(List<Lighthouse.Result> results) {
        StringBuilder t = new StringBuilder("| page | performance | accessibility | best practices | SEO |\n|---|---:|---:|---:|---:|\n");
        for (Lighthouse.Result r : results) {
            t.append("| ").append(r.name());
            for (String c : List.of("performance", "accessibility", "best-practices", "seo")) t.append(" | ").append(r.scores().get(c));
            t.append(" |\n");
        }
        return t.toString();
    }
}
