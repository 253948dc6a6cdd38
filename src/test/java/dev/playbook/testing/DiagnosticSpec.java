package dev.playbook.testing;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.LoadedDefinitions;
import dev.playbook.load.Loader;
import dev.playbook.resolve.Resolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Spec-style fixtures for diagnostics: each case is a folder of real definition files under
 * {@code src/test/resources/errors/}, and each file states what must be reported about it in
 * comments of the form {@code #> error 4:3 unknown key `x` in a stage}: severity, the line and
 * column in that same file, and the exact message. A case passes when the build reports exactly
 * the diagnostics its files announce, no more and no fewer.
 */
public final class DiagnosticSpec {
    private DiagnosticSpec() {
    }

    /** One dynamic test per case folder of the group, each asserting exactly the announced diagnostics. */
    public static Stream<org.junit.jupiter.api.DynamicTest> tests(String group) {
        return cases(group).stream().map(dir -> org.junit.jupiter.api.DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            TreeSet<String> expected = expected(dir);
            org.junit.jupiter.api.Assertions.assertFalse(expected.isEmpty(), "case " + dir + " announces nothing");
            org.junit.jupiter.api.Assertions.assertEquals(String.join("\n", expected), String.join("\n", actual(dir)));
        }));
    }

    /** Every case folder below {@code errors/<group>}, sorted. */
    public static List<Path> cases(String group) {
        try (Stream<Path> dirs = Files.list(resource("errors/" + group))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(DiagnosticSpec.class.getClassLoader().getResource(name),
                    "no test resource " + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the files of a case announce, as {@code file:line:col: severity: message} lines. */
    public static TreeSet<String> expected(Path caseDir) throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.walk(caseDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String shown = caseDir.relativize(file).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(file);
                // files with deliberately broken bytes carry their expectations in a sidecar
                Path sidecar = file.resolveSibling(file.getFileName() + ".expected");
                if (file.getFileName().toString().endsWith(".expected")) continue;
                String text = Files.exists(sidecar) ? Files.readString(sidecar, StandardCharsets.UTF_8)
                        : new String(bytes, StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    int mark = line.indexOf("#> ");
                    if (mark < 0) continue;
                    String[] parts = line.substring(mark + 3).trim().split(" ", 3);
                    expected.add(shown + ":" + parts[1] + ": " + parts[0] + ": " + parts[2]);
                }
            }
        }
        return expected;
    }

    /** What loading and resolving the case folder reports, in the same form. */
    public static TreeSet<String> actual(Path caseDir) {
        Diagnostics diagnostics = new Diagnostics();
        LoadedDefinitions loaded = new Loader().load(caseDir, "", diagnostics);
        new Resolver().resolve(loaded, diagnostics);
        TreeSet<String> actual = new TreeSet<>();
        for (Diagnostic d : diagnostics.sorted()) actual.add(d.toString());
        return actual;
    }
}
