package dev.playbook.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures Playbook against its peers on the same work, in one run on one machine: Hugo building
 * the same pages from Markdown, and PlantUML's own command line drawing the same diagrams.
 * Every time is the median of several runs of a fresh process. Run it with {@code bench/run}.
 *
 * <p>Arguments: {@code --plantuml PATH [--sizes 10,100,1000] [--runs 3] [--cold-runs N] [--work DIR]
 * [--results FILE]} ({@code --cold-runs}, the runs of a cold build, defaults to {@code --runs}: a cold build
 * of a thousand playbooks draws a thousand PDF packs and takes minutes);
 * Playbook runs through {@code bin/playbook}, the launcher the README uses, on {@code target/playbook.jar}.
 * The file of results keeps its hand-written sections (the profiles, the start-up options) as they are.
 */
public final class Benchmark {
    private static final Pattern SERVING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
    /** Edits the live preview is timed on, each from saving a playbook to its changed overview being served. */
    static final int EDITS = 10;
    /** Sections of the results file that other hands write, kept from one run to the next. */
    private static final List<String> KEPT = List.of("<!-- findings -->", "<!-- bench/startup -->");

    /** The launcher the README uses (JVM options for a short-lived tool), run against the built jar. */
    private final Path launcher = Path.of("bin/playbook");
    private final Path plantuml;
    private final Path work;
    private final int runs;
    private final int coldRuns;

    private Benchmark(Path plantuml, Path work, int runs, int coldRuns) {
        this.plantuml = plantuml;
        this.work = work;
        this.runs = runs;
        this.coldRuns = coldRuns;
    }

    /**
     * One size's numbers; times in milliseconds, memory in kilobytes.
     *
     * @param forced a full build with every diagram in the cache (every page drawn): the work Hugo does
     * @param inlinedTwice diagrams whose drawing appears inline in more than one page
     */
    record Row(int playbooks, int pages, int diagrams, long cold, long coldDiagrams, long coldPeakKb, long forced,
               long forcedPeakKb, long unchanged, long hugo, long hugoPeakKb, long plantumlCli, List<Long> edits,
               List<Long> stageEdits, boolean fitsIn512m, long outputBytes, long indexBytes, int inlinedTwice) {

        double forcedRatio() {
            return (double) forced / hugo;
        }

        double diagramsRatio() {
            return (double) coldDiagrams / plantumlCli;
        }

        double unchangedShare() {
            return (double) unchanged / cold;
        }

        long editMedian() {
            return median(edits);
        }

        long editMax() {
            return edits.stream().mapToLong(Long::longValue).max().orElse(-1);
        }

        long stageEditMedian() {
            return median(stageEdits);
        }

        long stageEditMax() {
            return stageEdits.stream().mapToLong(Long::longValue).max().orElse(-1);
        }

        /** Whether every edit of both kinds meets a median and a slowest. */
        boolean editsWithin(long median, long slowest) {
            return editMedian() <= median && stageEditMedian() <= median && editMax() <= slowest && stageEditMax() <= slowest;
        }
    }

    /**
     * What the live preview is timed on. Renaming the playbook changes no diagram (they carry no
     * title); renaming a stage changes both, which PlantUML draws again while the author waits.
     */
    enum Edit {
        TITLE("index.html") {
            @Override
            String apply(String yaml, String marker) {
                return yaml.replaceFirst("(?m)^title: .*$", "title: " + marker);
            }
        },
        STAGE("flow.html") {
            @Override
            String apply(String yaml, String marker) {
                return yaml.replaceFirst("(?m)^    title: .*$", "    title: " + marker);
            }
        };

        /** The page that shows the edit, in the playbook's folder. */
        final String page;

        Edit(String page) {
            this.page = page;
        }

