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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures Playbook against its peers on the same work, in one run on one machine: Hugo building
 * the same pages from Markdown, and PlantUML's own command line drawing the same diagrams.
 * Every number is the median of several runs of a fresh process. Run it with {@code bench/run}.
 *
 * <p>Arguments: {@code --plantuml PATH [--sizes 10,100,1000] [--runs 3] [--work DIR] [--results FILE]};
 * Playbook runs through {@code bin/playbook}, the launcher the README uses, on {@code target/playbook.jar}.
 */
public final class Benchmark {
    private static final Pattern SERVING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    /** The launcher the README uses (JVM options for a short-lived tool), run against {@link #jar}. */
    private final Path launcher = Path.of("bin/playbook");
    private final Path plantuml;
    private final Path work;
    private final int runs;

    private Benchmark(Path plantuml, Path work, int runs) {
        this.plantuml = plantuml;
        this.work = work;
        this.runs = runs;
    }

    /** One size's numbers; times in milliseconds, memory in kilobytes. */
    record Row(int playbooks, int pages, int diagrams, long cold, long coldDiagrams, long warm, long unchanged, long hugo,
               long plantumlCli, long serveEdit, long peakKb, boolean fitsIn512m, long outputKb, long indexKb) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) options.put(args[i], args[i + 1]);
        Path plantuml = Path.of(require(options, "--plantuml"));
        int runs = Integer.parseInt(options.getOrDefault("--runs", "3"));
        Path work = Path.of(options.getOrDefault("--work", "target/bench"));
        int[] sizes = Arrays.stream(options.getOrDefault("--sizes", "10,100,1000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Benchmark bench = new Benchmark(plantuml, work, runs);
        bench.prepareLauncher();
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            System.err.println("== " + size + " playbooks");
            rows.add(bench.measure(size));
        }
        String table = table(rows);
        System.out.println(table);
        Path results = Path.of(options.getOrDefault("--results", "bench/RESULTS.md"));
        Files.writeString(results, report(rows, table, runs) + startupSection(results), StandardCharsets.UTF_8);
        System.err.println("written to " + results);
    }

    /** The section bench/startup writes into the same file, kept as it is. */
    private static String startupSection(Path results) throws IOException {
        String old = Files.exists(results) ? Files.readString(results, StandardCharsets.UTF_8) : "";
        int at = old.indexOf("<!-- bench/startup -->");
        return at < 0 ? "" : "\n" + old.substring(at);
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) throw new IllegalArgumentException("missing " + key);
        return value;
    }

    /** The launcher makes its class-data archive on its first run; that run is not measured. */
    private void prepareLauncher() throws Exception {
        Path dir = work.resolve("warm-up");
        deleteTree(dir);
        time(List.of(launcher.toString(), "build", "--output", dir.resolve("site").toString(), "--no-cache", "-q"));
    }

    private Row measure(int size) throws Exception {
        Path dir = work.resolve("site-" + size);
        deleteTree(dir);
        SyntheticSite.write(size, dir);
        Path definitions = dir.resolve("process-definitions");
        Path output = dir.resolve("out");
        Path cache = dir.resolve("cache");

        List<Long> cold = new ArrayList<>();
        List<Long> coldDiagrams = new ArrayList<>();
        long peak = 0;
        for (int i = 0; i < runs; i++) {
            deleteTree(cache);
            deleteTree(output);
            Timed t = time(List.of(launcher.toString(), "build", "--source", definitions.toString(),
                    "--output", output.toString(), "--cache", cache.toString(), "-q", "-v"));
            cold.add(t.millis);
            coldDiagrams.add(step(t.output, "render.diagrams"));
            peak = Math.max(peak, t.peakKb);
        }
        // every diagram cached, every page drawn: the work Hugo does
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            warm.add(time(List.of(launcher.toString(), "build", "--source", definitions.toString(),
                    "--output", output.toString(), "--cache", cache.toString(), "-q", "--force")).millis);
        }
        // nothing changed since the last build
        List<Long> unchanged = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            unchanged.add(time(List.of(launcher.toString(), "build", "--source", definitions.toString(),
                    "--output", output.toString(), "--cache", cache.toString(), "-q")).millis);
        }
        deleteTree(cache);
        deleteTree(output);
        boolean fits = time(List.of("env", "PLAYBOOK_JAVA_OPTS=-Xmx512m", launcher.toString(), "build", "--source",
                definitions.toString(), "--output", output.toString(), "--cache", cache.toString(), "-q")).exit == 0;

        // the peers, on the same work
        List<Long> hugo = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            deleteTree(dir.resolve("hugo-out"));
            hugo.add(time(List.of("hugo", "--quiet", "-s", dir.resolve("hugo").toString(), "-d",
                    dir.resolve("hugo-out").toString())).millis);
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
        long serveEdit = serveEdit(definitions, cache);
        long pages;
        try (Stream<Path> files = Files.walk(output)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).count();
        }
        return new Row(size, (int) pages, (int) diagrams, median(cold), median(coldDiagrams), median(warm),
                median(unchanged), median(hugo),
                median(cli), serveEdit, peak, fits, sizeKb(output), Files.size(output.resolve("assets/search-index.js")) / 1024);
    }

    /** The time from saving a playbook to the rebuilt page being served, median of several edits. */
    private long serveEdit(Path definitions, Path cache) throws Exception {
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
            URI page = URI.create("http://127.0.0.1:" + port + "/playbook-1/index.html");
            Path file = definitions.resolve("playbook-1.yaml");
            String original = Files.readString(file);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < Math.max(3, runs); i++) {
                String marker = "Edited " + i + " " + System.nanoTime();
                long start = System.nanoTime();
                Files.writeString(file, original.replaceFirst("title: .*", "title: " + marker));
                while (true) {
                    String body = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
                    if (body.contains(marker)) break;
                    if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(2)) throw new IOException("edit never served");
                    Thread.sleep(2);
                }
                times.add((System.nanoTime() - start) / 1_000_000);
                Thread.sleep(300);
            }
            Files.writeString(file, original);
            return median(times);
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

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long sizeKb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1024;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static String table(List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| playbooks | pages | diagrams | cold build | of which diagrams | PlantUML CLI | diagrams ratio "
                + "| build, diagrams cached | Hugo | pages ratio | rebuild, nothing changed | rebuild / cold | serve edit "
                + "| peak memory | within -Xmx512m | output | search index | cold ms per playbook |\n");
        t.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|\n");
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT,
                    "| %,d | %,d | %,d | %s | %s | %s | %.2f | %s | %s | %.2f | %s | %.2f | %,d ms | %,d MB | %s | %,d MB | %,d KB | %.1f |%n",
                    r.playbooks, r.pages, r.diagrams, seconds(r.cold), seconds(r.coldDiagrams), seconds(r.plantumlCli),
                    (double) r.coldDiagrams / r.plantumlCli, seconds(r.warm), seconds(r.hugo), (double) r.warm / r.hugo,
                    seconds(r.unchanged), (double) r.unchanged / r.cold, r.serveEdit, r.peakKb / 1024, r.fitsIn512m ? "yes" : "no",
                    r.outputKb / 1024, r.indexKb, (double) r.cold / r.playbooks));
        }
        return t.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    private static String report(List<Row> rows, String table, int runs) throws IOException {
        String cpu = "unknown";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.exists(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        return "# Benchmark results\n\n"
                + "Measured " + LocalDate.now() + " with `bench/run` on: " + cpu + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", " + System.getProperty("os.name") + ". Each time is the median of " + runs
                + " runs of a fresh process (wall clock, GNU time).\n\n"
                + table + "\n"
                + "- *cold build*: fresh JVM, empty diagram cache; *of which diagrams*: the part spent drawing them.\n"
                + "- *PlantUML CLI*: `java -jar plantuml-mit.jar -tsvg -nbthread auto` on the same diagram sources "
                + "(the generated flowcharts and swimlanes, and the ```plantuml blocks), smetana layout as ours.\n"
                + "- *build, diagrams cached*: fresh JVM, every diagram in the cache, every page drawn (`--force`); "
                + "*Hugo*: `hugo` building the same pages (same count, same text) from Markdown, without diagrams.\n"
                + "- *rebuild, nothing changed*: fresh JVM, the site already up to date (definitions checked, nothing drawn).\n"
                + "- *serve edit*: inside `serve`, from saving one playbook to its rebuilt page being served.\n"
                + "- *ratios*: ours divided by the peer's; at most 1.0 means we are at least as fast.\n";
    }
}
