package dev.playbook.changes;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.model.Site;
import dev.playbook.testing.ChangeRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads versions of the definitions from a throw-away git repository made with JGit. */
class RevisionsTest {
    @TempDir
    static Path repository;
    static Path source;

    @BeforeAll
    static void makeRepository() throws Exception {
        source = ChangeRepository.create(repository);
    }

    private static Site read(Revision revision) throws RevisionException {
        Diagnostics diagnostics = new Diagnostics();
        Site site = new Revisions().read(revision, diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        return site;
    }

    @Test
    void aTagComparedWithTheWorkingTreeGivesEveryChange() throws Exception {
        Revision tag = new Revisions().resolve(ChangeRepository.BASELINE, source);
        Revision.Git git = assertInstanceOf(Revision.Git.class, tag);
        assertEquals(ChangeRepository.FOLDER, git.folder());
        assertEquals("v2026.1:process-definitions", git.shown());
        Comparison comparison = new Comparer().compare(tag.label(), read(tag), Revisions.WORKING_TREE,
                read(Revisions.workingTree(source, "process-definitions")));
        assertEquals(ChangeRepository.EXPECTED, ComparerTest.lines(comparison));
    }

    @Test
    void relativeRevisionsAndCommitsNameTheSameVersion() throws Exception {
        Revisions revisions = new Revisions();
        Revision.Git tag = (Revision.Git) revisions.resolve(ChangeRepository.BASELINE, source);
        Revision.Git relative = (Revision.Git) revisions.resolve("HEAD~2", source);
        Revision.Git commit = (Revision.Git) revisions.resolve(tag.commit().substring(0, 10), source);
        assertEquals(tag.tree(), relative.tree());
        assertEquals(tag.commit(), commit.commit());
        Revision.Git head = (Revision.Git) revisions.resolve("main", source);
        assertFalse(head.tree().equals(tag.tree()));
        assertTrue(new Comparer().compare("main", read(head), "working tree",
                read(Revisions.workingTree(source, "process-definitions"))).isEmpty());
    }

    @Test
    void aFolderIsAVersionToo() throws Exception {
        Path folder = ChangeRepository.FIXTURES.resolve("v1");
        Revision revision = new Revisions().resolve(folder.toString(), source);
        assertInstanceOf(Revision.Folder.class, revision);
        Comparison comparison = new Comparer().compare(revision.label(), read(revision), "now",
                read(Revisions.workingTree(source, "process-definitions")));
        assertEquals(ChangeRepository.EXPECTED, ComparerTest.lines(comparison));
    }

    @Test
    void anUnknownRevisionIsAClearError() {
        RevisionException e = assertThrows(RevisionException.class, () -> new Revisions().resolve("v9.9", source));
        assertTrue(e.getMessage().startsWith("`v9.9` is neither a folder nor a revision of the repository at "), e.getMessage());
        assertTrue(e.getMessage().contains("tag, branch, commit"), e.getMessage());
    }

    @Test
    void aSourceOutsideAnyRepositoryIsAClearError(@TempDir Path elsewhere) throws Exception {
        Path folder = Files.createDirectories(elsewhere.resolve("defs"));
        RevisionException e = assertThrows(RevisionException.class, () -> new Revisions().resolve("v2026.1", folder));
        assertTrue(e.getMessage().contains("is not inside a git repository"), e.getMessage());
    }

    @Test
    void aRevisionWithoutTheFolderIsAClearError() throws Exception {
        Path other = Files.createDirectories(repository.resolve("other"));
        Files.writeString(other.resolve("x.yaml"), "playbook: x\n");
        RevisionException e = assertThrows(RevisionException.class, () -> new Revisions().resolve("v2026.1", other));
        assertTrue(e.getMessage().startsWith("`v2026.1` (commit "), e.getMessage());
        assertTrue(e.getMessage().contains("has no folder `other`"), e.getMessage());
    }

    @Test
    void anErrorInARevisionIsReportedAtTheRevisionsFile() throws Exception {
        Revision broken = new Revisions().resolve(ChangeRepository.BROKEN, source);
        Diagnostics diagnostics = new Diagnostics();
        new Revisions().read(broken, diagnostics);
        List<Diagnostic> errors = diagnostics.sorted();
        assertFalse(errors.isEmpty());
        for (Diagnostic d : errors) {
            assertEquals("broken:process-definitions/b2b.yaml", d.at().file(), d::toString);
        }
    }
}
