package dev.playbook.write;

import dev.playbook.testing.Unwritable;
import dev.playbook.testing.Cli;
import dev.playbook.testing.Jvm;
import dev.playbook.testing.LockHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a build does to the output folder and around it, run the way a user runs it: it never
 * deletes a file it did not write, publishes a site others can read, and leaves nothing behind.
 */
class OutputFolderSafetyTest {
    static final Path SOURCE = Path.of("src/test/resources/site/minimal");
    /** How often a test looks again for what another process is doing. */
    static final long POLL_MILLIS = 20;

    // ---------------------------------------------------------------------------------------------
    // input folders inside the output, or the output inside an input

    @Test
    void aSourceFolderInsideTheOutputIsRefusedAndKept(@TempDir Path temp) throws IOException {
        Path site = temp.resolve("s");
        assertBuilt(build(site));
        Path defs = copyOf(SOURCE, site.resolve("defs"));
        Map<String, String> before = snapshot(temp);

        Cli.Result result = Cli.run("build", "--source", defs.toString(), "--output", site.toString(), "--force", "--no-cache");

        assertRefused(result, defs.toString(), site.toString());
        assertEquals(before, snapshot(temp), "the definitions inside the output folder were touched");
    }

    @Test
    void everySpellingOfAnInputInsideTheOutputIsRefused(@TempDir Path temp) throws IOException {
        Path site = temp.resolve("site");
        assertBuilt(build(site));
        Path alias = Files.createSymbolicLink(temp.resolve("alias"), site);
        Files.createDirectories(temp.resolve("other"));
        Map<String, List<String>> cases = new TreeMap<>();
        String dotted = temp.resolve("other/../site/defs").toString();
        cases.put("source through ..", List.of("--source", dotted));
        cases.put("source through a link", List.of("--source", alias.resolve("defs").toString()));
        cases.put("templates", List.of("--source", SOURCE.toString(), "--templates", site.resolve("theme").toString()));
        cases.put("cache", List.of("--source", SOURCE.toString(), "--cache", site.resolve(".cache").toString()));
        copyOf(SOURCE, site.resolve("defs"));
        Files.createDirectories(site.resolve("theme"));
        Map<String, String> before = snapshot(temp);

        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("build", "--output", site.toString(), "--force"));
            args.addAll(c.getValue());
            if (!args.contains("--cache")) args.add("--no-cache");
            Cli.Result result = Cli.run(args.toArray(String[]::new));
            assertRefused(result, c.getValue().get(c.getValue().size() - 1), site.toString());
            assertEquals(before, snapshot(temp), c.getKey() + ": files changed");
        }
    }

    @Test
    void anOutputInsideTheSourceIsRefused(@TempDir Path temp) throws IOException {
        Path defs = copyOf(SOURCE, temp.resolve("defs"));
        Path site = defs.resolve("site");

        Cli.Result result = Cli.run("build", "--source", defs.toString(), "--output", site.toString(), "--no-cache");

        assertRefused(result, defs.toString(), site.toString());
        assertFalse(Files.exists(site), "a site was written into the source folder");
    }

    // ---------------------------------------------------------------------------------------------
    // files the build did not write

    @Test
    void aCopiedSiteBesideAUsersFilesIsRefusedEvenWithForce(@TempDir Path temp) throws IOException {
        Path site = temp.resolve("site");
        assertBuilt(build(site));
        Path www = Files.createDirectories(temp.resolve("www"));
        Files.writeString(www.resolve("blog.html"), "<p>my blog</p>\n");
        copyOf(site, www); // cp -r site/. www/
        Map<String, String> before = snapshot(www);

        Cli.Result result = build(www, "--force");

        assertRefused(result, www.toString(), "blog.html");
        assertEquals(before, snapshot(www), "the folder holding someone else's file was touched");
    }

    @Test
    void upToFiveForeignFilesAreNamedAndTheRestCounted(@TempDir Path temp) throws IOException {
        Path site = temp.resolve("site");
        assertBuilt(build(site));
        for (int i = 1; i <= 6; i++) Files.writeString(site.resolve("note" + i + ".txt"), "mine\n");
        Files.createDirectories(site.resolve("photos"));
        Files.writeString(site.resolve("photos/a.jpg"), "jpeg\n");

        Cli.Result result = build(site);

        assertRefused(result, "note1.txt", "note5.txt", "2 more");
        assertFalse(result.err().contains("note6.txt"), result::toString);
        assertTrue(Files.exists(site.resolve("photos/a.jpg")) && Files.exists(site.resolve("note6.txt")));
    }

    @Test
    void aSiteOfAnEarlierReleaseIsReplacedWhenThisBuildWritesEveryFileInIt(@TempDir Path temp) throws IOException {
        Path site = temp.resolve("site");
        assertBuilt(build(site));
        writeLegacyMarker(site);

        assertBuilt(build(site));

        assertTrue(Files.readString(site.resolve(SiteWriter.MARKER)).contains("\nfile: index.html\n"),
                "the new marker does not list the files");
    }

    @Test
    void aSiteOfAnEarlierReleaseBesideOtherFilesIsRefused(@TempDir Path temp) throws IOException {
        Path site = temp.resolve("site");
        assertBuilt(build(site));
        writeLegacyMarker(site);
        Files.writeString(site.resolve("blog.html"), "<p>my blog</p>\n");
        Map<String, String> before = snapshot(site);

        Cli.Result result = build(site, "--force");

        assertRefused(result, site.toString(), "blog.html");
        assertEquals(before, snapshot(site));
    }

    // ---------------------------------------------------------------------------------------------
    // permissions

    @Test
    void siteFoldersAndFilesGetTheModesOfAPlainMkdirAndCreate(@TempDir Path temp) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path site = temp.resolve("site");
        assertBuilt(build(site));
        Set<PosixFilePermission> folderMode = Files.getPosixFilePermissions(Files.createDirectory(temp.resolve("probe")));
        Set<PosixFilePermission> fileMode = Files.getPosixFilePermissions(Files.createFile(temp.resolve("probe.txt")));

        List<String> wrong = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path p : walk.toList()) {
                Set<PosixFilePermission> expected = Files.isDirectory(p) ? folderMode : fileMode;
                Set<PosixFilePermission> actual = Files.getPosixFilePermissions(p);
                if (!actual.equals(expected)) {
                    wrong.add(site.relativize(p) + " is " + PosixFilePermissions.toString(actual) + ", not "
                            + PosixFilePermissions.toString(expected));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aReplacedSiteFolderKeepsItsMode(@TempDir Path temp) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path site = temp.resolve("site");
        assertBuilt(build(site));
        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rwxr-x---");
        Files.setPosixFilePermissions(site, chosen);

        assertBuilt(build(site, "--force"));

        assertEquals(PosixFilePermissions.toString(chosen), PosixFilePermissions.toString(Files.getPosixFilePermissions(site)));
    }

    // ---------------------------------------------------------------------------------------------
    // a linked output

    @Test
    void aLinkedOutputIsPublishedIntoItsTargetAndTheLinkStays(@TempDir Path temp) throws IOException {
        Path target = temp.resolve("www/playbooks");
        assertBuilt(build(target));
        Path link = Files.createSymbolicLink(temp.resolve("site"), Path.of("www/playbooks"));
        Path changed = retitled(temp, "Published through the link");

        assertBuilt(Cli.run("build", "--source", changed.toString(), "--output", link.toString(), "--no-cache"));

        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a folder");
        assertEquals(Path.of("www/playbooks"), Files.readSymbolicLink(link));
        assertTrue(Files.readString(target.resolve("index.html")).contains("Published through the link"),
                "the link's target still holds the old site");
        assertEquals(Set.of("playbooks"), listing(temp.resolve("www")), "something was left beside the target");
    }

    @Test
    void aLinkToAFolderNotMadeYetGetsTheSiteAtItsTarget(@TempDir Path temp) throws IOException {
        Files.createDirectories(temp.resolve("www"));
        Path link = Files.createSymbolicLink(temp.resolve("site"), temp.resolve("www/playbooks"));

        assertBuilt(build(link));

        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isRegularFile(temp.resolve("www/playbooks/index.html")));
    }

    // ---------------------------------------------------------------------------------------------
    // what interrupted builds leave

    @Test
    void aSiteMovedAsideByAKilledBuildIsPutBackAndTheLeftoversRemoved(@TempDir Path temp) throws IOException {
        Path site = temp.resolve("site");
        assertBuilt(build(site));
        // a build killed between its two renames: the old site moved aside, the new one complete beside it
        copyOf(site, temp.resolve(".site.new-4242"));
        Files.move(site, temp.resolve(".site.old-1717"));

        Cli.Result result = build(site);

        assertBuilt(result);
        assertTrue(result.err().contains("put back the previous site from .site.old-1717"), result::toString);
        assertTrue(result.err().contains("removed .site.new-4242"), result::toString);
        assertEquals(Set.of("site"), listing(temp), "leftovers beside the output folder");
    }

    @Test
    void aBuildKilledWhileWritingLeavesNothingTheNextBuildDoesNotRemove(@TempDir Path temp) throws Exception {
        Path site = temp.resolve("site");
        assertBuilt(build(site));
        Process killed = Jvm.of("dev.playbook.cli.Main", "build", "--source", "process-definitions", "--output", site.toString(),
                "--no-cache", "--quiet").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path half = awaitHalfWritten(temp, killed);
            assertTrue(half != null, "the build ended before it could be killed");
        } finally {
            killed.destroyForcibly().waitFor();
        }

        Cli.Result result = build(site);

        assertBuilt(result);
        assertTrue(result.err().contains("removed .site.new-"), result::toString);
        assertEquals(Set.of("site"), listing(temp), "leftovers beside the output folder");
    }

    @Test
    void leftoversWithFilesPlaybookDidNotWriteAreKept(@TempDir Path temp) throws IOException {
        Path site = temp.resolve("site");
        assertBuilt(build(site));
        Path unmarked = Files.createDirectories(temp.resolve(".site.new-11"));
        Files.writeString(unmarked.resolve("mine.txt"), "mine\n");
        Path mixed = copyOf(site, temp.resolve(".site.old-22"));
        Files.writeString(mixed.resolve("extra.txt"), "mine too\n");
        Map<String, String> before = snapshot(temp);

        Cli.Result result = build(site);

        assertBuilt(result);
        assertTrue(result.err().contains("left .site.new-11"), result::toString);
        assertTrue(result.err().contains("left .site.old-22") && result.err().contains("extra.txt"), result::toString);
        Map<String, String> after = snapshot(temp);
        before.keySet().removeIf(k -> k.startsWith("site/"));
        after.keySet().removeIf(k -> k.startsWith("site/"));
        assertEquals(before, after, "a leftover holding someone else's file was touched");
    }

    // ---------------------------------------------------------------------------------------------
    // two builds at once

    @Test
    void aBuildWaitsForAnotherProcessWritingTheSameOutputThenGivesUp(@TempDir Path temp) throws Exception {
        Path site = temp.resolve("site");
        assertBuilt(build(site));
        Map<String, String> before = snapshot(temp);
        Process holder = LockHolder.start(temp.resolve(".site.lock"));
        try {
            Cli.Result result = build(site, "--force");
            assertEquals(2, result.code(), result::toString);
            assertTrue(result.err().contains("another build is writing " + site), result::toString);
            assertEquals(before.keySet(), Set.copyOf(without(snapshot(temp), ".site.lock").keySet()));
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertBuilt(build(site, "--force"));
        assertEquals(Set.of("site"), listing(temp), "the lock file was left beside the output folder");
    }

    // ---------------------------------------------------------------------------------------------
    // a parent folder that cannot be written

    @Test
    void aParentFolderThatCannotBeWrittenIsNamedWithTheReason(@TempDir Path temp) throws Exception {
        Path parent = temp.toRealPath().resolve("html");
        Path site = parent.resolve("playbooks");
        assertBuilt(build(site));
        Map<String, String> before = snapshot(parent);
        assumeTrue(makeUnwritable(parent), "cannot make a folder unwritable here (root without chattr)");
        try {
            Cli.Result result = build(site, "--force");
            assertEquals(2, result.code(), result::toString);
            assertTrue(result.err().contains("permission to write in " + parent), result::toString);
            assertTrue(result.err().contains("swap"), "the message does not say why: " + result);
            assertFalse(result.err().contains(".playbooks.new-"), "the message names a hidden folder: " + result);
        } finally {
            makeWritable(parent);
        }
        assertEquals(before, snapshot(parent));
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    /** A build of the small fixture; quiet, which still prints warnings and errors. */
    static Cli.Result build(Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--source", SOURCE.toString(), "--output", output.toString(),
                "--no-cache", "--quiet"));
        args.addAll(Arrays.asList(more));
        return Cli.run(args.toArray(String[]::new));
    }

    static void assertBuilt(Cli.Result result) {
        assertEquals(0, result.code(), result::toString);
    }

    static void assertRefused(Cli.Result result, String... named) {
        assertEquals(2, result.code(), result::toString);
        for (String name : named) assertTrue(result.err().contains(name), () -> "the message does not name " + name + ": " + result);
    }

    static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    /** The fixture with its first playbook's title changed, to tell a new site from an old one. */
    static Path retitled(Path temp, String title) throws IOException {
        Path copy = copyOf(SOURCE, temp.resolve("retitled"));
        Path demo = copy.resolve("demo.yaml");
        String yaml = Files.readString(demo).replaceFirst("(?m)^title: .*$", "title: " + title);
        Files.writeString(demo, yaml);
        return copy;
    }

    /** What the previous release wrote: the marker's first line, and no list of files. */
    static void writeLegacyMarker(Path site) throws IOException {
        Files.writeString(site.resolve(SiteWriter.MARKER),
                "This folder is generated by Playbook and replaced on every build; edit the definitions instead.\n");
    }

    /** Every entry below the folder (hidden ones too) with its text; folders end with a slash. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                if (p.equals(root)) continue;
                String name = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) files.put(name, "-> " + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) files.put(name + "/", "");
                else files.put(name, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    static Map<String, String> without(Map<String, String> snapshot, String name) {
        Map<String, String> copy = new TreeMap<>(snapshot);
        copy.remove(name);
        return copy;
    }

    static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Waits until the build has written a file into its new folder (or has ended); returns that folder, or null. */
    static Path awaitHalfWritten(Path temp, Process build) throws IOException, InterruptedException {
        while (build.isAlive()) {
            try (Stream<Path> list = Files.list(temp)) {
                for (Path p : list.toList()) {
                    if (p.getFileName().toString().startsWith(".site.new-") && Files.isDirectory(p) && listing(p).size() > 1) {
                        return p;
                    }
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        return null;
    }

    /** As root permission bits do not stop writes, so the folder is made immutable instead. */
    static boolean makeUnwritable(Path folder) throws IOException, InterruptedException {
        return Unwritable.make(folder);
    }

    static void makeWritable(Path folder) throws IOException, InterruptedException {
        Unwritable.undo(folder);
    }
}
