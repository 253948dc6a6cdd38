package dev.playbook.dist;

import dev.playbook.cli.VersionProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The download as a person gets it: target/playbook-VERSION.zip (made before the tests run, see
 * the pom), unpacked into a folder of its own and started from another folder with nothing on
 * the PATH but Java and a few basic commands (no Maven, no bash).
 */
class DistributionTest {
    private static final String VERSION = VersionProvider.version();
    private static final Path ZIP = Path.of("target", "playbook-" + VERSION + ".zip");
    private static final Path TAR = Path.of("target", "playbook-" + VERSION + ".tar.gz");

    @TempDir
    static Path temp;
    static Path install;
    /** Java and the essentials, nothing else: the PATH of a machine with only a Java runtime. */
    static Path tools;

    @BeforeAll
    static void unpack() throws IOException {
        String made = "; `mvn test` makes it before the tests run, unless told -Ddist.phase=package";
        assertTrue(Files.isRegularFile(ZIP), ZIP + " is missing" + made);
        try (Stream<Path> classes = Files.walk(Path.of("target/classes"))) {
            FileTime newest = classes.map(DistributionTest::modified).max(FileTime::compareTo).orElseThrow();
            assertTrue(modified(ZIP).compareTo(newest) >= 0, ZIP + " is older than the classes it should hold" + made);
        }
        unzip(ZIP, temp.resolve("unzipped"));
        install = temp.resolve("unzipped/playbook-" + VERSION);
        tools = Shell.essentials(temp.resolve("tools"));
        Files.createSymbolicLink(tools.resolve("java"), Shell.java());
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpacks as unzip does, keeping the Unix modes the zip records. */
    private static void unzip(Path zip, Path into) throws IOException {
        try (FileSystem archive = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> entries = Files.walk(archive.getPath("/"))) {
            for (Path entry : entries.toList()) {
                Path target = into.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entry, target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
                }
            }
        }
    }

    /** Every file below a folder with its mode, to compare two unpacked archives or a folder before and after. */
    private static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String mode = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
                        : Files.size(p) + (Files.isExecutable(p) ? " executable" : "");
                files.put(root.relativize(p).toString(), mode);
            }
        }
        return files;
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", tools.toString());
        env.put("HOME", temp.resolve("home").toString());
        return env;
    }

    @Test
    void theDownloadHoldsTheLaunchersTheJarAndTheLicenses() throws Exception {
        Map<String, String> files = listing(install);
        for (String file : List.of("bin/playbook", "bin/playbook.cmd", "lib/playbook.jar", "LICENSE", "README.txt",
                "THIRD-PARTY-NOTICES.txt", "licenses/Apache-2.0.txt")) {
            assertTrue(files.containsKey(file), file + " is missing: " + files.keySet());
        }
        assertTrue(Files.isExecutable(install.resolve("bin/playbook")), "the launcher must be executable once unzipped");
        assertArrayEquals(Files.readAllBytes(Path.of("bin/playbook")), Files.readAllBytes(install.resolve("bin/playbook")),
                "the download's launcher is the source tree's bin/playbook");
        String cmd = Files.readString(install.resolve("bin/playbook.cmd"));
        assertTrue(cmd.contains("\r\n") && !cmd.replace("\r\n", "").contains("\n"), "Windows line endings in playbook.cmd");
        assertTrue(Files.readString(install.resolve("README.txt")).contains("Playbook " + VERSION));

        Path untarred = temp.resolve("untarred");
        Files.createDirectories(untarred);
        Shell.Result tar = Shell.run(untarred, Map.of("PATH", System.getenv("PATH")), List.of("tar", "-xzf", TAR.toAbsolutePath().toString()));
        assertEquals(0, tar.code(), tar::toString);
        assertEquals(files, listing(untarred.resolve("playbook-" + VERSION)), "the .tar.gz holds what the .zip holds");
    }

    @Test
    void itBuildsASiteFromAnotherFolderWithOnlyJavaOnThePath() throws Exception {
        Path project = temp.resolve("work/examples");
        copy(Path.of("process-definitions"), project.resolve("process-definitions"));
        Map<String, String> env = environment();
        env.put("XDG_CACHE_HOME", temp.resolve("xdg-cache").toString());
        Map<String, String> installed = listing(install);
        assertFalse(Files.exists(tools.resolve("mvn")));

        Shell.Result first = Shell.run(project, env, List.of(install.resolve("bin/playbook").toString(), "build"));
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.out().startsWith("Built "), first::toString);
        assertEquals("", first.err(), "nothing but the summary: " + first);
        assertTrue(Files.isRegularFile(project.resolve("site/index.html")));
        List<Path> archives = archives(temp.resolve("xdg-cache/playbook"));
        assertEquals(1, archives.size(), "the class-data archive goes to $XDG_CACHE_HOME/playbook: " + archives);

        Shell.Result again = Shell.run(project, env, List.of(install.resolve("bin/playbook").toString(), "build", "--force"));
        assertEquals(0, again.code(), again::toString);
        assertEquals("", again.err(), again::toString);
        assertEquals(archives, archives(temp.resolve("xdg-cache/playbook")), "the archive is used, not made again");
        assertEquals(installed, listing(install), "nothing is ever written into the installation");
    }

    @Test
    void linkedIntoAFolderOnThePathItRunsAsPlaybookAndInitsAProjectWhoseNextStepsWork() throws Exception {
        Path bin = temp.resolve("home-bin");
        Files.createDirectories(bin);
        // a relative link, as `ln -s ../opt/playbook/bin/playbook ~/bin/` makes
        Files.createSymbolicLink(bin.resolve("playbook"), bin.relativize(install.resolve("bin/playbook")));
        Map<String, String> env = environment();
        env.put("PATH", bin + ":" + tools);
        Path work = temp.resolve("work/fresh");
        Files.createDirectories(work);

        Shell.Result version = Shell.sh(work, env, "playbook --version");
        assertEquals(0, version.code(), version::toString);
        List<String> lines = version.out().lines().toList();
        assertEquals("playbook " + VERSION, lines.get(0), version::toString);
        assertTrue(lines.get(1).matches("PlantUML \\d.*") && lines.get(2).matches("FreeMarker \\d.*")
                && lines.get(3).startsWith("Java " + Runtime.version()), version::toString);

        Shell.Result init = Shell.sh(work, env, "playbook init 'sales playbooks'");
        assertEquals(0, init.code(), init::toString);
        List<String> commands = new ArrayList<>();
        for (String line : init.out().lines().toList()) {
            if (line.startsWith("  ") && !line.startsWith("   ")) commands.add(line.strip());
        }
        assertEquals(List.of("cd 'sales playbooks'", "playbook serve", "playbook build"), commands, init::toString);

        Shell.Result build = Shell.sh(work, env, commands.get(0) + " && " + commands.get(2));
        assertEquals(0, build.code(), build::toString);
        assertTrue(Files.isRegularFile(work.resolve("sales playbooks/site/my-process/index.html")), build::toString);
        assertFalse(archives(temp.resolve("home/.cache/playbook")).isEmpty(), "without XDG_CACHE_HOME: ~/.cache/playbook");
    }

    private static List<Path> archives(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    @Test
    void theLaunchersExecutableBitIsInTheZipItself() throws IOException {
        try (FileSystem archive = FileSystems.newFileSystem(ZIP, Map.of("enablePosixFileAttributes", "true"))) {
            assertTrue(Files.getPosixFilePermissions(archive.getPath("/playbook-" + VERSION + "/bin/playbook"))
                    .contains(PosixFilePermission.OTHERS_EXECUTE));
        }
    }
}
