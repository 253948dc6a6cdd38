package dev.playbook.dist;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/playbook with a fake {@code java}: a shell script that reports the version it is told to
 * and, when started for real, prints the arguments it was given, one a line. So the launcher's
 * choices (which Java, which options, where the archive goes) are seen without starting a JVM.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("bin/playbook").toAbsolutePath();

    @TempDir
    Path temp;
    Path essentials;
    Path jar;
    Path cache;

    @BeforeEach
    void setUp() throws IOException {
        essentials = Shell.essentials(temp.resolve("essentials"));
        jar = temp.resolve("lib/playbook.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not really a jar");
        // an hour old, so that an archive made now is newer on any file system's clock
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        cache = temp.resolve("cache");
    }

    /** A Java installation of the given version whose java prints its name and arguments. */
    private Path fakeJava(String name, String version) throws IOException {
        Path home = temp.resolve(name);
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = "-version" ]; then
                  echo 'openjdk version "%s" 2024-01-16' >&2
                  echo 'OpenJDK Runtime Environment (build %s)' >&2
                  exit 0
                fi
                echo "java of %s"
                for arg in "$@"; do
                  printf '%%s\\n' "$arg"
                  case $arg in -XX:ArchiveClassesAtExit=*) echo archive > "${arg#*=}" ;; esac
                done
                exit "${FAKE_JAVA_STATUS:-0}"
                """.formatted(version, version, name), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private Map<String, String> environment(String path) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", path);
        env.put("HOME", temp.resolve("home").toString());
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("PLAYBOOK_JAR", jar.toString());
        return env;
    }

    private Shell.Result launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = Stream.concat(Stream.of(LAUNCHER.toString()), Stream.of(args)).toList();
        return Shell.run(temp, env, command);
    }

    @ParameterizedTest
    @CsvSource({"11.0.22, 11", "1.8.0_392, 8", "9-ea, 9"})
    void aJavaOlderThan17IsNamedWithWhatToInstallAndExitsWith2(String version, String major) throws Exception {
        Path old = fakeJava("old", version);
        Shell.Result run = launch(environment(old.resolve("bin") + ":" + essentials), "build");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("Playbook needs Java 17 or newer, but " + old.resolve("bin/java")
                + " is Java " + major + " (" + version + ")"), run::toString);
        assertTrue(run.err().contains("Install Java 17 or newer"), run::toString);
        assertTrue(run.err().contains("https://adoptium.net/"), run::toString);
        assertFalse(run.out().contains("java of"), "an old Java is never started for real");
    }

    @Test
    void noJavaAtAllSaysWhatToInstall() throws Exception {
        Shell.Result run = launch(environment(essentials.toString()), "build");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("there is no java on the PATH"), run::toString);
        assertTrue(run.err().contains("Install Java 17 or newer"), run::toString);
    }

    @Test
    void aJavaHomeWithoutJavaIsNamed() throws Exception {
        Map<String, String> env = environment(essentials.toString());
        env.put("JAVA_HOME", temp.resolve("nothing-here").toString());
        Shell.Result run = launch(env, "build");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("JAVA_HOME is " + temp.resolve("nothing-here")), run::toString);
    }

    @ParameterizedTest
    @CsvSource({"17.0.15", "21-ea", "25", "25.0.3"})
    void java17AndNewerRunsTheJarWithTheArgumentsAsGiven(String version) throws Exception {
        Path ok = fakeJava("ok", version);
        Shell.Result run = launch(environment(ok.resolve("bin") + ":" + essentials), "build", "--output", "my site");
        assertEquals(0, run.code(), run::toString);
        List<String> args = run.out().lines().toList();
        assertEquals("java of ok", args.get(0));
        assertEquals(List.of("-jar", jar.toString(), "build", "--output", "my site"), args.subList(args.size() - 5, args.size()));
        assertTrue(args.contains("-XX:TieredStopAtLevel=1"), "a small site gets the quick compiler only: " + args);
    }

    @Test
    void javaHomeComesBeforeThePath() throws Exception {
        Path onPath = fakeJava("on-path", "17.0.1");
        Path home = fakeJava("java-home", "21.0.2");
        Map<String, String> env = environment(onPath.resolve("bin") + ":" + essentials);
        env.put("JAVA_HOME", home.toString());
        Shell.Result run = launch(env, "--version");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().startsWith("java of java-home\n"), run::toString);
    }

    @Test
    void theReleaseFileOfTheRuntimeIsReadWithoutStartingIt() throws Exception {
        // the binary would claim 17, but the installation says 11: the launcher must not need to ask it
        Path jdk = fakeJava("jdk", "17.0.9");
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"11.0.2\"\n"
                + "JAVA_RUNTIME_VERSION=\"11.0.2+9\"\n");
        Shell.Result run = launch(environment(jdk.resolve("bin") + ":" + essentials), "build");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("is Java 11 (11.0.2+9)"), run::toString);
    }

    @Test
    void theArchiveIsMadeInTheUserCacheThenUsedAndANewJarGetsANewOne() throws Exception {
        Path ok = fakeJava("ok", "17.0.15");
        Map<String, String> env = environment(ok.resolve("bin") + ":" + essentials);

        Shell.Result first = launch(env, "build");
        assertEquals(0, first.code(), first::toString);
        Path archive = onlyArchive();
        assertTrue(archive.startsWith(cache.resolve("playbook")), archive.toString());
        assertTrue(first.out().lines().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + archive + ".")),
                "made under a name of its own, then renamed: " + first);

        Shell.Result second = launch(env, "build");
        assertTrue(second.out().lines().anyMatch(a -> a.equals("-XX:SharedArchiveFile=" + archive)), second::toString);

        Files.writeString(jar, "a new build of the jar, of another size");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 5_000));
        Shell.Result third = launch(env, "build");
        assertTrue(third.out().lines().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")), third::toString);
        Path renewed = onlyArchive();
        assertFalse(renewed.equals(archive), "the archive of the old jar is replaced, not kept beside the new one");
        try (Stream<Path> files = Files.list(jar.getParent())) {
            assertEquals(List.of(jar), files.toList(), "nothing is written beside the jar");
        }
    }

    @Test
    void onlyABuildThatSucceedsMakesTheArchive() throws Exception {
        Path ok = fakeJava("ok", "17.0.15");
        Map<String, String> env = environment(ok.resolve("bin") + ":" + essentials);
        for (List<String> args : List.of(List.of("--help"), List.of("--version"), List.of("build", "--help"),
                List.of("diff", "--from", "v1"), List.of("serve"))) {
            Shell.Result run = launch(env, args.toArray(String[]::new));
            assertEquals(0, run.code(), run::toString);
            assertFalse(run.out().contains("ArchiveClasses"), () -> args + " should not make the archive: " + run);
        }
        env.put("FAKE_JAVA_STATUS", "1");
        Shell.Result failed = launch(env, "build");
        assertEquals(1, failed.code(), "the build's own exit code is kept: " + failed);
        assertTrue(failed.out().contains("-XX:ArchiveClassesAtExit="), failed::toString);
        assertEquals(List.of(), archives(), "a failed build leaves no archive, nor half of one");
        env.remove("FAKE_JAVA_STATUS");
        Shell.Result built = launch(env, "build", "--source", "process-definitions");
        assertEquals(0, built.code(), built::toString);
        onlyArchive();
    }

    private Path onlyArchive() throws IOException {
        List<Path> all = archives();
        assertEquals(1, all.size(), all::toString);
        return all.get(0);
    }

    private List<Path> archives() throws IOException {
        if (!Files.isDirectory(cache.resolve("playbook"))) return List.of();
        try (Stream<Path> files = Files.list(cache.resolve("playbook"))) {
            return files.toList();
        }
    }

    @Test
    void aLargeSiteGetsTheQuickCompilerOnlyToo() throws Exception {
        // measured faster at every size, a thousand playbooks too, forced or cold
        Path ok = fakeJava("ok", "17.0.15");
        Path many = temp.resolve("many");
        Files.createDirectories(many);
        for (int i = 0; i <= 1000; i++) Files.writeString(many.resolve("p" + i + ".yaml"), "");
        Shell.Result run = launch(environment(ok.resolve("bin") + ":" + essentials), "build", "--source", many.toString());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().lines().anyMatch(a -> a.equals("-XX:TieredStopAtLevel=1")), run::toString);
    }

    @Test
    void theOptimisingCompilerCanBeAskedFor() throws Exception {
        Path ok = fakeJava("ok", "17.0.15");
        Map<String, String> env = environment(ok.resolve("bin") + ":" + essentials);
        env.put("PLAYBOOK_JAVA_OPTS", "-XX:TieredStopAtLevel=4");
        List<String> args = launch(env, "build").out().lines().toList();
        // the JVM takes the last of two settings of one option
        assertTrue(args.lastIndexOf("-XX:TieredStopAtLevel=4") > args.lastIndexOf("-XX:TieredStopAtLevel=1"), args::toString);
    }

    @Test
    void moreJvmOptionsArePassedAsWords() throws Exception {
        Path ok = fakeJava("ok", "17.0.15");
        Map<String, String> env = environment(ok.resolve("bin") + ":" + essentials);
        env.put("PLAYBOOK_JAVA_OPTS", "-Xmx64m -Dsome.glob=*");
        List<String> args = launch(env, "build").out().lines().toList();
        assertTrue(args.contains("-Xmx64m") && args.contains("-Dsome.glob=*"), args::toString);
        assertTrue(args.indexOf("-Xmx64m") < args.indexOf("-jar"), args::toString);
    }
}
