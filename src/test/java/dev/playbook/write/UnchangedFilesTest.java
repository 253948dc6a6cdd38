package dev.playbook.write;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.testing.Playbooks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild gives a file whose bytes did not change the very file it had (a second name for it,
 * so nothing is copied), and writes anew every file that changed, including one changed by hand.
 */
class UnchangedFilesTest {
    @Test
    void aRebuildKeepsUnchangedFilesAndWritesChangedOnes(@TempDir Path temp) throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"), "needs inode numbers");
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Files.writeString(source.resolve("demo.yaml"), Playbooks.oneStage("demo", "First"));
        Files.writeString(source.resolve("other.yaml"), Playbooks.oneStage("other", "Other"));
        Path site = temp.resolve("site");
        build(source, site);
        Object otherPage = inode(site.resolve("other/stages/qualification.html"));
        Object overview = inode(site.resolve("demo/index.html"));
        Object style = inode(site.resolve("assets/style.css"));
        Files.writeString(site.resolve("assets/style.css"), "changed by hand");

        Files.writeString(source.resolve("demo.yaml"), Playbooks.oneStage("demo", "Second"));
        build(source, site);

        assertNotEquals(overview, inode(site.resolve("demo/index.html")), "the overview changed, so it is a new file");
        assertTrue(Files.readString(site.resolve("demo/index.html")).contains("Second"));
        assertNotEquals(style, inode(site.resolve("assets/style.css")), "a file changed by hand is written anew");
        assertFalse(Files.readString(site.resolve("assets/style.css")).contains("changed by hand"));
        Path page = site.resolve("other/stages/qualification.html");
        assertEquals(otherPage, inode(page), "the other playbook's page did not change");
        assertEquals(1, Files.getAttribute(page, "unix:nlink", LinkOption.NOFOLLOW_LINKS), "the old site is gone");
    }

    @Test
    void aForcedRebuildOfTheSameInputKeepsEveryFile(@TempDir Path temp) throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"), "needs inode numbers");
        Path site = builtOnce(temp);
        Object page = inode(site.resolve("demo/stages/qualification.html"));
        build(temp.resolve("definitions"), site);
        assertEquals(page, inode(site.resolve("demo/stages/qualification.html")));
        assertEquals(1, Files.getAttribute(site.resolve("demo/stages/qualification.html"), "unix:nlink"));
    }

    @Test
    void aFileWhoseModeWasChangedIsWrittenWithTheModeOfANewFile(@TempDir Path temp) throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs file modes");
        Path site = builtOnce(temp);
        Path page = site.resolve("demo/stages/qualification.html");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(page);
        Object before = inode(page);
        Files.setPosixFilePermissions(page, PosixFilePermissions.fromString("r--------"));
        build(temp.resolve("definitions"), site);
        assertNotEquals(before, inode(page));
        assertEquals(usual, Files.getPosixFilePermissions(page), "the page has the mode of a new file again");
    }

    /** The site of one playbook, built once from {@code temp/definitions} into {@code temp/site}. */
    private static Path builtOnce(Path temp) throws IOException {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Files.writeString(source.resolve("demo.yaml"), Playbooks.oneStage("demo", "Same"));
        Path site = temp.resolve("site");
        build(source, site);
        return site;
    }

    private static void build(Path source, Path site) {
        Outcome outcome = Builds.build(source, "definitions", site, null, null, true, null);
        assertTrue(outcome.succeeded(), () -> outcome.diagnostics().sorted() + " " + outcome.failureMessage());
    }

    private static Object inode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }
}
