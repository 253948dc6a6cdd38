package dev.playbook.cli;

import dev.playbook.SiteBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitCommandTest {

    private static int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aNewProjectBuildsAtOnceWithoutWarnings(@TempDir Path temp) {
        Path project = temp.resolve("sales");
        assertEquals(Main.OK, run("init", project.toString()));
        for (String file : InitCommand.FILES.keySet()) assertTrue(Files.isRegularFile(project.resolve(file)), file);
        SiteBuild.Report report = new SiteBuild("test").build(new SiteBuild.Options(
                project.resolve("process-definitions"), "process-definitions", project.resolve("site"), null));
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted() + " " + report.failure());
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
