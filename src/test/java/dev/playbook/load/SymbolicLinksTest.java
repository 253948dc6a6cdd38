package dev.playbook.load;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.Definitions.PlaybookDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Symbolic links in the source folder: a link that leads nowhere or in a circle is named as
 * such, and a linked folder is treated like a linked file: followed while it stays inside the
 * source folder, refused with a message when it leads out of it.
 */
class SymbolicLinksTest {
    @TempDir
    Path temp;
    Path source;

    @BeforeEach
    void sourceFolder() throws IOException {
        source = Files.createDirectories(temp.resolve("defs"));
        Files.writeString(source.resolve("ok.yaml"), playbook("ok"));
    }

    static String playbook(String id) {
        return "playbook: " + id + "\ntitle: Fine\nstages:\n  - id: first\n    title: First\n"
                + "    tasks: [Call]\n    exit_criteria: [Called]\n";
    }

    private void link(String name, Path target) {
        try {
            Files.createSymbolicLink(source.resolve(name), target);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "this file system cannot make symbolic links: " + e);
        }
    }

    private record Loaded(List<String> playbooks, List<String> diagnostics) {
    }

    private Loaded load() {
        Diagnostics diagnostics = new Diagnostics();
        LoadedDefinitions loaded = new Loader().load(source, "defs", diagnostics);
        return new Loaded(loaded.playbooks().stream().map(PlaybookDefinition::file).toList(),
                diagnostics.sorted().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void aDanglingLinkIsNamedAsSuch() {
        link("gone.yaml", Path.of("moved-away.yaml"));
        Loaded loaded = load();
        assertEquals(List.of("defs/gone.yaml:1:1: error: a dangling symbolic link: it points to `moved-away.yaml`, "
                + "which does not exist"), loaded.diagnostics());
        assertEquals(List.of("defs/ok.yaml"), loaded.playbooks());
    }

    @Test
    void aLinkToItselfIsALoop() {
        link("loop.yaml", Path.of("loop.yaml"));
        assertEquals(List.of("defs/loop.yaml:1:1: error: a loop of symbolic links: `loop.yaml` leads back to itself"),
                load().diagnostics());
    }

    @Test
    void twoLinksToEachOtherAreALoop() {
        link("a.yaml", Path.of("b.yaml"));
        link("b.yaml", Path.of("a.yaml"));
        assertEquals(List.of("defs/a.yaml:1:1: error: a loop of symbolic links: `a.yaml` leads back to itself",
                "defs/b.yaml:1:1: error: a loop of symbolic links: `b.yaml` leads back to itself"), load().diagnostics());
    }

    @Test
    void aLinkedFolderThatLeadsBackUpIsALoop() throws IOException {
        Files.createDirectories(source.resolve("team"));
        Files.createSymbolicLink(source.resolve("team/all"), Path.of(".."));
        Loaded loaded = load();
        assertEquals(List.of("defs/team/all:1:1: error: a loop of symbolic links: `team/all` leads back to the folder `.` "
                + "that holds it"), loaded.diagnostics());
        assertEquals(List.of("defs/ok.yaml"), loaded.playbooks());
    }

    @Test
    void twoFoldersLinkedIntoEachOtherAreALoop() throws IOException {
        Files.createDirectories(source.resolve("a"));
        Files.createDirectories(source.resolve("b"));
        Files.createSymbolicLink(source.resolve("a/to-b"), Path.of("../b"));
        Files.createSymbolicLink(source.resolve("b/to-a"), Path.of("../a"));
        List<String> diagnostics = load().diagnostics();
        assertEquals(List.of("defs/a/to-b/to-a:1:1: error: a loop of symbolic links: `a/to-b/to-a` leads back to the folder "
                + "`a` that holds it", "defs/b/to-a/to-b:1:1: error: a loop of symbolic links: `b/to-a/to-b` leads back to "
                + "the folder `b` that holds it"), diagnostics);
    }

    /** It may have been a folder of definitions; whatever it was, nothing was read through it. */
    @Test
    void aDanglingLinkNotNamedLikeADefinitionIsAWarning() {
        link("archive", Path.of("../old-archive"));
        Loaded loaded = load();
        assertEquals(List.of("defs/archive:1:1: warning: a dangling symbolic link: it points to `../old-archive`, which "
                + "does not exist; nothing was read through it"), loaded.diagnostics());
        assertEquals(List.of("defs/ok.yaml"), loaded.playbooks());
    }

    @Test
    void aLinkedFolderInsideTheSourceFolderIsFollowed() throws IOException {
        Files.createDirectories(source.resolve(".shared/sales"));
        Files.writeString(source.resolve(".shared/sales/b2b.yaml"), playbook("b2b"));
        link("sales", Path.of(".shared/sales"));
        Loaded loaded = load();
        assertEquals(List.of(), loaded.diagnostics());
        assertEquals(List.of("defs/ok.yaml", "defs/sales/b2b.yaml"), loaded.playbooks());
    }

    /** Under its own name, where its author edits it, not under a link's. */
    @Test
    void aFileReachedTwiceIsReadOnce() throws IOException {
        Files.createDirectories(source.resolve("v2"));
        Files.writeString(source.resolve("v2/b2b.yaml"), playbook("b2b"));
        link("current", Path.of("v2"));
        link("alias.yaml", Path.of("ok.yaml"));
        Loaded loaded = load();
        assertEquals(List.of(), loaded.diagnostics());
        assertEquals(List.of("defs/ok.yaml", "defs/v2/b2b.yaml"), loaded.playbooks());
    }

    @Test
    void aLinkedFolderOutsideTheSourceFolderIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("b2b.yaml"), playbook("b2b"));
        link("shared", elsewhere);
        Loaded loaded = load();
        assertEquals(List.of("defs/shared:1:1: error: a symbolic link to `" + elsewhere.toRealPath()
                + "`, outside the source folder; only links that stay inside it are followed"), loaded.diagnostics());
        assertEquals(List.of("defs/ok.yaml"), loaded.playbooks());
    }

    @Test
    void aLinkedFileOutsideTheSourceFolderIsRefused() throws IOException {
        Path outside = Files.writeString(temp.resolve("b2b.yaml"), playbook("b2b"));
        link("b2b.yaml", outside);
        assertEquals(List.of("defs/b2b.yaml:1:1: error: a symbolic link to `" + outside.toRealPath()
                + "`, outside the source folder; only links that stay inside it are followed"), load().diagnostics());
    }

    @Test
    void aLinkedSourceFolderIsReadWhereItLeads() throws IOException {
        Path linked = temp.resolve("linked-defs");
        try {
            Files.createSymbolicLink(linked, source);
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no symbolic links here");
        }
        Diagnostics diagnostics = new Diagnostics();
        LoadedDefinitions loaded = new Loader().load(linked, "linked-defs", diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(List.of("linked-defs/ok.yaml"), loaded.playbooks().stream().map(PlaybookDefinition::file).toList());
    }
}
