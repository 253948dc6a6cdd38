package dev.playbook;

import dev.playbook.testing.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
