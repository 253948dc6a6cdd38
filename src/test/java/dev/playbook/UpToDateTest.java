package dev.playbook;

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
        SiteBuild build = new SiteBuild("test", dev.playbook.progress.Progress.NONE, "tool 1");
        SiteBuild.Options options = new SiteBuild.Options(source, "defs", temp.resolve("site"), null, null, false);
        SiteBuild.Report first = build.build(options);
        SiteBuild.Report again = build.build(options);
        assertEquals(0, again.files());
        assertEquals(2, first.diagnostics().sorted().size(), "no tasks, no exit criteria");
        assertEquals(first.diagnostics().sorted(), again.diagnostics().sorted());
    }

    @Test
    void onlyChangedInputOrForceDrawsTheSiteAgain(@TempDir Path temp) throws Exception {
        Path source = Files.createDirectories(temp.resolve("defs"));
        Files.writeString(source.resolve("demo.yaml"), PLAYBOOK.formatted("First"));
        SiteBuild build = new SiteBuild("test", dev.playbook.progress.Progress.NONE, "tool 1");
        SiteBuild.Options options = new SiteBuild.Options(source, "defs", temp.resolve("site"), null, null, false);

        SiteBuild.Report first = build.build(options);
        assertTrue(first.files() > 0);
        long written = Files.getLastModifiedTime(temp.resolve("site/demo/index.html")).toMillis();

        SiteBuild.Report again = build.build(options);
        assertTrue(again.succeeded());
        assertEquals(0, again.files(), "nothing changed, nothing drawn");
        assertEquals(first.pages(), again.pages());
        assertEquals(written, Files.getLastModifiedTime(temp.resolve("site/demo/index.html")).toMillis());

        Files.writeString(source.resolve("demo.yaml"), PLAYBOOK.formatted("Second"));
        assertTrue(build.build(options).files() > 0, "a changed definition draws the site");
        assertTrue(Files.readString(temp.resolve("site/demo/index.html")).contains("Second"));

        assertEquals(0, build.build(options).files());
        assertTrue(new SiteBuild("test", dev.playbook.progress.Progress.NONE, "tool 2").build(options).files() > 0,
                "another build of the tool draws the site");
        assertTrue(build.build(new SiteBuild.Options(source, "defs", temp.resolve("site"), null, null, true)).files() > 0,
                "--force draws the site");
    }
}
