package dev.playbook.cli;

import dev.playbook.testing.Cli;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Severity;
import dev.playbook.load.Loader;
import dev.playbook.resolve.Resolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it: exit codes, what is printed, and what is (not) written. */
class MainTest {
    static final Path EXAMPLES = Path.of("process-definitions");
    static final Path FIXTURES = Path.of("src/test/resources/site");
    static final Path MINIMAL = FIXTURES.resolve("minimal");
    static final Path BROKEN = FIXTURES.resolve("broken");
    static final Pattern ERROR_LINE = Pattern.compile("^[^:]+\\.yaml:\\d+:\\d+: error: .+");
    static final Pattern DIAGNOSTIC_LINE = Pattern.compile("^[^:]+\\.ya?ml:\\d+:\\d+: (error|warning): .+");

    static Cli.Result run(String... args) {
        return Cli.run(args);
    }

    static void assertNoStackTrace(Cli.Result run) {
        assertFalse(run.all().contains("Exception"), () -> "a stack trace or exception name reached the user:\n" + run);
        assertFalse(run.all().contains("\tat "), () -> "a stack trace reached the user:\n" + run);
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void helpPrintsUsageAndExitsZero() {
        Cli.Result run = run("--help");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("Usage:"), run::toString);
        assertTrue(run.out().contains("playbook"), run::toString);
        assertTrue(run.out().contains("build") && run.out().contains("check"), () -> "the commands are not listed:\n" + run);
        assertNoStackTrace(run);
    }

    @Test
    void versionPrintsTheVersionAndExitsZero() {
        Cli.Result run = run("--version");
        assertEquals(0, run.code(), run::toString);
        String version = VersionProvider.version();
        assertNotEquals("unknown", version, "the version was not filled in at build time");
        assertFalse(version.contains("${"), "the version was not filled in at build time: " + version);
        assertTrue(run.out().contains("playbook " + version), run::toString);
        assertNoStackTrace(run);
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        Cli.Result run = run("--no-such-option");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("--no-such-option"), () -> "the message should name the option:\n" + run);
        assertNoStackTrace(run);