        abstract String apply(String yaml, String marker);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) options.put(args[i], args[i + 1]);
        Path plantuml = Path.of(require(options, "--plantuml"));
        int runs = Integer.parseInt(options.getOrDefault("--runs", "3"));
        Path work = Path.of(options.getOrDefault("--work", "target/bench"));
        int[] sizes = Arrays.stream(options.getOrDefault("--sizes", "10,100,1000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int coldRuns = Integer.parseInt(options.getOrDefault("--cold-runs", String.valueOf(runs)));
        Benchmark bench = new Benchmark(plantuml, work, runs, coldRuns);
        String loadBefore = loadAverage();
        bench.prepareLauncher();
        long examples = bench.bundledExamplesCold();
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            System.err.println("== " + size + " playbooks");
            rows.add(bench.measure(size));
        }
        String report = report(rows, examples, runs, coldRuns, loadBefore, loadAverage());
        System.out.println(report);
        Path results = Path.of(options.getOrDefault("--results", "bench/RESULTS.md"));
        Files.writeString(results, report + keptSections(results), StandardCharsets.UTF_8);
        System.err.println("written to " + results);
    }

    /** The sections others write into the same file (bench/startup's, the profiles), kept as they are. */
    private static String keptSections(Path results) throws IOException {
        String old = Files.exists(results) ? Files.readString(results, StandardCharsets.UTF_8) : "";
        int at = KEPT.stream().mapToInt(old::indexOf).filter(i -> i >= 0).min().orElse(-1);
        return at < 0 ? "" : "\n" + old.substring(at);
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) throw new IllegalArgumentException("missing " + key);
        return value;
    }

    /** The launcher makes its class-data archive on its first run with a new jar: that run is a build, and not measured. */
    private void prepareLauncher() throws Exception {
        Path dir = work.resolve("warm-up");
        deleteTree(dir);
        time(List.of(launcher.toString(), "build", "--output", dir.resolve("site").toString(), "--no-cache", "-q"));
    }

    /** The bundled examples (process-definitions), cold: an empty diagram cache, a fresh JVM through bin/playbook. */
    private long bundledExamplesCold() throws Exception {
        Path dir = work.resolve("examples");
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < Math.max(runs, 5); i++) {
            deleteTree(dir);
            times.add(time(List.of(launcher.toString(), "build", "--source", "process-definitions", "--output",
                    dir.resolve("site").toString(), "--cache", dir.resolve("cache").toString(), "-q")).millis);
        }
        return median(times);
    }

    private Row measure(int size) throws Exception {
        Path dir = work.resolve("site-" + size);
        deleteTree(dir);
        SyntheticSite.write(size, dir);
        Path definitions = dir.resolve("process-definitions");
        Path output = dir.resolve("out");
        Path cache = dir.resolve("cache");
        List<String> build = List.of(launcher.toString(), "build", "--source", definitions.toString(),
                "--output", output.toString(), "--cache", cache.toString(), "-q");

        List<Long> cold = new ArrayList<>();
        List<Long> coldDiagrams = new ArrayList<>();
        long coldPeak = 0;
        for (int i = 0; i < coldRuns; i++) {
            deleteTree(cache);
            deleteTree(output);
            Timed t = time(with(build, "-v"));
            cold.add(t.millis);
            coldDiagrams.add(step(t.output, "render.diagrams"));
            coldPeak = Math.max(coldPeak, t.peakKb);
        }
        // every diagram cached, every page drawn: the work Hugo does
        List<Long> forced = new ArrayList<>();
        long forcedPeak = 0;
        for (int i = 0; i < runs; i++) {
            Timed t = time(with(build, "--force"));
            forced.add(t.millis);
            forcedPeak = Math.max(forcedPeak, t.peakKb);
        }
        // nothing changed since the last build
        List<Long> unchanged = new ArrayList<>();
        for (int i = 0; i < runs; i++) unchanged.add(time(build).millis);
        long outputBytes = sizeBytes(output);
        long indexBytes = searchIndexBytes(output);
        int inlinedTwice = diagramsInlinedTwice(output);
        long pages;
        try (Stream<Path> files = Files.walk(output)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).count();
        }

        // the peers, on the same work
        List<Long> hugo = new ArrayList<>();
        long hugoPeak = 0;
        for (int i = 0; i < runs; i++) {
            deleteTree(dir.resolve("hugo-out"));
            Timed t = time(List.of("hugo", "--quiet", "-s", dir.resolve("hugo").toString(), "-d",
                    dir.resolve("hugo-out").toAbsolutePath().toString()));
            hugo.add(t.millis);
            hugoPeak = Math.max(hugoPeak, t.peakKb);
        }
        Path puml = dir.resolve("puml");
        copyGeneratedDiagrams(output, puml);
        long diagrams;
        try (Stream<Path> files = Files.list(puml)) {
            diagrams = files.filter(p -> p.toString().endsWith(".puml")).count();
        }
        List<Long> cli = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (Stream<Path> svgs = Files.list(puml)) {
                for (Path svg : svgs.filter(p -> p.toString().endsWith(".svg")).toList()) Files.delete(svg);
            }
            cli.add(time(List.of("java", "-jar", plantuml.toString(), "-tsvg", "-nbthread", "auto",
                    puml.toString() + "/*.puml")).millis);
        }
        List<Long> edits = serveEdits(definitions, cache, Edit.TITLE);
        List<Long> stageEdits = serveEdits(definitions, cache, Edit.STAGE);

        deleteTree(cache);
        deleteTree(output);
        boolean fits = time(List.of("env", "PLAYBOOK_JAVA_OPTS=-Xmx512m", launcher.toString(), "build", "--source",
                definitions.toString(), "--output", output.toString(), "--cache", cache.toString(), "-q")).exit == 0;
        return new Row(size, (int) pages, (int) diagrams, median(cold), median(coldDiagrams), coldPeak, median(forced),
                forcedPeak, median(unchanged), median(hugo), hugoPeak, median(cli), edits, stageEdits, fits, outputBytes, indexBytes,
                inlinedTwice);
    }

    private static List<String> with(List<String> command, String option) {
        List<String> more = new ArrayList<>(command);
        more.add(option);
        return more;
    }

    /**
     * The time from saving a playbook to its changed page being served, for each of {@link #EDITS}
     * edits, the first right after the preview says it is serving: measured from outside, through HTTP.
     */
    private List<Long> serveEdits(Path definitions, Path cache, Edit edit) throws Exception {
        Process serve = new ProcessBuilder(launcher.toString(), "serve", "--source", definitions.toString(),
                "--cache", cache.toString(), "--port", "0").redirectErrorStream(true).start();
        try {
            int port = -1;
            var reader = serve.inputReader(StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            String line;
            while (port < 0 && System.nanoTime() < deadline && (line = reader.readLine()) != null) {
                Matcher m = SERVING.matcher(line);
                if (m.find()) port = Integer.parseInt(m.group(1));
            }
            if (port < 0) throw new IOException("serve did not start");
            Thread drain = new Thread(() -> {
                try {
                    while (reader.readLine() != null) {
                        // keep the pipe flowing so serve never blocks on its output
                    }
                } catch (IOException closed) {
                    // serve was stopped
                }
            });
            drain.setDaemon(true);
            drain.start();
            HttpClient http = HttpClient.newHttpClient();
            URI page = URI.create("http://127.0.0.1:" + port + "/playbook-1/" + edit.page);
            Path file = definitions.resolve("playbook-1.yaml");
            String original = Files.readString(file);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < EDITS; i++) {
                String marker = "Edited " + i + " " + System.nanoTime();
                long start = System.nanoTime();
                String edited = edit.apply(original, marker);
                if (edited.equals(original)) throw new IOException("nothing to edit in " + file);
                Files.writeString(file, edited);
                while (true) {
                    String body = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
                    if (body.contains(marker)) break;
                    if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(2)) throw new IOException("edit never served");
                    Thread.sleep(5);
                }
                times.add((System.nanoTime() - start) / 1_000_000);
                Thread.sleep(300);
            }
            Files.writeString(file, original);
            return times;
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private record Timed(long millis, long peakKb, int exit, String output) {
    }

    /** Runs a command under GNU time, for wall time and peak memory. */
    private static Timed time(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "BENCH %e %M"));
        if (command.get(command.size() - 1).endsWith("/*.puml")) {
            full.addAll(List.of("sh", "-c", String.join(" ", command)));
        } else {
            full.addAll(command);
        }
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        Matcher m = Pattern.compile("BENCH ([0-9.]+) ([0-9]+)").matcher(out);
        if (!m.find()) throw new IOException("no timing for " + command + ":\n" + out);
        if (exit != 0) System.err.println("exit " + exit + " from " + command + ":\n" + out);
        return new Timed(Math.round(Double.parseDouble(m.group(1)) * 1000), Long.parseLong(m.group(2)), exit, out);
    }

    private static long step(String output, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + " (\\d+) ms").matcher(output);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static void copyGeneratedDiagrams(Path site, Path into) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
                String name = site.relativize(f).toString().replace('/', '-');
                String source = Files.readString(f);
                // the same layout engine our build uses
                source = source.replaceFirst("@startuml\n", "@startuml\n!pragma layout smetana\n");
                Files.writeString(into.resolve(name), source);
            }
        }
    }

    private static final Pattern INLINE_DIAGRAM = Pattern.compile("<svg [^>]*aria-labelledby=\"([^\" ]+)");

    /** How many diagrams are drawn inline into more than one page of the site. */
    static int diagramsInlinedTwice(Path site) throws IOException {
        Map<String, Integer> pagesOf = new HashMap<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = INLINE_DIAGRAM.matcher(Files.readString(page, StandardCharsets.UTF_8));
                List<String> here = new ArrayList<>();
                while (m.find()) if (!here.contains(m.group(1))) here.add(m.group(1));
                for (String id : here) pagesOf.merge(id, 1, Integer::sum);
            }
        }
        return (int) pagesOf.values().stream().filter(n -> n > 1).count();
    }

    /** The search index: the list of parts and every playbook's part. */
    private static long searchIndexBytes(Path site) throws IOException {
        long bytes = Files.size(site.resolve("assets/search-index.js"));
        try (Stream<Path> files = Files.walk(site)) {
            for (Path part : files.filter(p -> p.getFileName().toString().equals("search.js")).toList()) bytes += Files.size(part);
        }
        return bytes;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long sizeBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // the report

    /** A target of the issue: what it asks, what was measured, whether it was met, and what stands in the way if not. */
    record Target(String wanted, String measured, boolean met, String whyMissed) {
    }

    static List<Target> targets(List<Row> rows, long examples) {
        List<Target> targets = new ArrayList<>();
        Function<Integer, Row> at = size -> rows.stream().filter(r -> r.playbooks == size).findFirst().orElse(null);
        Row ten = at.apply(10);
        Row hundred = at.apply(100);
        Row thousand = at.apply(1000);
        String pagesWhy = "every page goes through FreeMarker, a template interpreter on the JVM, and is encoded to "
                + "UTF-8 (half the processor time at 1,000), every cached diagram is read back and checked (length, CRC-32C "
                + "and a safety scan that parses it: a tenth), the definitions are parsed with line and column kept for "
                + "every value (a tenth), and each onboarding pack is found by a SHA-256 of what it is made of (under a "
                + "tenth: the quick compiler, which is faster here overall, has no intrinsic for SHA-256). Hugo's compiled "
                + "Go templates do far less per page, and Hugo makes no PDF";
        if (thousand != null) {
            targets.add(new Target("Full forced build at 1,000 ≤ 1.0 × Hugo", ratio(thousand.forcedRatio()),
                    thousand.forcedRatio() <= 1.0, pagesWhy));
        }
        if (hundred != null) {
            targets.add(new Target("Full forced build at 100 ≤ 1.5 × Hugo", ratio(hundred.forcedRatio()),
                    hundred.forcedRatio() <= 1.5, pagesWhy + "; at 100 the JVM's start and the code's first runs, before it is compiled, are most of it: "
                    + "`bin/playbook --version` alone takes 0.45 to 0.85 s on these machines, most or all of the 0.6 to 0.9 s "
                    + "that 1.5 × Hugo's time allows, before a file is read"));
        }
        if (ten != null) {
            targets.add(new Target("Full forced build at 10: reported", ratio(ten.forcedRatio()) + " ("
                    + seconds(ten.forced) + " against " + seconds(ten.hugo) + ")", true, ""));
        }
        if (thousand != null) {
            targets.add(new Target("Peak RSS at 1,000 ≤ Hugo's", String.format(Locale.ROOT, "%,d MB against %,d MB",
                    thousand.forcedPeakKb / 1024, thousand.hugoPeakKb / 1024), thousand.forcedPeakKb <= thousand.hugoPeakKb,
                    "the pages of a chunk of playbooks and their diagrams are held until written"));
        }
        int twice = rows.stream().mapToInt(r -> r.inlinedTwice).sum();
        targets.add(new Target("No diagram inlined twice; bytes per playbook reported", twice + " inlined twice; "
                + rows.stream().map(r -> String.format(Locale.ROOT, "%,d KB per playbook at %,d", r.outputBytes / r.playbooks / 1024,
                r.playbooks)).reduce((a, b) -> a + ", " + b).orElse(""), twice == 0, "a template inlines a diagram that another page has"));
        boolean diagramsMet = rows.stream().allMatch(r -> r.diagramsRatio() <= 1.0);
        targets.add(new Target("Cold build's diagram phase ≤ PlantUML's CLI at every size", rows.stream()
                .map(r -> ratio(r.diagramsRatio()) + " at " + String.format(Locale.ROOT, "%,d", r.playbooks))
                .reduce((a, b) -> a + ", " + b).orElse(""), diagramsMet,
                "besides drawing, each diagram is cleaned for the page (parsed and written again) and cached with a "
                        + "checksum, and the cold build draws the PDF packs in the same process (see its peak memory below): the "
                        + "collector's pauses, on one thread, are about a fifth of a cold build with packs, and they stop the "
                        + "drawing too; the ratio moves by a third from one run to the next on this shared machine"));
        if (thousand != null) {
            targets.add(new Target("serve at 1,000: median of " + EDITS + " edits ≤ 300 ms, none over 600 ms",
                    edits(thousand), thousand.editsWithin(300, 600),
                    "a renamed stage's two diagrams are drawn again by PlantUML, and the home page lists every playbook"));
        }
        if (ten != null) {
            targets.add(new Target("serve at 10: ≤ 100 ms", edits(ten), ten.editsWithin(100, Long.MAX_VALUE),
                    "a renamed stage is in the flowchart and the swimlanes, which PlantUML draws again, in parallel; "
                    + "the swimlanes take 30–38 ms alone and 55–100 ms "
                    + "beside the pages on two cores (PlantUML draws the whole diagram over several times to work out its "
                    + "size and what space it can remove), then 5–12 ms to clean, and the flowchart page waits for them; "
                    + "before that the watcher settles for 5 ms and reads the file for 5–6 ms; the first edits after "
                    + "start-up are the slowest, while the code is still being compiled"));
        }
        for (Row r : Arrays.asList(hundred, thousand)) {
            if (r == null) continue;
            targets.add(new Target(String.format(Locale.ROOT, "Rebuild with nothing changed at %,d ≤ 10 %% of cold", r.playbooks),
                    String.format(Locale.ROOT, "%.1f %% (%s against %s)", 100 * r.unchangedShare(), seconds(r.unchanged),
                            seconds(r.cold)), r.unchangedShare() <= 0.10, "start-up and the check of every input"));
        }
        targets.add(new Target("The bundled examples, cold, with bin/playbook ≤ 1.0 s", seconds(examples), examples <= 1000,
                "the four onboarding packs: the PDF libraries' loading and warm-up alone take about 2.5 s of processor "
                        + "time (with `pdf: false` the same build takes 1.7 to 2.6 s); and a fresh JVM compiles the code it "
                        + "runs as it goes, so PlantUML's first diagrams are drawn by code not yet compiled"));
        return targets;
    }

    /** The medians and slowest of both kinds of edit. */
    private static String edits(Row r) {
        return "the title: median " + r.editMedian() + " ms, slowest " + r.editMax() + " ms (first " + r.edits.get(0)
                + " ms); a stage renamed: median " + r.stageEditMedian() + " ms, slowest " + r.stageEditMax() + " ms (first "
                + r.stageEdits.get(0) + " ms)";
    }

    private static String report(List<Row> rows, long examples, int runs, int coldRuns, String loadBefore, String loadAfter)
            throws IOException {
        String cpu = "unknown";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.exists(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        StringBuilder t = new StringBuilder("# Benchmark results\n\n");
        t.append("Measured ").append(LocalDate.now()).append(" with `bench/run` on: ").append(cpu).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(System.getProperty("os.name"))
                .append("; load average ").append(loadBefore).append(" at the start, ").append(loadAfter)
                .append(" at the end (the machine is shared). Each time is the median of ").append(runs)
                .append(" runs of a fresh process").append(coldRuns == runs ? "" : " (of " + coldRuns + " for a cold build)")
                .append(" (wall clock, GNU time); Playbook runs through `bin/playbook`.\n\n");

        t.append("## Full build against Hugo\n\n");
        t.append("`build --force` with every diagram in the cache (every page drawn) against `hugo` building the same pages "
                + "from Markdown; peak memory is the largest resident set of those runs.\n\n");
        t.append("| playbooks | ours | Hugo | ratio | peak memory ours / Hugo |\n|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT, "| %,d | %s | %s | %.2f | %,d MB / %,d MB |%n", r.playbooks,
                    seconds(r.forced), seconds(r.hugo), r.forcedRatio(), r.forcedPeakKb / 1024, r.hugoPeakKb / 1024));
        }

        t.append("\n## Targets\n\n| target | measured | met | what stands in the way |\n|---|---|:---:|---|\n");
        for (Target target : targets(rows, examples)) {
            t.append("| ").append(target.wanted).append(" | ").append(target.measured).append(" | ")
                    .append(target.met ? "met" : "**missed**").append(" | ").append(target.met ? "" : target.whyMissed)
                    .append(" |\n");
        }

        t.append("\n## Every measurement\n\n");
        t.append("| playbooks | pages | diagrams | cold build | of which diagrams | PlantUML CLI | diagrams ratio "
                + "| forced build | Hugo | ratio | rebuild, nothing changed | rebuild / cold | serve, title edited: median | slowest "
                + "| serve, stage renamed: median | slowest "
                + "| peak memory cold / forced / Hugo | within -Xmx512m | output | per playbook | search index | diagrams inlined twice |\n");
        t.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT,
                    "| %,d | %,d | %,d | %s | %s | %s | %.2f | %s | %s | %.2f | %s | %.2f | %,d ms | %,d ms | %,d ms | %,d ms "
                            + "| %,d / %,d / %,d MB "
                            + "| %s | %,.1f MB | %,d KB | %,d KB | %d |%n",
                    r.playbooks, r.pages, r.diagrams, seconds(r.cold), seconds(r.coldDiagrams), seconds(r.plantumlCli),
                    r.diagramsRatio(), seconds(r.forced), seconds(r.hugo), r.forcedRatio(), seconds(r.unchanged),
                    r.unchangedShare(), r.editMedian(), r.editMax(), r.stageEditMedian(), r.stageEditMax(), r.coldPeakKb / 1024, r.forcedPeakKb / 1024,
                    r.hugoPeakKb / 1024, r.fitsIn512m ? "yes" : "no", r.outputBytes / 1024.0 / 1024.0,
                    r.outputBytes / r.playbooks / 1024, r.indexBytes / 1024, r.inlinedTwice));
        }
        t.append("\nThe bundled examples (`process-definitions/`), cold (empty diagram cache) with `bin/playbook`: ")
                .append(seconds(examples)).append(".\n\n");
        t.append("- *cold build*: fresh JVM, empty diagram cache; *of which diagrams*: the part spent drawing them "
                + "(`-v`'s `render.diagrams`).\n"
                + "- *PlantUML CLI*: `java -jar plantuml-mit.jar -tsvg -nbthread auto` on the same diagram sources "
                + "(the generated flowcharts and swimlanes, and the ```plantuml blocks), smetana layout as ours.\n"
                + "- *forced build*: fresh JVM, every diagram in the cache, every page drawn (`--force`), the previous site "
                + "in the output folder; *Hugo*: `hugo` building the same pages (same count, same text) from Markdown, "
                + "without diagrams, into an empty folder.\n"
                + "- *rebuild, nothing changed*: fresh JVM, the site already up to date (definitions checked, nothing drawn).\n"
                + "- *serve*: " + EDITS + " edits of one playbook's title while `serve` runs, each timed from outside "
                + "(through HTTP) from saving the file to its overview being served with the new title; then, in a new "
                + "`serve`, " + EDITS + " renamings of its first stage, each timed to its flowchart page (flowchart and "
                + "swimlanes drawn again) being served with the new name. The title is in no diagram, so its edits draw "
                + "none. In each, the first edit follows right after the preview says it is serving.\n"
                + "- *output*: every file of the site; *search index*: the list of parts and every playbook's part.\n"
                + "- *ratios*: ours divided by the peer's; at most 1.0 means we are at least as fast.\n");
        return t.toString();
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f ×", value);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
