package dev.playbook.load;

import dev.playbook.diagnostics.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

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

    @Test
    void toldWhichFilesChangedItReadsOnlyThose(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("one.yaml"), PLAYBOOK.formatted("one", "One"));
        Files.writeString(dir.resolve("two.yaml"), PLAYBOOK.formatted("two", "Two"));
        Loader loader = new Loader();
        LoadedDefinitions first = loader.load(dir, "d", new Diagnostics());
        Files.writeString(dir.resolve("one.yaml"), PLAYBOOK.formatted("one", "First"));
        Files.writeString(dir.resolve("two.yaml"), PLAYBOOK.formatted("two", "Second"));
        // an editor's backup file beside them is no definition and needs no new listing
        Files.writeString(dir.resolve("two.yaml~"), "backup");
        LoadedDefinitions second = loader.load(dir, "d", new Diagnostics(),
                Set.of(absolute(dir, "two.yaml"), absolute(dir, "two.yaml~")));
        assertSame(first.playbooks().get(0), second.playbooks().get(0), "one.yaml was not reported, so not read");
        assertEquals("Second", second.playbooks().get(1).title().value());
        LoadedDefinitions third = loader.load(dir, "d", new Diagnostics());
        assertEquals("First", third.playbooks().get(0).title().value(), "without a report every file is read");
    }

    @Test
    void aReportedNewOrRemovedFileTakesANewListing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("one.yaml"), PLAYBOOK.formatted("one", "One"));
        Loader loader = new Loader();
        loader.load(dir, "d", new Diagnostics());
        Files.createDirectories(dir.resolve("more"));
        Files.writeString(dir.resolve("more/two.yaml"), PLAYBOOK.formatted("two", "Two"));
        LoadedDefinitions added = loader.load(dir, "d", new Diagnostics(), Set.of(absolute(dir, "more")));
        assertEquals(List.of("one", "two"), ids(added));
        Files.delete(dir.resolve("one.yaml"));
        LoadedDefinitions removed = loader.load(dir, "d", new Diagnostics(), Set.of(absolute(dir, "one.yaml")));
        assertEquals(List.of("two"), ids(removed));
    }

    @Test
    void aFolderWithSymbolicLinksIsReadWhole(@TempDir Path dir) throws Exception {
        // the file is read only through the link: its own folder is hidden, so not read by itself
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.createDirectories(source.resolve(".kept"));
        Files.writeString(source.resolve(".kept/one.yaml"), PLAYBOOK.formatted("one", "One"));
        Files.createSymbolicLink(source.resolve("linked.yaml"), source.resolve(".kept/one.yaml"));
        Loader loader = new Loader();
        loader.load(source, "d", new Diagnostics());
        Files.writeString(source.resolve(".kept/one.yaml"), PLAYBOOK.formatted("one", "Changed"));
        LoadedDefinitions again = loader.load(source, "d", new Diagnostics(), Set.of(absolute(source, ".kept/one.yaml")));
        assertEquals("Changed", again.playbooks().get(0).title().value());
    }

    private static Path absolute(Path dir, String name) {
        return dir.resolve(name).toAbsolutePath().normalize();
    }

    private static List<String> ids(LoadedDefinitions loaded) {
        return loaded.playbooks().stream().map(p -> p.id().value()).sorted().toList();
    }
}