        Cli.Result sub = run("build", "--no-such-option");
        assertEquals(2, sub.code(), sub::toString);
        assertTrue(sub.err().contains("--no-such-option"), sub::toString);
        assertNoStackTrace(sub);
    }

    @Test
    void checkOnTheBundledExamplesSucceedsAndWritesNothing(@TempDir Path temp) throws IOException {
        Map<String, byte[]> examplesBefore = snapshot(EXAMPLES);
        Set<String> projectBefore = listing(Path.of(""));
        Map<String, byte[]> hiddenBefore = projectFiles();

        Cli.Result run = run("check", "--source", EXAMPLES.toString());

        assertEquals(0, run.code(), run::toString);
        assertFalse(run.err().contains(": error: "), run::toString);
        assertNoStackTrace(run);
        assertSame(examplesBefore, snapshot(EXAMPLES), "check changed the definitions folder");
        assertEquals(projectBefore, listing(Path.of("")), "check created something in the working directory");
        assertSame(hiddenBefore, projectFiles(), "check wrote files in the working directory");

        // the same definitions in a folder of their own: nothing at all appears around them
        Path source = temp.resolve("definitions");
        copy(EXAMPLES, source);
        Map<String, byte[]> tempBefore = snapshot(temp);
        Cli.Result copied = run("check", "--source", source.toString());
        assertEquals(0, copied.code(), copied::toString);
        assertSame(tempBefore, snapshot(temp), "check wrote files");
        assertEquals(projectBefore, listing(Path.of("")), "check created something in the working directory");

        // a warm cache in the working directory would hide writes above; where the commands take
        // a cache folder, point check at a fresh one: it must stay uncreated
        Cli.Result help = run("check", "--help");
        if (help.out().contains("--cache")) {
            Path cache = temp.resolve("cache");
            Cli.Result cached = run("check", "--source", source.toString(), "--cache", cache.toString());
            assertEquals(0, cached.code(), cached::toString);
            assertFalse(Files.exists(cache), () -> "check wrote into its cache folder " + cache + ": "
                    + (Files.isDirectory(cache) ? listingOrEmpty(cache) : "a file"));
            assertSame(tempBefore, snapshot(temp), "check wrote files");
        }
    }

    @Test
    void checkOnABrokenDefinitionReportsEveryErrorInCompilerStyle() {
        Cli.Result run = run("check", "--source", BROKEN.toString());

        assertEquals(1, run.code(), run::toString);
        assertNoStackTrace(run);
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> ERROR_LINE.matcher(l).matches()),
                () -> "no line of the form `file.yaml:line:col: error: message`:\n" + run);
        for (String line : lines) {
            if (line.contains(": error: ") || line.contains(": warning: ")) {
                assertTrue(DIAGNOSTIC_LINE.matcher(line).matches(), () -> "badly formed diagnostic line `" + line + "`");
            }
        }
        // every error the loader and resolver find is reported, not only the first one
        Diagnostics expected = new Diagnostics();
        new Resolver().resolve(new Loader().load(BROKEN, BROKEN.toString(), expected), expected);
        List<String> errors = expected.sorted().stream().filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::toString).toList();
        assertTrue(errors.size() >= 2, "the broken fixture should have several errors: " + errors);
        for (String error : errors) {
            assertTrue(lines.contains(error), () -> "error not reported: `" + error + "`\n" + run);
        }
    }

    @Test
    void buildWritesTheSite(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("out");
        Cli.Result run = run("build", "--source", MINIMAL.toString(), "--output", out.toString());

        assertEquals(0, run.code(), run::toString);
        assertNoStackTrace(run);
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "no index.html in " + out);
        assertTrue(Files.isRegularFile(out.resolve("demo/index.html")), "no overview page");
        assertTrue(Files.isRegularFile(out.resolve("demo/stages/first-call.html")), "no stage page");
        assertTrue(Files.isRegularFile(out.resolve("demo/stages/nurture-wait.html")), "no page for a track's stage");
    }

    @Test
    void aUserTemplateOverridesOneTemplateAndTheRestComeFromTheBundle(@TempDir Path temp) throws IOException {
        String marker = "USER-TEMPLATE-MARKER-5f1c";
        Path templates = temp.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("stage.ftlh"),
                bundled("stage.ftlh") + "\n<p class=\"user-marker\">" + marker + "</p>\n", StandardCharsets.UTF_8);

        Path plain = temp.resolve("plain");
        Path custom = temp.resolve("custom");
        Cli.Result plainRun = run("build", "--source", MINIMAL.toString(), "--output", plain.toString());
        Cli.Result customRun = run("build", "--source", MINIMAL.toString(), "--output", custom.toString(),
                "--templates", templates.toString());
        assertEquals(0, plainRun.code(), plainRun::toString);
        assertEquals(0, customRun.code(), customRun::toString);
        assertNoStackTrace(customRun);

        Map<String, byte[]> plainFiles = snapshot(plain);
        Map<String, byte[]> customFiles = snapshot(custom);
        assertEquals(plainFiles.keySet(), customFiles.keySet(), "the override changed which files are written");
        List<String> problems = new ArrayList<>();
        int stagePages = 0;
        for (String name : customFiles.keySet()) {
            String text = new String(customFiles.get(name), StandardCharsets.UTF_8);
            if (name.matches("[^/]+/stages/[^/]+\\.html")) {
                stagePages++;
                if (!text.contains(marker)) problems.add(name + ": the user's stage.ftlh was not used");
            } else {
                if (text.contains(marker)) problems.add(name + ": the stage template leaked into another page");
                if (!Arrays.equals(plainFiles.get(name), customFiles.get(name))) {
                    problems.add(name + ": differs from the bundled theme's output although only stage.ftlh was overridden");
                }
            }
        }
        assertTrue(stagePages > 0, "no stage pages were written");
        assertEquals(List.of(), problems);
    }

    @Test
    void aUserTemplateWithASyntaxErrorIsReportedWithFileAndLine(@TempDir Path temp) throws IOException {
        Path templates = temp.resolve("templates");
        Files.createDirectories(templates);
        // the mistake is on line 3
        Files.writeString(templates.resolve("stage.ftlh"),
                "<#import \"layout.ftlh\" as layout>\n<p>fine</p>\n<#if>\n</#if>\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("out");

        Cli.Result run = run("build", "--source", MINIMAL.toString(), "--output", out.toString(), "--templates", templates.toString());

        assertNotEquals(0, run.code(), run::toString);
        assertNoStackTrace(run);
        assertTrue(run.err().contains("stage.ftlh"), () -> "the message should name the template:\n" + run);
        assertTrue(Pattern.compile("stage\\.ftlh(:3\\b|\"? in line 3\\b|\"?,? line 3\\b)").matcher(run.err()).find(),
                () -> "the message should name line 3 of stage.ftlh:\n" + run);
        assertFalse(Files.exists(out.resolve("index.html")), "a build with a broken template wrote a site");
    }

    @Test
    void aTemplateSyntaxErrorExitsWithTheDocumentedCodeForTemplateErrors(@TempDir Path temp) throws IOException {
        // `playbook --help` documents exit code 1 for "errors in the definitions or templates"
        Path templates = temp.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("stage.ftlh"), "<p>fine</p>\n<#if>\n</#if>\n", StandardCharsets.UTF_8);

        Cli.Result run = run("build", "--source", MINIMAL.toString(), "--output", temp.resolve("out").toString(),
                "--templates", templates.toString());

        assertEquals(Main.DEFINITION_ERRORS, run.code(), run::toString);
    }

    @Test
    void aUserTemplateThatFailsWhileDrawingIsReportedWithFileAndLine(@TempDir Path temp) throws IOException {
        Path templates = temp.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("stage.ftlh"), "<p>fine</p>\n<p>${stage.noSuchField}</p>\n", StandardCharsets.UTF_8);

        Cli.Result run = run("build", "--source", MINIMAL.toString(), "--output", temp.resolve("out").toString(),
                "--templates", templates.toString());

        assertEquals(Main.DEFINITION_ERRORS, run.code(), run::toString);
        assertNoStackTrace(run);
        assertTrue(Pattern.compile("stage\\.ftlh(:2\\b|\"? in line 2\\b|\"?,? line 2\\b)").matcher(run.err()).find(),
                () -> "the message should name line 2 of stage.ftlh:\n" + run);
    }

    @Test
    void whenSeveralPagesFailTheFirstInPlanOrderIsReportedOnEveryRun(@TempDir Path temp) throws IOException {
        // a playbook's pages are drawn in parallel; the report must not depend on which finishes first
        Path templates = temp.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("stage.ftlh"), "<p>fine</p>\n<p>${stage.noSuchField}</p>\n", StandardCharsets.UTF_8);
        Files.writeString(templates.resolve("checklist.ftlh"), "<p>fine</p>\n\n<p>${playbook.noSuchField}</p>\n",
                StandardCharsets.UTF_8);

        Set<String> reports = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            Cli.Result run = run("build", "--source", MINIMAL.toString(), "--output", temp.resolve("out").toString(),
                    "--templates", templates.toString());
            assertEquals(Main.DEFINITION_ERRORS, run.code(), run::toString);
            assertTrue(run.err().contains("checklist.ftlh"), () -> "the checklist comes before the stage pages:\n" + run);
            assertFalse(run.err().contains("stage.ftlh"), () -> "only the first failing page is reported:\n" + run);
            reports.add(run.err());
        }
        assertEquals(1, reports.size(), () -> "the report changed from run to run: " + reports);
    }

    @Test
    void aBrokenHomePageAndABrokenStagePageAreBothReported(@TempDir Path temp) throws IOException {
        // the site-wide pages are drawn on a thread of their own, beside the playbooks' pages
        Path templates = temp.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("home.ftlh"), "<p>fine</p>\n<p>${site.noSuchField}</p>\n", StandardCharsets.UTF_8);
        Files.writeString(templates.resolve("stage.ftlh"), "<p>fine</p>\n\n<#if>\n</#if>\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("out");

        Cli.Result run = run("build", "--source", MINIMAL.toString(), "--output", out.toString(), "--templates", templates.toString());

        assertEquals(Main.DEFINITION_ERRORS, run.code(), run::toString);
        assertNoStackTrace(run);
        assertTrue(Pattern.compile("home\\.ftlh:2\\b").matcher(run.err()).find(), () -> "home.ftlh line 2:\n" + run);
        assertTrue(Pattern.compile("stage\\.ftlh:3\\b").matcher(run.err()).find(), () -> "stage.ftlh line 3:\n" + run);
        assertFalse(Files.exists(out), "a build with broken templates wrote a site");
    }

    // ---------------------------------------------------------------------------------------------

    static String bundled(String name) throws IOException {
        try (InputStream in = MainTest.class.getResourceAsStream("/templates/" + name)) {
            assertNotNull(in, "the bundled theme has no " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                if (p.equals(root)) continue;
                String name = root.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) files.put(name + "/", new byte[0]);
                else files.put(name, Files.readAllBytes(p));
            }
        }
        return files;
    }

    /**
     * The files of the working directory that neither the build tool nor the engineer working on
     * the code change while the tests run: sources, templates, target, git and the default site
     * folder are left out; whatever else is there (a cache folder, say) must not change.
     */
    static Map<String, byte[]> projectFiles() throws IOException {
        Set<String> busy = Set.of(".git", "target", "src", "templates", "site");
        Path root = Path.of("").toAbsolutePath();
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> top = Files.list(root)) {
            for (Path p : top.sorted().toList()) {
                if (busy.contains(p.getFileName().toString())) continue;
                if (Files.isDirectory(p)) {
                    files.put(p.getFileName() + "/", new byte[0]);
                    snapshot(p).forEach((k, v) -> files.put(p.getFileName() + "/" + k, v));
                } else {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    static Set<String> listingOrEmpty(Path folder) {
        try {
            return listing(folder);
        } catch (IOException e) {
            return Set.of();
        }
    }

    static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder.toAbsolutePath())) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual, String message) {
        assertEquals(expected.keySet(), actual.keySet(), message + " (file list)");
        List<String> changed = expected.keySet().stream().filter(k -> !Arrays.equals(expected.get(k), actual.get(k))).toList();
        assertEquals(List.of(), changed, message + " (contents)");
    }
}
