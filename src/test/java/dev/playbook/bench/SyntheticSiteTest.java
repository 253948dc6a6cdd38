package dev.playbook.bench;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps the benchmark's generator honest: what it writes must build cleanly. */
class SyntheticSiteTest {

    @Test
    void aSmallSyntheticSiteBuildsWithoutErrorsOrWarnings(@TempDir Path temp) throws IOException {
        SyntheticSite.write(3, temp);
        Outcome report = Builds.build(
                temp.resolve("process-definitions"), "process-definitions", temp.resolve("site"), null,
                temp.resolve("cache"));
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted() + " " + report.failureMessage());
        assertEquals(0, report.diagnostics().sorted().size(), () -> report.diagnostics().sorted().toString());
        assertEquals(3, ((Outcome.Built) report).site().playbooks().size());
        // 3 of the 21 stages carry a diagram, plus a flowchart and swimlanes per playbook
        assertEquals(3 * 2 + 3, Builds.summary(report).diagramsDrawn());
        try (Stream<Path> puml = Files.list(temp.resolve("puml"))) {
            assertEquals(3, puml.count(), "the same diagrams are written for PlantUML's own command line");
        }
        try (Stream<Path> pages = Files.walk(temp.resolve("hugo/content"))) {
            assertEquals(3 * 13, pages.filter(p -> p.toString().endsWith(".md")).count(),
                    "Hugo gets as many pages per playbook as Playbook writes");
        }
    }
}
