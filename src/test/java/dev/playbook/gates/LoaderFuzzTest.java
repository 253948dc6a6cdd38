package dev.playbook.gates;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.LoadedDefinitions;
import dev.playbook.load.Loader;
import dev.playbook.model.Site;
import dev.playbook.resolve.Resolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property-based robustness of the first two steps: the bundled example files, mutated at random
 * (a line deleted, duplicated or swapped, a value replaced, random bytes or characters inserted,
 * the file cut short), are loaded and resolved beside the unchanged others. For every mutation the
 * loader and resolver must return a result rather than throw or hang, and every diagnostic must
 * point at a real place: line and column from 1, inside the file it names.
 *
 * <p>Each property runs {@value #DEFAULT_TRIES} tries from a fixed seed, so a run is repeatable; a
 * failure names the seed of its try and shows the mutated input, reduced to the fewest lines that
 * still fail. {@code -Dplaybook.fuzz.seed=N} and {@code -Dplaybook.fuzz.tries=N} explore further.
 * (A small harness of its own rather than a property-testing library: the mutations are specific
 * to text files, and every try is reproducible from its seed alone.)
 */
class LoaderFuzzTest {
    static final Path EXAMPLES = Path.of("process-definitions");
    static final String SHOWN = "definitions";
    static final int DEFAULT_TRIES = 200;
    static final long SEED = Long.getLong("playbook.fuzz.seed", 0x5EED_2026L);
    static final int TRIES = Integer.getInteger("playbook.fuzz.tries", DEFAULT_TRIES);
    /** One load and resolve of a few small files takes milliseconds; this bound only catches hangs. */
    static final long TRY_LIMIT_SECONDS = 10;
    static final int MAX_REPORTED = 5;

    @TempDir
    static Path temp;

    static Path folder;
    static Map<String, byte[]> originals = new LinkedHashMap<>();
    static ExecutorService worker;

    @BeforeAll
    static void copyTheExamples() throws IOException {
        folder = temp.resolve("definitions");
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                originals.put(file.getFileName().toString(), bytes);
                Files.write(folder.resolve(file.getFileName()), bytes);
            }
        }
        assertFalse(originals.isEmpty(), "no example files in " + EXAMPLES);
        // the unmutated examples are the baseline: they load without errors
        Result baseline = loadAndResolve();
        if (baseline.thrown != null || baseline.diagnostics.hasErrors()) {
            fail("the bundled examples do not load cleanly, so mutations of them prove nothing:\n" + baseline);
        }
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "loader-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        if (worker != null) worker.shutdownNow();
    }

    // =============================================================================================
    // the properties: one mutation each, and all of them mixed

    @TestFactory
    Stream<DynamicTest> mutatedExamplesLoadWithoutThrowingAndDiagnosticsPointIntoTheFile() {
        Map<String, Mutation> properties = new LinkedHashMap<>();
        properties.put("delete a line", LoaderFuzzTest::deleteLine);
        properties.put("duplicate a line", LoaderFuzzTest::duplicateLine);
        properties.put("swap two lines", LoaderFuzzTest::swapLines);
        properties.put("replace a scalar", LoaderFuzzTest::replaceScalar);
        properties.put("insert random characters", LoaderFuzzTest::insertCharacters);
        properties.put("insert random bytes", LoaderFuzzTest::insertBytes);
        properties.put("truncate", LoaderFuzzTest::truncate);
        properties.put("several mutations at once", LoaderFuzzTest::several);
        List<DynamicTest> tests = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Mutation> property : properties.entrySet()) {
            long propertySeed = SEED * 31 + index++;
            tests.add(DynamicTest.dynamicTest(property.getKey(), () -> check(property.getKey(), property.getValue(), propertySeed)));
        }
        return tests.stream();
    }

    private static void check(String property, Mutation mutation, long propertySeed) throws Exception {
        List<String> failures = new ArrayList<>();
        Random seeds = new Random(propertySeed);
        List<String> names = new ArrayList<>(originals.keySet());
        for (int i = 0; i < TRIES && failures.size() < MAX_REPORTED; i++) {
            long seed = seeds.nextLong();
            Random random = new Random(seed);
            String target = names.get(random.nextInt(names.size()));
            Mutated mutated = mutation.apply(originals.get(target), random);
            String problem = tryOnce(target, mutated.bytes);
            if (problem != null) {
                byte[] reduced = reduce(target, mutated.bytes);
                failures.add("try " + i + " (seed " + seed + "L), " + target + ", " + mutated.description + ":\n  " + problem
                        + "\n  the input, reduced to the lines that still fail (" + tryOnce(target, reduced) + "):\n"
                        + indent(new String(reduced, StandardCharsets.UTF_8)));
            }
        }
        if (!failures.isEmpty()) {
            fail(property + ": " + failures.size() + " failing mutation(s) (property seed " + propertySeed + "L):\n\n"
                    + String.join("\n\n", failures));
        }
    }

    /** Loads and resolves the folder with {@code target} replaced by {@code bytes}; null if all is well, else what is wrong. */
    private static String tryOnce(String target, byte[] bytes) throws IOException, InterruptedException {
        Path file = folder.resolve(target);
        Files.write(file, bytes);
        try {
            Future<Result> future = worker.submit(LoaderFuzzTest::loadAndResolve);
            Result result;
            try {
                result = future.get(TRY_LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                // the hung thread cannot be stopped; give the next tries a fresh one
                worker.shutdownNow();
                worker = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "loader-fuzz");
                    t.setDaemon(true);
                    return t;
                });
                return "loading and resolving did not end within " + TRY_LIMIT_SECONDS + " s (a hang)";
            } catch (ExecutionException e) {
                return "threw " + stackTrace(e.getCause());
            }
            if (result.thrown != null) return "threw " + stackTrace(result.thrown);
            if (result.site == null) return "returned no result (null site)";
            return placeProblems(target, bytes, result.diagnostics);
        } finally {
            Files.write(file, originals.get(target));
        }
    }

    /** Every diagnostic names a file of the folder, a line from 1 within it and a column from 1 within that line. */
    private static String placeProblems(String target, byte[] mutated, Diagnostics diagnostics) {
        List<String> problems = new ArrayList<>();
        for (Diagnostic d : diagnostics.sorted()) {
            String file = d.at().file();
            String name = file.startsWith(SHOWN + "/") ? file.substring(SHOWN.length() + 1) : null;
            if (d.at().line() < 1 || d.at().column() < 1) {
                problems.add("a diagnostic at line " + d.at().line() + ", column " + d.at().column() + ": " + d);
                continue;
            }
            if (name == null || !originals.containsKey(name)) {
                problems.add("a diagnostic names a file that is not in the folder: " + d);
                continue;
            }
            byte[] bytes = name.equals(target) ? mutated : originals.get(name);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1);
            if (d.at().line() > lines.length) {
                problems.add("a diagnostic on line " + d.at().line() + " of a file of " + lines.length + " lines: " + d);
                continue;
            }
            String line = lines[d.at().line() - 1];
            int width = line.codePointCount(0, line.length());
            if (d.at().column() > width + 1) {
                problems.add("a diagnostic at column " + d.at().column() + " of a line of " + width + " characters: " + d
                        + "\n    the line: " + abbreviate(line));
            }
        }
        return problems.isEmpty() ? null : String.join("\n  ", problems);
    }

    /**
     * Drops lines of a failing input for as long as it keeps failing, first in large chunks, then
     * line by line, so the report shows what matters.
     */
    private static byte[] reduce(String target, byte[] failing) throws IOException, InterruptedException {
        List<byte[]> lines = splitLines(failing);
        int budget = 400;
        int chunk = Math.max(1, lines.size() / 2);
        while (budget > 0) {
            boolean removed = false;
            for (int start = lines.size() - chunk; start >= 0 && budget > 0; start -= chunk) {
                List<byte[]> shorter = new ArrayList<>(lines.subList(0, start));
                shorter.addAll(lines.subList(start + chunk, lines.size()));
                budget--;
                if (!shorter.isEmpty() && tryOnce(target, join(shorter)) != null) {
                    lines = shorter;
                    removed = true;
                }
            }
            if (!removed) {
                if (chunk == 1) break;
                chunk = Math.max(1, chunk / 2);
            } else {
                chunk = Math.min(chunk, Math.max(1, lines.size() / 2));
            }
        }
        return join(lines);
    }

    // =============================================================================================
    // loading

    record Result(Site site, Diagnostics diagnostics, Throwable thrown) {
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            if (thrown != null) out.append("threw ").append(stackTrace(thrown));
            diagnostics.sorted().forEach(d -> out.append(d).append('\n'));
            return out.toString();
        }
    }

    static Result loadAndResolve() {
        Diagnostics diagnostics = new Diagnostics();
        try {
            LoadedDefinitions loaded = new Loader().load(folder, SHOWN, diagnostics);
            Site site = new Resolver().resolve(loaded, diagnostics);
            return new Result(site, diagnostics, null);
        } catch (Throwable t) {
            return new Result(null, diagnostics, t);
        }
    }

    // =============================================================================================
    // mutations

    record Mutated(byte[] bytes, String description) {
    }

    interface Mutation extends BiFunction<byte[], Random, Mutated> {
    }

    static Mutated deleteLine(byte[] original, Random random) {
        List<byte[]> lines = splitLines(original);
        int i = random.nextInt(lines.size());
        String removed = text(lines.get(i));
        lines.remove(i);
        return new Mutated(join(lines), "line " + (i + 1) + " deleted (`" + abbreviate(removed.strip()) + "`)");
    }

    static Mutated duplicateLine(byte[] original, Random random) {
        List<byte[]> lines = splitLines(original);
        int i = random.nextInt(lines.size());
        lines.add(i, lines.get(i));
        return new Mutated(join(lines), "line " + (i + 1) + " duplicated (`" + abbreviate(text(lines.get(i)).strip()) + "`)");
    }

    static Mutated swapLines(byte[] original, Random random) {
        List<byte[]> lines = splitLines(original);
        int i = random.nextInt(lines.size());
        // mostly neighbours, which keeps the YAML plausible; sometimes anywhere
        int j = random.nextBoolean() ? Math.min(lines.size() - 1, i + 1) : random.nextInt(lines.size());
        byte[] a = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, a);
        return new Mutated(join(lines), "lines " + (i + 1) + " and " + (j + 1) + " swapped");
    }

    /** Values that mean something else to YAML or to the format: types, ids, references, markup, limits. */
    static final List<String> SCALARS = List.of("", "~", "null", "[]", "{}", "[x, y]", "{a: b}", "0", "-1", "101",
            "1e400", "0x1F", "3.5", "true", "no", "\"\"", "''", "'", "\"", "&anchor", "*anchor", "*undefined", "&a x",
            "!!binary aGVsbG8=", "!!str 5", "!!int x", "!!java.lang.Object {}", "!custom x", "{a: [b", "[", "]", "|", ">", "- x",
            "? x", "@x", "`x`", "%x", "#", ": x", "a: b: c", "x # comment", "\"\\u0000\"", "\"\\uD800\"", "\"\\x00\"",
            "\"\\t\"", "Łódź – zażółć", "\u202Eevil", "\uFEFFx", "\u2028", "emoji \uD83D\uDE80", "x".repeat(5000),
            "../x", "a/b", "won", "lost", "open", "activity", "qualification", "winback", "b2b-complex", "transactional",
            "7d", "0d", "2w", "-3d", "99999999999w", "en", "pl", "de", "javascript:alert(1)", "https://", "<script>x</script>",
            "${7*7}", "```plantuml\\nstart\\n```", "<<: *x", "{append: [x]}", "{append: x}", "{append: []}");

    static final Pattern KEY_VALUE = Pattern.compile("^(\\s*(?:-\\s+)?[A-Za-z_][\\w-]*:\\s+)(\\S.*)$");
    static final Pattern ITEM = Pattern.compile("^(\\s*-\\s+)(\\S.*)$");

    static Mutated replaceScalar(byte[] original, Random random) {
        List<byte[]> lines = splitLines(original);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = withoutEnding(text(lines.get(i)));
            if (KEY_VALUE.matcher(line).matches() || ITEM.matcher(line).matches()) candidates.add(i);
        }
        if (candidates.isEmpty()) return insertCharacters(original, random);
        int i = candidates.get(random.nextInt(candidates.size()));
        String full = text(lines.get(i));
        String line = withoutEnding(full);
        Matcher m = KEY_VALUE.matcher(line);
        if (!m.matches()) {
            m = ITEM.matcher(line);
            m.matches();
        }
        String value = SCALARS.get(random.nextInt(SCALARS.size()));
        String ending = full.substring(line.length());
        String prefix = m.group(1);
        lines.set(i, (prefix + value + ending).getBytes(StandardCharsets.UTF_8));
        return new Mutated(join(lines), "line " + (i + 1) + " `" + abbreviate(line.strip()) + "` now `"
                + abbreviate((prefix + value).strip()) + "`");
    }

    /** Characters that YAML, Markdown, the format or a decoder treat specially. */
    static final String SPECIAL = ":-#&*!|>{}[]\"'%@`,?\t\r\n\\ \u0000\u0007\u00A0\u00A7\u0142\u2028\u2029\uFEFF\uFFFD\uD83D\uDE80";

    static Mutated insertCharacters(byte[] original, Random random) {
        String text = new String(original, StandardCharsets.UTF_8);
        int count = 1 + random.nextInt(8);
        StringBuilder inserted = new StringBuilder();
        for (int k = 0; k < count; k++) {
            int choice = random.nextInt(10);
            if (choice < 6) {
                int at = random.nextInt(SPECIAL.length());
                char c = SPECIAL.charAt(at);
                if (Character.isHighSurrogate(c) && at + 1 < SPECIAL.length()) inserted.append(c).append(SPECIAL.charAt(at + 1));
                else if (!Character.isLowSurrogate(c)) inserted.append(c);
            } else if (choice < 8) {
                inserted.append((char) (32 + random.nextInt(95)));
            } else {
                int cp;
                do {
                    cp = random.nextInt(0x30000);
                } while (cp >= 0xD800 && cp <= 0xDFFF);
                inserted.appendCodePoint(cp);
            }
        }
        int offset = random.nextInt(text.length() + 1);
        if (offset > 0 && offset < text.length() && Character.isLowSurrogate(text.charAt(offset))) offset--;
        String mutated = text.substring(0, offset) + inserted + text.substring(offset);
        return new Mutated(mutated.getBytes(StandardCharsets.UTF_8), "`" + escape(inserted.toString()) + "` inserted at "
                + where(text, offset));
    }

    static Mutated insertBytes(byte[] original, Random random) {
        byte[] noise = new byte[1 + random.nextInt(8)];
        random.nextBytes(noise);
        int offset = random.nextInt(original.length + 1);
        byte[] mutated = new byte[original.length + noise.length];
        System.arraycopy(original, 0, mutated, 0, offset);
        System.arraycopy(noise, 0, mutated, offset, noise.length);
        System.arraycopy(original, offset, mutated, offset + noise.length, original.length - offset);
        return new Mutated(mutated, "bytes " + hex(noise) + " inserted at byte " + offset);
    }

    static Mutated truncate(byte[] original, Random random) {
        int length = random.nextInt(original.length);
        return new Mutated(Arrays.copyOf(original, length), "cut after byte " + length + " of " + original.length);
    }

    static Mutated several(byte[] original, Random random) {
        List<Mutation> all = List.of(LoaderFuzzTest::deleteLine, LoaderFuzzTest::duplicateLine, LoaderFuzzTest::swapLines,
                LoaderFuzzTest::replaceScalar, LoaderFuzzTest::insertCharacters, LoaderFuzzTest::insertBytes);
        int count = 2 + random.nextInt(4);
        byte[] bytes = original;
        List<String> steps = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Mutated step = all.get(random.nextInt(all.size())).apply(bytes, random);
            bytes = step.bytes;
            steps.add(step.description);
        }
        if (random.nextInt(4) == 0) {
            Mutated cut = truncate(bytes, random);
            bytes = cut.bytes;
            steps.add(cut.description);
        }
        return new Mutated(bytes, String.join("; then ", steps));
    }

    // =============================================================================================
    // helpers

    /** Lines with their endings, so that joining them gives the bytes back. */
    static List<byte[]> splitLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        if (start < bytes.length) lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        if (lines.isEmpty()) lines.add(new byte[0]);
        return lines;
    }

    static byte[] join(List<byte[]> lines) {
        int size = lines.stream().mapToInt(l -> l.length).sum();
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] line : lines) {
            System.arraycopy(line, 0, all, at, line.length);
            at += line.length;
        }
        return all;
    }

    static String withoutEnding(String line) {
        return line.replaceAll("[\\r\\n]+$", "");
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String where(String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) out.append(String.format("%02X ", b & 0xFF));
        return out.toString().strip();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static String indent(String text) {
        // split on LF only, so that a lone CR or a U+2028 shows as an escape where it is
        if (text.isEmpty()) return "    | (empty)";
        return Arrays.stream(text.split("\n", -1)).map(l -> "    | " + escape(l)).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    static String abbreviate(String text) {
        String flat = escape(text);
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "…";
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
