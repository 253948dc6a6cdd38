package dev.playbook.cli;

import dev.playbook.testing.Cli;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitCommandTest {

    private static int run(String... args) {
        return Cli.run(args).code();
    }

    @Test
    void aNewProjectBuildsAtOnceWithoutWarnings(@TempDir Path temp) {
        Path project = temp.resolve("sales");
        assertEquals(Main.OK, run("init", project.toString()));
        for (String file : InitCommand.FILES.keySet()) assertTrue(Files.isRegularFile(project.resolve(file)), file);
        Outcome report = Builds.build(
                project.resolve("process-definitions"), "process-definitions", project.resolve("site"), null);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted() + " " + report.failureMessage());
        assertEquals(0, report.diagnostics().sorted().size(), () -> report.diagnostics().sorted().toString());
        assertTrue(Files.isRegularFile(project.resolve("site/my-process/index.html")));
    }

    @Test
    void itNeverOverwritesAFile(@TempDir Path temp) throws Exception {
        Path mine = temp.resolve("process-definitions/my-process.yaml");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "playbook: mine\n");
        assertEquals(Main.USAGE_OR_FAILURE, run("init", temp.toString()));
        assertEquals("playbook: mine\n", Files.readString(mine));
        assertTrue(!Files.exists(temp.resolve("process-definitions/site.yaml")), "nothing is written when one file exists");
    }
}
