package dev.playbook.gates;

import dev.playbook.testing.Cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.cli.Main;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Feeds the build what an attacker, a careless copy-paste or a broken disk would: script payloads
 * in every field, template and diagram syntax, ids that name paths, alias bombs, huge, deep,
 * binary, empty and unreadable files. Every case must end, within a bound that only catches
 * hangs, either in clean {@code file:line:col} diagnostics or in a site that is safe to open, and
 * never in an exception or a stack trace, neither through {@link dev.playbook.Pipeline} nor through the
 * command line.
 */
class HostileInputTest {
    static final Path CORPUS = Path.of("src/test/resources/hostile");
    /**
     * Bounds hangs; it does not measure speed. Generous, because the largest case draws a flowchart
     * of some 800 stages and a shared two-core machine may be busy with other builds.
     */
    static final Duration LIMIT = Duration.ofSeconds(120);
    static final Pattern DIAGNOSTIC = Pattern.compile("^\\S.*:(\\d+):(\\d+): (error|warning): \\S.*", Pattern.DOTALL);
    static final Pattern CLI_DIAGNOSTIC = Pattern.compile("^\\S.*:\\d+:\\d+: (error|warning): .+");
    /** The theme's own script, the only one a page may load. */
    static final String THEME_SCRIPT = "assets/playbook.js";
    /** Attributes a browser follows as a URL. */
    static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "xlink:href", "action", "formaction", "poster",
            "data", "background", "cite", "srcset", "ping", "manifest", "codebase");
    static final List<String> SCRIPT_SCHEMES = List.of("javascript:", "vbscript:", "data:text", "data:application");
    /** Elements that no text of an author may ever produce. */
    static final String FORBIDDEN_ELEMENTS = "iframe, frame, frameset, object, embed, applet, base, meta[http-equiv], "
            + "link[rel~=(?i)import], portal";
    /** The payloads of the corpus as they are written; none may reach a page as markup. */
    static final List<String> RAW_PAYLOADS = List.of("<script>window", "<script>parent", "<img src=x onerror",
            "<svg onload", "<details open ontoggle", "<iframe", "<b onclick", "<div onmouseover",
            "<a href=\"javascript:", "</title><script", "</noscript><script", "</noscript><img", "<img:http");

    @TempDir
    Path temp;

    // =============================================================================================
    // (a) script payloads in every text and Markdown field

    @Test
    void scriptPayloadsInEveryFieldAreShownAsTextNeverRun() throws IOException {
        Case outcome = run("payloads", copyOf(CORPUS.resolve("payloads")));
        assertTrue(outcome.report.succeeded(), () -> "the payload corpus should build (payloads are text, and text is "
                + "allowed):\n" + outcome.describe());
        List<String> problems = new ArrayList<>(safetyProblems(outcome.output));

        // the payloads are shown, as text, where the fields are: escaped, not silently dropped
        Document stage = Jsoup.parse(outcome.output.resolve("hostile/stages/qualification.html").toFile(), "UTF-8");
        String stageText = stage.body().text();
        for (String shown : List.of("Qualification <script>window.__pwned=1</script>",
                "Plain task <script>window.__pwned=1</script>", "Criterion <script>window.__pwned=1</script>",
                "Question <script>window.__pwned=1</script>?", "Commitment <script>window.__pwned=1</script>",
                "Goal <script>window.__pwned=1</script>", "Details <script>window.__pwned=1</script>")) {
            if (!stageText.contains(shown)) problems.add("hostile/stages/qualification.html: the text `" + shown
                    + "` is not shown on the stage page (escaped payloads should stay visible)");
        }
        Document home = Jsoup.parse(outcome.output.resolve("index.html").toFile(), "UTF-8");
        if (!home.body().text().contains("Title <script>window.__pwned=1</script>")) {
            problems.add("index.html: the playbook title is not shown as text on the home page");
        }
        if (!home.title().contains("Site <script>window.__pwned=1</script>")) {
            problems.add("index.html: the site title is not shown as text in <title>: " + home.title());
        }
        assertNoProblems(problems);
    }

    // =============================================================================================
    // (b) template syntax in content is text

    @Test
    void freeMarkerSyntaxInContentIsShownLiterally() throws IOException {
        Case outcome = run("freemarker", copyOf(CORPUS.resolve("freemarker")));
        assertTrue(outcome.report.succeeded(), () -> "the FreeMarker corpus should build:\n" + outcome.describe());
        List<String> problems = new ArrayList<>(safetyProblems(outcome.output));
        StringBuilder allText = new StringBuilder();
        for (Path page : files(outcome.output, ".html")) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            String text = doc.title() + "\n" + doc.body().text();
            allText.append(text).append('\n');
            Matcher probe = Pattern.compile("fm\\[(.*?)\\](?=[ \\]?,.]|$)", Pattern.MULTILINE).matcher(text);
            while (probe.find()) {
                String inside = probe.group(1);
                if (inside.isEmpty() || inside.equals("49") || inside.equals("X") || inside.equals("123")
                        || inside.equals("1 2 3") || !inside.matches("(?s).*[$#<@\\[].*")) {
                    problems.add(outcome.output.relativize(page) + ": template syntax was evaluated: `" + probe.group() + "`");
                }
            }
        }
        for (String literal : List.of("fm[${7*7}]", "fm[<#assign x=1>]", "fm[<@foo/>]", "fm[${\"x\"?upper_case}]",
                "fm[#{7*7}]")) {
            if (!allText.toString().contains(literal)) problems.add("no page shows `" + literal + "` as written");
        }
        String everything = allOutput(outcome.output) + outcome.messages();
        if (everything.contains("uid=")) problems.add("the output holds `uid=`: a command ran");
        problems.addAll(passwdLeaks(everything));
        assertNoProblems(problems);
    }

    // =============================================================================================
    // (c) PlantUML that reaches for files, URLs and the environment

    static ServerSocket listener;
    /** The port each connection the listener accepted came from, in the order accepted; guarded by itself. */
    static final List<Integer> ACCEPTED = new ArrayList<>();

    /** A socket on the loopback interface that counts who connects: no diagram may reach it. */
    @BeforeAll
    static void listen() throws IOException {
        // the HTML checker of HtmlValidityTest puts log4j 1.x on the test classpath and FreeMarker logs
        // through it; without an appender log4j complains on the console
        org.apache.log4j.Logger.getRootLogger().removeAllAppenders();
        org.apache.log4j.Logger.getRootLogger().addAppender(new org.apache.log4j.varia.NullAppender());
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    synchronized (ACCEPTED) {
                        ACCEPTED.add(socket.getPort());
                        ACCEPTED.notifyAll();
                    }
                    socket.close();
                } catch (IOException e) {
                    return;
                }
            }
        }, "hostile-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stopListening() throws IOException {
        listener.close();
    }

    @TestFactory
    Stream<DynamicTest> plantUmlBlocksCannotReadFilesFetchUrlsOrLinkToScripts() throws IOException {
        return singleFileCases("plantuml").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Path source = Files.createDirectories(temp.resolve(name(file)).resolve("definitions"));
            Files.writeString(source.resolve(file.getFileName()),
                    Files.readString(file).replace("LISTENER", "127.0.0.1:" + listener.getLocalPort()));
            int connectionsBefore = acceptedSoFar();

            Case outcome = run(name(file), source);

            List<String> problems = new ArrayList<>();
            if (outcome.report.succeeded()) problems.addAll(safetyProblems(outcome.output));
            String everything = allOutput(outcome.output) + allOutput(outcome.cliOutput()) + outcome.messages();
            problems.addAll(passwdLeaks(everything));
            problems.addAll(pomLeaks(everything));
            for (String variable : List.of("HOME", "PATH", "JAVA_HOME", "USER")) {
                String value = System.getenv(variable);
                if (value != null && value.length() >= 5 && everything.contains(value)) {
                    problems.add("the value of $" + variable + " (" + value + ") reached the output or the messages");
                }
            }
            String workingDirectory = Path.of("").toAbsolutePath().toString();
            if (everything.contains(workingDirectory)) {
                problems.add("the working directory " + workingDirectory + " reached the output or the messages");
            }
            String sourcePath = source.toAbsolutePath().toString();
            if (allOutput(outcome.output).contains(sourcePath) || allOutput(outcome.cliOutput()).contains(sourcePath)) {
                problems.add("the absolute path of the source folder reached the site: " + sourcePath);
            }
            int connections = connectionsSince(connectionsBefore);
            if (connections > 0) {
                problems.add(connections + " connection(s) reached 127.0.0.1:" + listener.getLocalPort()
                        + ": a diagram fetched a URL");
            }
            if (!problems.isEmpty()) fail(String.join("\n", problems) + "\n" + outcome.describe());
        }));
    }

    // =============================================================================================
    // (d) ids built to escape the output folder

    @TestFactory
    Stream<DynamicTest> idsThatNamePathsAreRefusedAndNothingIsWrittenOutside() throws IOException {
        return singleFileCases("paths").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Path work = Files.createDirectories(temp.resolve(name(file)).resolve("work"));
            Path source = Files.createDirectories(work.resolve("definitions/deeper"));
            Files.copy(file, source.resolve(file.getFileName()));
            Path output = work.resolve("out/site");
            Path systemTemp = temp.toAbsolutePath().getParent();
            Path cwd = Path.of("").toAbsolutePath();

            Set<String> treeBefore = tree(temp);
            Set<String> systemTempBefore = listing(systemTemp);
            Set<String> cwdBefore = listing(cwd);
            Set<String> cwdParentBefore = listing(cwd.getParent());

            Case outcome = run(name(file), source, output);

            assertTrue(outcome.report.diagnostics().hasErrors(), () -> "an id that names a path was accepted:\n" + outcome.describe());
            assertTrue(outcome.report.diagnostics().sorted().stream().anyMatch(d -> d.severity() == Severity.ERROR
                    && d.at().file().endsWith(file.getFileName().toString())), () -> "no error names the file:\n" + outcome.describe());
            Set<String> treeAfter = tree(temp);
            assertEquals(treeBefore, treeAfter, "files appeared or vanished in the test's folder");
            assertEquals(Set.of(), added(systemTempBefore, listing(systemTemp)).stream()
                    .filter(n -> n.contains("evil")).collect(Collectors.toSet()), "something was written into " + systemTemp);
            assertEquals(Set.of(), added(cwdBefore, listing(cwd)).stream()
                    .filter(n -> n.contains("evil")).collect(Collectors.toSet()), "something was written into " + cwd);
            assertEquals(Set.of(), added(cwdParentBefore, listing(cwd.getParent())).stream()
                    .filter(n -> n.contains("evil")).collect(Collectors.toSet()), "something was written into " + cwd.getParent());
            assertFalse(Files.exists(Path.of("/tmp/playbook-evil")) || Files.exists(Path.of("/tmp/stage-evil"))
                    || Files.exists(Path.of("/tmp/stage-evil.html")), "an absolute id was written to /tmp");
        }));
    }

    // =============================================================================================
    // unsafe resource links, one per file

    @TestFactory
    Stream<DynamicTest> resourceLinksWithAHiddenScriptSchemeAreRefusedOrInert() throws IOException {
        return singleFileCases("unsafe-urls").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Path source = Files.createDirectories(temp.resolve(name(file)).resolve("definitions"));
            Files.copy(file, source.resolve(file.getFileName()));
            Case outcome = run(name(file), source);
            if (outcome.report.succeeded()) assertNoProblems(safetyProblems(outcome.output));
        }));
    }

    // =============================================================================================
    // (e) alias bombs

    @TestFactory
    Stream<DynamicTest> aliasBombsAreRefused() throws IOException {
        return singleFileCases("alias-bomb").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Path source = Files.createDirectories(temp.resolve(name(file)).resolve("definitions"));
            Files.copy(file, source.resolve(file.getFileName()));
            Case outcome = run(name(file), source);
            assertTrue(outcome.report.diagnostics().hasErrors(), () -> "an alias bomb was not refused:\n" + outcome.describe());
            // every alias of the corpus names an anchor written before it: "no anchor" is a wrong report
            assertTrue(outcome.report.diagnostics().sorted().stream().noneMatch(d -> d.message().contains("names no anchor")),
                    () -> "aliases of anchors that are written before them were reported as undefined:\n" + outcome.describe());
        }));
    }

    // =============================================================================================
    // (f) a 20 MB file

    @Test
    void aTwentyMegabyteFileIsRefused() throws IOException {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        StringBuilder text = new StringBuilder("playbook: huge\ntitle: Huge\nsummary: |\n");
        String line = "  " + "All work and no play makes a very long playbook. ".repeat(2) + "\n";
        while (text.length() < 20 * 1024 * 1024) text.append(line);
        text.append("stages:\n  - id: first\n    title: First\n    tasks: [Call]\n    exit_criteria: [Called]\n");
        Files.writeString(source.resolve("huge.yaml"), text);
        Case outcome = run("huge", source);
        assertTrue(outcome.report.diagnostics().hasErrors(), () -> "a 20 MB file was accepted:\n" + outcome.describe());
    }

    @Test
    void aFileJustUnderTheSizeLimitEndsCleanly() throws IOException {
        // 1.9 MB of valid definitions: thousands of tasks and criteria; a long build is fine, a hang is not
        Path source = Files.createDirectories(temp.resolve("definitions"));
        StringBuilder text = new StringBuilder("playbook: large\ntitle: Large\nstages:\n");
        int stage = 0;
        while (text.length() < 1900 * 1024) {
            stage++;
            text.append("  - id: stage-").append(stage).append("\n    title: Stage ").append(stage).append("\n    tasks:\n");
            for (int t = 0; t < 40; t++) text.append("      - Task number ").append(t).append(" of stage ").append(stage).append('\n');
            text.append("    exit_criteria:\n");
            for (int c = 0; c < 20; c++) text.append("      - Criterion ").append(c).append(" of stage ").append(stage).append('\n');
        }
        Files.writeString(source.resolve("large.yaml"), text);
        Case outcome = run("large", source);
        if (outcome.report.succeeded()) assertNoProblems(safetyProblems(outcome.output));
    }

    // =============================================================================================
    // (g) nesting 10,000 deep

    @TestFactory
    Stream<DynamicTest> nestingTenThousandDeepEndsInAnError() {
        int depth = 10_000;
        return Stream.of(
                new Generated("flow-sequences", "playbook: deep\ntitle: Deep\nsummary: " + "[".repeat(depth) + "]".repeat(depth) + "\n"),
                new Generated("flow-mappings", "playbook: deep\ntitle: Deep\nsummary: " + "{a: ".repeat(depth) + "x" + "}".repeat(depth) + "\n"),
                new Generated("stages", "playbook: deep\ntitle: Deep\nstages: " + "[".repeat(depth) + "]".repeat(depth) + "\n"),
                new Generated("block-sequences", "playbook: deep\ntitle: Deep\nstages:\n" + blockSequences(depth)),
                new Generated("site-title", "title: " + "{t: ".repeat(depth) + "x" + "}".repeat(depth) + "\n"))
                .map(g -> DynamicTest.dynamicTest(g.name, () -> {
                    Path source = Files.createDirectories(temp.resolve(g.name).resolve("definitions"));
                    Files.writeString(source.resolve(g.name.equals("site-title") ? "site.yaml" : "deep.yaml"), g.text);
                    Case outcome = run(g.name, source);
                    assertTrue(outcome.report.diagnostics().hasErrors(), () -> "10,000 levels of nesting were accepted:\n"
                            + outcome.describe());
                }));
    }

    private static String blockSequences(int depth) {
        // "- - - - x": block sequences nested on one line, 2 characters a level
        return "- ".repeat(depth) + "x\n";
    }

    // =============================================================================================
    // (h) invalid UTF-8

    @TestFactory
    Stream<DynamicTest> invalidUtf8EndsInAnErrorOnItsLine() {
        String head = "playbook: bytes\ntitle: Bytes\nstages:\n  - id: first\n    title: ";
        String tail = "\n    tasks: [Call]\n    exit_criteria: [Called]\n";
        return Stream.of(
                new Bytes("lone-continuation-byte", bytes(head, new byte[]{'Q', (byte) 0x80, 'x'}, tail), 5),
                new Bytes("overlong-slash", bytes(head, new byte[]{'Q', (byte) 0xC0, (byte) 0xAF}, tail), 5),
                new Bytes("encoded-surrogate", bytes(head, new byte[]{'Q', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, tail), 5),
                new Bytes("ff-byte-in-a-key", bytes("playbook: bytes\nti", new byte[]{(byte) 0xFF}, "tle: Bytes\n"), 2),
                new Bytes("truncated-at-end", bytes(head + "Q" + tail + "# note ", new byte[]{(byte) 0xE2, (byte) 0x82}, ""), 8),
                new Bytes("latin2-polish", bytes(head, "Kwalifikacja \u0141\u00f3d\u017a".getBytes(Charset.forName("ISO-8859-2")), tail), 5),
                new Bytes("utf16-with-bom", (("\uFEFF" + head + "Q" + tail)).getBytes(StandardCharsets.UTF_16LE), 0))
                .map(b -> DynamicTest.dynamicTest(b.name, () -> {
                    Path source = Files.createDirectories(temp.resolve(b.name).resolve("definitions"));
                    Files.write(source.resolve("bytes.yaml"), b.bytes);
                    Case outcome = run(b.name, source);
                    assertTrue(outcome.report.diagnostics().hasErrors(), () -> "bytes that are not UTF-8 were accepted:\n"
                            + outcome.describe());
                    if (b.line > 0) {
                        assertTrue(outcome.report.diagnostics().sorted().stream().anyMatch(d -> d.severity() == Severity.ERROR
                                        && d.at().line() == b.line),
                                () -> "no error on line " + b.line + ", where the bad byte is:\n" + outcome.describe());
                    }
                }));
    }

    // =============================================================================================
    // (i) binary garbage

    @TestFactory
    Stream<DynamicTest> binaryGarbageEndsInAnError() {
        Random random = new Random(20260519L);
        byte[] noise = new byte[64 * 1024];
        random.nextBytes(noise);
        byte[] smallNoise = new byte[300];
        random.nextBytes(smallNoise);
        byte[] png = new byte[2048];
        random.nextBytes(png);
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        byte[] asciiNoise = new byte[16 * 1024];
        for (int i = 0; i < asciiNoise.length; i++) asciiNoise[i] = (byte) (32 + random.nextInt(95));
        return Stream.of(new Bytes("random-64k", noise, 0), new Bytes("random-300", smallNoise, 0),
                        new Bytes("png-header", png, 0), new Bytes("printable-noise", asciiNoise, 0),
                        new Bytes("header-then-noise", bytes("playbook: noise\ntitle: Noise\nsummary: ", smallNoise, ""), 0),
                        new Bytes("nul-bytes", new byte[4096], 0))
                .map(b -> DynamicTest.dynamicTest(b.name, () -> {
                    Path source = Files.createDirectories(temp.resolve(b.name).resolve("definitions"));
                    Files.write(source.resolve("garbage.yaml"), b.bytes);
                    Case outcome = run(b.name, source);
                    assertTrue(outcome.report.diagnostics().hasErrors(), () -> "garbage was accepted:\n" + outcome.describe());
                }));
    }

    // =============================================================================================
    // (j) empty files

    @TestFactory
    Stream<DynamicTest> emptyFilesEndInAnError() {
        return Stream.of(new Bytes("zero-bytes", new byte[0], 0),
                        new Bytes("only-whitespace", "\n\n   \n\t\n".getBytes(StandardCharsets.UTF_8), 0),
                        new Bytes("only-a-comment", "# nothing here yet\n".getBytes(StandardCharsets.UTF_8), 0),
                        new Bytes("only-a-document-marker", "---\n...\n".getBytes(StandardCharsets.UTF_8), 0),
                        new Bytes("only-a-bom", new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0))
                .map(b -> DynamicTest.dynamicTest(b.name, () -> {
                    Path source = Files.createDirectories(temp.resolve(b.name).resolve("definitions"));
                    Files.write(source.resolve("empty.yaml"), b.bytes);
                    Case outcome = run(b.name, source);
                    assertTrue(outcome.report.diagnostics().hasErrors(), () -> "an empty playbook was accepted:\n" + outcome.describe());
                }));
    }

    @Test
    void anEmptySiteFileEndsCleanly() throws IOException {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Files.write(source.resolve("site.yaml"), new byte[0]);
        Files.writeString(source.resolve("ok.yaml"), VALID);
        Case outcome = run("empty-site", source);
        if (outcome.report.succeeded()) assertNoProblems(safetyProblems(outcome.output));
    }

    // =============================================================================================
    // (k) things that are not readable files

    @Test
    void aFolderNamedLikeADefinitionEndsCleanly() throws IOException {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Files.createDirectories(source.resolve("x.yaml"));
        Files.createDirectories(source.resolve("y.yml/z"));
        Files.writeString(source.resolve("ok.yaml"), VALID);
        Case outcome = run("folder", source);
        if (outcome.report.succeeded()) assertNoProblems(safetyProblems(outcome.output));
    }

    @Test
    void anUnreadableFileEndsCleanly() throws IOException {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Path locked = source.resolve("locked.yaml");
        Files.writeString(locked, VALID.replace("playbook: ok", "playbook: locked"));
        Files.writeString(source.resolve("ok.yaml"), VALID);
        boolean posix = source.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            boolean readable = Files.isReadable(locked); // true for root, who reads it anyway
            Case outcome = run("unreadable", source);
            if (!readable) {
                assertTrue(outcome.report.diagnostics().hasErrors(), () -> "an unreadable file was silently skipped:\n"
                        + outcome.describe());
                assertTrue(outcome.report.diagnostics().sorted().stream().anyMatch(d -> d.at().file().endsWith("locked.yaml")),
                        () -> "no error names the unreadable file:\n" + outcome.describe());
            } else if (outcome.report.succeeded()) {
                assertNoProblems(safetyProblems(outcome.output));
            }
        } finally {
            if (posix) Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void specialFilesNamedLikeDefinitionsEndCleanlyWithoutBlocking() throws IOException {
        // a FIFO would block a reader forever, /dev/zero never ends, a dangling link leads nowhere
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Files.writeString(source.resolve("ok.yaml"), VALID);
        List<String> made = new ArrayList<>();
        if (mkfifo(source.resolve("pipe.yaml"))) made.add("pipe.yaml");
        if (symlink(source.resolve("zero.yaml"), Path.of("/dev/zero"))) made.add("zero.yaml");
        if (symlink(source.resolve("random.yaml"), Path.of("/dev/urandom"))) made.add("random.yaml");
        if (symlink(source.resolve("dangling.yaml"), source.resolve("does-not-exist.yaml"))) made.add("dangling.yaml");
        if (symlink(source.resolve("loop.yaml"), source.resolve("loop.yaml"))) made.add("loop.yaml");
        Case outcome = run("special", source);
        assertTrue(made.isEmpty() || outcome.report.diagnostics().hasErrors(),
                () -> "special files " + made + " were silently accepted:\n" + outcome.describe());
    }

    // =============================================================================================
    // running a case

    static final String VALID = "playbook: ok\ntitle: Fine\nstages:\n  - id: first\n    title: First\n"
            + "    tasks: [Call]\n    exit_criteria: [Called]\n";

    record Generated(String name, String text) {
    }

    record Bytes(String name, byte[] bytes, int line) {
    }

    /** What a case came to, through the API and through the command line. */
    record Case(String name, Path source, Path output, Outcome report, Cli.Result cli) {
        Path cliOutput() {
            return output.resolveSibling(output.getFileName() + "-cli");
        }

        String messages() {
            return report.diagnostics().sorted().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"))
                    + "\n" + (report.failureMessage() == null ? "" : report.failureMessage()) + "\n" + cli.all();
        }

        String describe() {
            String diagnostics = report.diagnostics().sorted().stream().map(Diagnostic::toString)
                    .map(HostileInputTest::abbreviate).collect(Collectors.joining("\n  "));
            return "case " + name + ": succeeded=" + report.succeeded() + ", failure=" + report.failureMessage()
                    + "\n  " + diagnostics + "\n--- command line: exit " + cli.code() + "\n" + abbreviate(cli.all());
        }
    }

    private Case run(String name, Path source) throws IOException {
        return run(name, source, temp.resolve(name + "-out").resolve("site"));
    }

    /**
     * Builds the case through {@link dev.playbook.Pipeline} and through the command line, each bounded in time,
     * and asserts that both ended cleanly: no exception, no stack trace, diagnostics of the form
     * {@code file:line:col: severity: message} with line and column from 1, never a failure
     * "outside the definitions" (exit code 2) for what is wrong with the definitions.
     */
    private Case run(String name, Path source, Path output) throws IOException {
        String shown = "definitions";
        Object result = assertTimeoutPreemptively(LIMIT, () -> {
            try {
                return Builds.build(source, shown, output, null);
            } catch (Throwable t) {
                return t;
            }
        }, () -> "case " + name + ": the build did not end within " + LIMIT.toSeconds() + " s (a hang)");
        if (result instanceof Throwable t) {
            fail("case " + name + ": the build threw instead of reporting a diagnostic:\n" + stackTrace(t));
        }
        Outcome report = (Outcome) result;

        Path cliOutput = output.resolveSibling(output.getFileName() + "-cli");
        if (!report.succeeded() && Files.exists(output)) fail("case " + name + ": a build with errors wrote " + output);
        Cli.Result cli = assertTimeoutPreemptively(LIMIT, () -> cli("build", "--source", source.toString(),
                        "--output", cliOutput.toString(), "--no-cache"),
                () -> "case " + name + ": the command line did not end within " + LIMIT.toSeconds() + " s (a hang)");
        Case outcome = new Case(name, source, output, report, cli);
        // what each case came to, for the record (surefire keeps it in the test's -output.txt)
        System.out.println(outcome.describe() + "\n");

        List<String> problems = new ArrayList<>();
        if (report.failureMessage() != null) {
            problems.add("a problem with the definitions was reported as a failure outside them: " + report.failureMessage());
        }
        for (Diagnostic d : report.diagnostics().sorted()) {
            String line = d.toString();
            if (d.at().line() < 1 || d.at().column() < 1) problems.add("a diagnostic without a real place: " + abbreviate(line));
            if (!DIAGNOSTIC.matcher(line).matches()) problems.add("a diagnostic not of the form file:line:col: severity: message: "
                    + abbreviate(line));
            if (!d.at().file().startsWith(shown)) problems.add("a diagnostic outside the source folder: " + abbreviate(line));
            if (line.contains("Exception") || line.contains("\tat ") || line.contains("java.")) {
                problems.add("a diagnostic carries an exception: " + abbreviate(line));
            }
        }
        if (cli.code() != Main.OK && Files.exists(cliOutput)) problems.add("a command-line build with errors wrote " + cliOutput);
        if (cli.all().contains("Exception") || cli.all().contains("\tat ")) problems.add("the command line printed an exception");
        if (cli.code() != Main.OK && cli.code() != Main.DEFINITION_ERRORS) {
            problems.add("the command line exited " + cli.code() + "; problems in definitions are exit code 1");
        }
        if (report.succeeded() != (cli.code() == Main.OK)) {
            problems.add("the command line (exit " + cli.code() + ") and the build (succeeded=" + report.succeeded() + ") disagree");
        }
        if (cli.code() == Main.DEFINITION_ERRORS && cli.all().lines().noneMatch(l -> CLI_DIAGNOSTIC.matcher(l).matches())) {
            problems.add("the command line failed without a file:line:col: error line");
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems) + "\n" + outcome.describe());
        return outcome;
    }

    static Cli.Result cli(String... args) {
        return Cli.run(args);
    }

    // =============================================================================================
    // what a safe site is

    /**
     * Judges a built site as a browser would meet it: the theme's script is the only script, no
     * element has an event handler, no URL attribute leads to a script scheme, no frame or object
     * exists, no payload of the corpus is in the bytes of a page or a drawing as markup, and the
     * search index is data and nothing else.
     */
    static List<String> safetyProblems(Path site) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(site, ".html")) {
            String where = site.relativize(file).toString();
            String raw = Files.readString(file, StandardCharsets.UTF_8);
            Document doc = Jsoup.parse(raw);
            for (Element script : doc.select("script")) {
                String src = script.attr("src");
                if (!(src.equals(THEME_SCRIPT) || src.endsWith("/" + THEME_SCRIPT)) || !script.data().isBlank()) {
                    problems.add(where + ": a <script> element that is not the theme's: " + abbreviate(script.outerHtml()));
                }
            }
            elementProblems(where, doc, problems);
            rawProblems(where, raw, problems);
        }
        for (Path file : files(site, ".svg")) {
            String where = site.relativize(file).toString();
            String raw = Files.readString(file, StandardCharsets.UTF_8);
            Document doc = Jsoup.parse(raw, "", Parser.xmlParser());
            for (Element script : doc.select("script")) problems.add(where + ": a <script> in a drawing: " + abbreviate(script.outerHtml()));
            elementProblems(where, doc, problems);
            rawProblems(where, raw, problems);
        }
        for (Path file : files(site, ".js")) {
            String where = site.relativize(file).toString().replace('\\', '/');
            if (where.equals(THEME_SCRIPT)) continue;
            // the search index lists its parts, one beside each playbook's pages
            boolean index = where.equals("assets/search-index.js");
            if (!index && !where.matches("[a-z0-9][a-z0-9-]*/search\\.js")) {
                problems.add(where + ": a script the theme does not ship");
                continue;
            }
            String js = Files.readString(file, StandardCharsets.UTF_8);
            String prefix = index ? "window.PLAYBOOK_SEARCH_PARTS=" : "window.PLAYBOOK_SEARCH=";
            if (!js.startsWith(prefix) || !js.endsWith(";\n")) {
                problems.add(where + ": not a single assignment of data: " + abbreviate(js));
                continue;
            }
            try {
                JsonNode data = new ObjectMapper().readTree(js.substring(prefix.length(), js.length() - 2));
                if (!data.isArray()) problems.add(where + ": the index is not a JSON array");
            } catch (IOException e) {
                problems.add(where + ": the index is not one JSON value, so text could have become code: " + e.getMessage());
            }
        }
        return problems;
    }

    private static void elementProblems(String where, Document doc, List<String> problems) {
        for (Element e : doc.select(FORBIDDEN_ELEMENTS)) {
            problems.add(where + ": a <" + e.tagName() + "> element: " + abbreviate(e.outerHtml()));
        }
        for (Element e : doc.getAllElements()) {
            for (Attribute attr : e.attributes()) {
                String name = attr.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    problems.add(where + ": an event handler " + name + "=\"" + abbreviate(attr.getValue()) + "\" on <" + e.tagName() + ">");
                }
                if (name.equals("srcdoc")) problems.add(where + ": a srcdoc attribute on <" + e.tagName() + ">");
                if (URL_ATTRIBUTES.contains(name) || name.endsWith(":href")) {
                    String url = browserUrl(attr.getValue());
                    for (String scheme : SCRIPT_SCHEMES) {
                        if (url.startsWith(scheme)) {
                            problems.add(where + ": " + name + "=\"" + abbreviate(attr.getValue()) + "\" on <" + e.tagName()
                                    + "> leads to a " + scheme + " URL");
                        }
                    }
                }
            }
        }
    }

    /** A URL as a browser's URL parser reads it: tabs and newlines anywhere are dropped, controls and spaces at the ends trimmed. */
    static String browserUrl(String value) {
        String url = value.replaceAll("[\\t\\n\\r]", "");
        url = url.replaceAll("^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$", "");
        return url.toLowerCase(Locale.ROOT);
    }

    private static void rawProblems(String where, String raw, List<String> problems) {
        String lower = raw.toLowerCase(Locale.ROOT);
        for (String payload : RAW_PAYLOADS) {
            int at = lower.indexOf(payload.toLowerCase(Locale.ROOT));
            if (at >= 0) {
                problems.add(where + ": the payload `" + payload + "` is in the file unescaped: …"
                        + abbreviate(raw.substring(Math.max(0, at - 40), Math.min(raw.length(), at + 80))) + "…");
            }
        }
    }

    static List<String> passwdLeaks(String everything) throws IOException {
        List<String> problems = new ArrayList<>();
        Path passwd = Path.of("/etc/passwd");
        if (!Files.isReadable(passwd)) return problems;
        for (String line : Files.readAllLines(passwd, StandardCharsets.ISO_8859_1)) {
            if (line.length() >= 12 && line.contains(":") && everything.contains(line)) {
                problems.add("a line of /etc/passwd reached the output or the messages: " + line);
            }
        }
        if (everything.contains("root:x:0:0")) problems.add("`root:x:0:0` from /etc/passwd reached the output or the messages");
        return problems;
    }

    static List<String> pomLeaks(String everything) throws IOException {
        List<String> problems = new ArrayList<>();
        Path pom = Path.of("pom.xml");
        if (!Files.isReadable(pom)) return problems;
        for (String line : Files.readAllLines(pom, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("<artifactId>") && everything.contains(trimmed)) {
                problems.add("a line of pom.xml reached the output or the messages: " + trimmed);
            }
        }
        return problems;
    }

    // =============================================================================================
    // helpers

    private Path copyOf(Path corpus) throws IOException {
        Path target = temp.resolve(corpus.getFileName() + "-src").resolve("definitions");
        Files.createDirectories(target);
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path from : walk.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(corpus.relativize(from).toString());
                Files.createDirectories(to.getParent());
                Files.copy(from, to);
            }
        }
        return target;
    }

    private static Stream<Path> singleFileCases(String folder) throws IOException {
        try (Stream<Path> list = Files.list(CORPUS.resolve(folder))) {
            List<Path> files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            assertFalse(files.isEmpty(), "no cases in " + folder);
            return files.stream();
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString().replaceAll("\\.ya?ml$", "");
    }

    static List<Path> files(Path root, String suffix) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static String allOutput(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        if (!Files.isDirectory(root)) return "";
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    static Set<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static Set<String> listing(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> added(Set<String> before, Set<String> after) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        return added;
    }

    static byte[] bytes(String head, byte[] middle, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + middle.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(middle, 0, all, h.length, middle.length);
        System.arraycopy(t, 0, all, h.length + middle.length, t.length);
        return all;
    }

    private static boolean mkfifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return p.waitFor() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean symlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static int acceptedSoFar() {
        synchronized (ACCEPTED) {
            return ACCEPTED.size();
        }
    }

    /**
     * How many connections the listener accepted after its first {@code since}: connects to it once
     * itself and waits until that connection is accepted. The listener accepts connections in the
     * order they were made, so by then it has counted every one a build made before.
     */
    private static int connectionsSince(int since) throws IOException, InterruptedException {
        try (Socket own = new Socket(listener.getInetAddress(), listener.getLocalPort())) {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            synchronized (ACCEPTED) {
                int at;
                while ((at = ACCEPTED.subList(since, ACCEPTED.size()).indexOf(own.getLocalPort())) < 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) fail("the listener never accepted the test's own connection");
                    TimeUnit.NANOSECONDS.timedWait(ACCEPTED, left);
                }
                return at;
            }
        }
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    static String abbreviate(String text) {
        String flat = text.replace("\n", "\\n");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }

    static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) fail(problems.size() + " problem(s):\n" + String.join("\n", problems));
    }
}
