package dev.playbook;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.testing.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build whose input has not changed since the site was written leaves the site as it is. */
class UpToDateTest {
    private static final String PLAYBOOK = "playbook: demo\ntitle: %s\nstages:\n  - id: a\n    title: A\n"
            + "    tasks: [Do]\n    exit_criteria: [Done]\n";

    @Test
    void anUpToDateSiteStillReportsItsWarnings(@TempDir Path temp) throws Exception {
        Path source = Files.createDirectories(temp.resolve("defs"));
        Files.writeString(source.resolve("demo.yaml"), "playbook: demo\ntitle: Demo\nstages:\n  - id: a\n    title: A\n");
        Outcome first = build(source, temp, false, "tool 1");
        Outcome again = build(source, temp, false, "tool 1");
        assertEquals(0, Builds.summary(again).files());
        assertEquals(2, first.diagnostics().sorted().size(), "no tasks, no exit criteria");
        assertEquals(first.diagnostics().sorted(), again.diagnostics().sorted());
    }

    @Test
    void aWarningAboutTheCacheIsNotToldAgainByAnUpToDateBuild(@TempDir Path temp) throws Exception {
        Path source = Files.createDirectories(temp.resolve("defs"));
        Files.writeString(source.resolve("demo.yaml"), "playbook: demo\ntitle: Demo\nstages:\n  - id: a\n    title: A\n");
        Path cache = temp.resolve("cache");
        Outcome drawn = Builds.build(source, "defs", temp.resolve("site"), null, cache, false, "tool 1");
        assertTrue(drawn.succeeded());
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(cache)) {
            entries = walk.filter(f -> f.toString().endsWith(".svg")).toList();
        }
        assertFalse(entries.isEmpty(), "the flowchart is cached");
        for (Path entry : entries) Files.writeString(entry, "cut sh");

        Outcome redrawn = Builds.build(source, "defs", temp.resolve("site"), null, cache, true, "tool 1");
        List<Diagnostic> aboutTheCache = redrawn.diagnostics().sorted().stream()
                .filter(d -> d.message().contains("cached diagram")).toList();
        assertEquals(entries.size(), aboutTheCache.size(), redrawn.diagnostics().sorted()::toString);

        Outcome again = Builds.build(source, "defs", temp.resolve("site"), null, cache, false, "tool 1");
        assertTrue(again instanceof Outcome.UpToDate, "nothing changed");
        List<Diagnostic> told = again.diagnostics().sorted();
        assertTrue(told.stream().noneMatch(d -> d.message().contains("cached diagram")),
                "the damaged entries were drawn again by the build before: " + told);
        assertEquals(redrawn.diagnostics().sorted().stream().filter(d -> !aboutTheCache.contains(d)).toList(), told,
                "the warnings about the definitions are still told");
    }

    @Test
    void onlyChangedInputOrForceDrawsTheSiteAgain(@TempDir Path temp) throws Exception {
        Path source = Files.createDirectories(temp.resolve("defs"));
        Files.writeString(source.resolve("demo.yaml"), PLAYBOOK.formatted("First"));
        Outcome first = build(source, temp, false, "tool 1");
        assertTrue(Builds.summary(first).files() > 0);
        long written = Files.getLastModifiedTime(temp.resolve("site/demo/index.html")).toMillis();

        Outcome again = build(source, temp, false, "tool 1");
        assertTrue(again.succeeded());
        assertTrue(again instanceof Outcome.UpToDate, "nothing changed, nothing drawn");
        assertEquals(0, Builds.summary(again).files(), "nothing changed, nothing drawn");
        assertEquals(Builds.summary(first).pages(), Builds.summary(again).pages());
        assertEquals(written, Files.getLastModifiedTime(temp.resolve("site/demo/index.html")).toMillis());

        Files.writeString(source.resolve("demo.yaml"), PLAYBOOK.formatted("Second"));
        assertTrue(Builds.summary(build(source, temp, false, "tool 1")).files() > 0, "a changed definition draws the site");
        assertTrue(Files.readString(temp.resolve("site/demo/index.html")).contains("Second"));

        assertEquals(0, Builds.summary(build(source, temp, false, "tool 1")).files());
        assertTrue(Builds.summary(build(source, temp, false, "tool 2")).files() > 0,
                "another build of the tool draws the site");
        assertTrue(Builds.summary(build(source, temp, true, "tool 1")).files() > 0, "--force draws the site");
    }

    private static Outcome build(Path source, Path temp, boolean force, String tool) {
        return Builds.build(source, "defs", temp.resolve("site"), null, null, force, tool);
    }
}
