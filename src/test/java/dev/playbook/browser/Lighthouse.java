package dev.playbook.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Google's Lighthouse, from npm, run by {@code src/test/lighthouse/run.mjs} on Node.js against
 * Debian's Chromium: every page of a list in one browser, with Lighthouse's default mobile
 * emulation, its CPU slowdown calibrated to the host as Lighthouse's throttling guide says (the
 * default 4x on a host as fast as Lighthouse assumes, less on a slower or busier one). The version is the one {@code src/test/lighthouse/package.json} pins, installed into
 * {@code target/lighthouse} (or the folder {@code PLAYBOOK_LIGHTHOUSE} names) by {@code .ci/run}.
 *
 * <p>Where Node.js or that install is missing, the test skips, except in CI ({@code CI=true}),
 * where that is a failure.
 */
final class Lighthouse {
    static final Path SOURCE = Path.of("src/test/lighthouse");
    static final Path HOME = Path.of(System.getenv().getOrDefault("PLAYBOOK_LIGHTHOUSE", "target/lighthouse"));
    static final String INSTALL = "mkdir -p target/lighthouse && cp src/test/lighthouse/package.json target/lighthouse/"
            + " && npm install --prefix target/lighthouse --no-package-lock --no-audit --no-fund";
    /** Ample for some thirty pages on a busy two-core machine; a hung browser must not hold up the build forever. */
    private static final long TIMEOUT_MINUTES = 30;

    /** One page to measure, in one colour scheme; {@code ticks} boxes of a checklist are ticked before the measured load. */
    record Page(String name, String url, String scheme, int ticks) {
    }

    /** What Lighthouse found on one page. */
    record Result(String name, String url, String scheme, String schemeSeen, Map<String, Integer> scores,
                  List<String> failing, List<String> layoutShifts, List<String> console, List<String> offsite,
                  int attempts, List<String> runs, int benchmarkIndex, double slowdown, int ticked) {
    }

    private Lighthouse() {
    }

    /** Skips the test where Lighthouse cannot run here, or fails it in CI. */
    static void requireInstalled() {
        String missing = missing();
        if (missing == null) return;
        if ("true".equals(System.getenv("CI"))) fail("CI=true but " + missing);
        Assumptions.abort(missing);
    }

    private static String missing() {
        if (!Files.isExecutable(Browser.CHROMIUM)) {
            return "Lighthouse needs Chromium (" + Browser.CHROMIUM + "); install it with `apt-get install chromium`";
        }
        if (nodeVersion() == null) return "Lighthouse needs Node.js (`node` on the PATH)";
        String wanted = pinnedVersion();
        String installed = installedVersion();
        if (installed == null || !installed.equals(wanted)) {
            return "Lighthouse " + wanted + " is not installed in " + HOME + (installed == null ? "" : " (found " + installed + ")")
                    + "; install it with `" + INSTALL + "` (.ci/run does this)";
        }
        return null;
    }

    /**
     * Measures every page and gives its result, in the order of the pages. Prints a line per page
     * as it goes, so a long run shows where it is.
     *
     * @param work a folder of the test's own for the job, the browser's profile and its temporary files
     */
    static List<Result> measure(List<Page> pages, int attempts, Path work) throws IOException, InterruptedException {
        Path script = HOME.resolve("run.mjs");
        // beside node_modules, so the script's imports find Lighthouse
        Files.copy(SOURCE.resolve("run.mjs"), script, StandardCopyOption.REPLACE_EXISTING);
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path out = work.resolve("results.json");
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("chrome", Browser.CHROMIUM.toAbsolutePath().toString());
        job.put("profile", work.resolve("chromium-profile").toAbsolutePath().toString());
        job.put("attempts", attempts);
        job.put("out", out.toAbsolutePath().toString());
        job.put("pages", pages);
        Path jobFile = work.resolve("job.json");
        ObjectMapper json = new ObjectMapper();
        json.writeValue(jobFile.toFile(), job);

        ProcessBuilder builder = new ProcessBuilder("node", script.toAbsolutePath().toString(), jobFile.toAbsolutePath().toString())
                .redirectErrorStream(true);
        builder.environment().put("CHROME_PATH", Browser.CHROMIUM.toAbsolutePath().toString());
        // the browser's and Lighthouse's temporary files stay in the test's folder
        builder.environment().put("TMPDIR", tmp.toAbsolutePath().toString());
        Process node = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                System.out.println("lighthouse: " + line);
                output.add(line);
            }
        }
        if (!node.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            fail("Lighthouse did not finish in " + TIMEOUT_MINUTES + " minutes");
        }
        if (node.exitValue() != 0 || !Files.isRegularFile(out)) {
            fail("Lighthouse failed (exit " + node.exitValue() + "):\n" + String.join("\n", output));
        }
        List<Result> results = new ArrayList<>();
        for (JsonNode r : json.readTree(out.toFile())) results.add(result(r));
        return results;
    }

    private static Result result(JsonNode r) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        r.get("scores").fields().forEachRemaining(e -> scores.put(e.getKey(), e.getValue().asInt()));
        List<String> failing = new ArrayList<>();
        for (JsonNode a : r.get("failing")) {
            StringBuilder line = new StringBuilder(a.get("category").asText() + " / " + a.get("id").asText() + ": "
                    + a.get("title").asText() + " (score " + a.get("score").asText()
                    + (a.get("value").asText().isEmpty() ? "" : ", " + a.get("value").asText()) + ")");
            for (JsonNode item : a.get("items")) line.append("\n      ").append(item.asText());
            failing.add(line.toString());
        }
        return new Result(r.get("name").asText(), r.get("url").asText(), r.get("scheme").asText(),
                r.get("schemeSeen").asText(), scores, failing, texts(r.get("layoutShifts")), texts(r.get("console")),
                texts(r.get("offsite")), r.get("attempts").asInt(), texts(r.get("runs")),
                r.get("benchmarkIndex").asInt(),
                r.get("slowdown").asDouble(), r.get("ticked").asInt());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static String pinnedVersion() {
        try {
            return new ObjectMapper().readTree(SOURCE.resolve("package.json").toFile()).at("/dependencies/lighthouse").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String installedVersion() {
        Path manifest = HOME.resolve("node_modules/lighthouse/package.json");
        if (!Files.isRegularFile(manifest)) return null;
        try {
            return new ObjectMapper().readTree(manifest.toFile()).path("version").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String nodeVersion() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0 ? version : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
