package dev.playbook.load;

import dev.playbook.diagnostics.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A loader that lives on (in the live preview) reads again only the files whose bytes changed. */
class LoaderMemoryTest {
    private static final String PLAYBOOK = "playbook: %s\ntitle: %s\nstages:\n  - id: a\n    title: A\n"
            + "    tasks: [Do]\n    exit_criteria: [Done]\n";

    @Test
    void unchangedFilesAreNotParsedAgainAndChangedOnesAre(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("one.yaml"), PLAYBOOK.formatted("one", "One"));
        Files.writeString(dir.resolve("two.yaml"), PLAYBOOK.formatted("two", "Two"));
        Loader loader = new Loader();
        LoadedDefinitions first = loader.load(dir, "d", new Diagnostics());
        Files.writeString(dir.resolve("two.yaml"), PLAYBOOK.formatted("two", "Second"));
        LoadedDefinitions second = loader.load(dir, "d", new Diagnostics());
        assertSame(first.playbooks().get(0), second.playbooks().get(0), "one.yaml did not change");
        assertNotSame(first.playbooks().get(1), second.playbooks().get(1));
        assertEquals("Second", second.playbooks().get(1).title().value());
    }

    @Test
    void findingsOfAnUnchangedBrokenFileAreReportedEveryTime(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "playbook: bad\ntitle: [oops\n");
        Loader loader = new Loader();
        Diagnostics first = new Diagnostics();
        loader.load(dir, "d", first);
        Diagnostics second = new Diagnostics();
        loader.load(dir, "d", second);
        assertTrue(first.hasErrors());
        assertEquals(first.sorted(), second.sorted());
    }
}
