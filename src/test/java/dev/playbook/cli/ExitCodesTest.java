package dev.playbook.cli;

import dev.playbook.testing.Cli;
import dev.playbook.testing.Unwritable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exit codes follow the kind of failure, never its wording, and a user's mistake on the command
 * line gets a plain message and exit 2, never "internal error".
 */
class ExitCodesTest {
    private static final String MINIMAL = "src/test/resources/site/minimal";
    /** Only a hang guard for the serve runs, which must end by themselves: not a speed check. */
    private static final Duration HANG = Duration.ofMinutes(2);

    private static void assertPlainUsageFailure(Cli.Result run, String... words) {
        assertEquals(Main.USAGE_OR_FAILURE, run.code(), run::toString);
        assertFalse(run.all().contains("internal error"), () -> "a user's mistake was called an internal error:\n" + run);
        assertFalse(run.all().contains("Exception"), () -> "an exception name reached the user:\n" + run);
        assertFalse(run.all().contains("\tat "), () -> "a stack trace reached the user:\n" + run);
        for (String word : words) assertTrue(run.err().contains(word), () -> "the message should say `" + word + "`:\n" + run);
    }

    private static Cli.Result serve(String... args) {
        return assertTimeoutPreemptively(HANG, () -> Cli.run(args));
    }

    // -- point 10: the exit code comes from the kind of failure --------------------------------

    @Test
    void anOutputThatIsAFileExitsTwoWhateverItIsCalled(@TempDir Path temp) throws IOException {
        for (String name : new String[] {"template error", "other"}) {
            Path file = temp.resolve(name);
            Files.writeString(file, "not a folder\n");
            Cli.Result run = Cli.run("build", "--source", MINIMAL, "--output", file.toString(), "--no-cache");
            assertPlainUsageFailure(run, file.toString());
            assertEquals("not a folder\n", Files.readString(file));
        }
    }

    // -- point 11: the source folder ------------------------------------------------------------

    @Test
    void aMissingSourceFolderIsBadUsageForEveryCommand(@TempDir Path temp) {
        String missing = temp.resolve("no-such-folder").toString();
        assertPlainUsageFailure(Cli.run("build", "--source", missing, "--output", temp.resolve("out").toString(), "--no-cache"),
                missing, "does not exist");
        assertPlainUsageFailure(Cli.run("check", "--source", missing, "--no-cache"), missing, "does not exist");
        assertPlainUsageFailure(serve("serve", "--source", missing, "--port", "0", "--no-cache"), missing, "does not exist");
        assertFalse(Files.exists(temp.resolve("out")), "a build without a source wrote something");
    }

    @Test
    void aFileGivenAsTheSourceFolderIsBadUsage(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("b2b.yaml"), "playbook: b2b\n");
        assertPlainUsageFailure(Cli.run("build", "--source", file.toString(), "--output", temp.resolve("out").toString(),
                "--no-cache"), file.toString(), "not a folder");
        assertPlainUsageFailure(Cli.run("check", "--source", file.toString(), "--no-cache"), file.toString(), "not a folder");
        assertPlainUsageFailure(serve("serve", "--source", file.toString(), "--port", "0", "--no-cache"), "not a folder");
    }

    @Test
    void aMissingTemplatesFolderIsBadUsage(@TempDir Path temp) {
        String missing = temp.resolve("my-theme").toString();
        assertPlainUsageFailure(Cli.run("check", "--source", MINIMAL, "--templates", missing, "--no-cache"),
                missing, "does not exist");
    }

    @Test
    void checkInAMachineFormatStillSaysWhatIsWrongInThatFormat(@TempDir Path temp) {
        String missing = temp.resolve("no-such-folder").toString();
        Cli.Result json = Cli.run("check", "--source", missing, "--no-cache", "--format", "json");
        assertEquals(Main.USAGE_OR_FAILURE, json.code(), json::toString);
        assertTrue(json.out().contains("\"failure\" : \"the source folder " + missing.replace("\\", "\\\\")), json::toString);
        assertTrue(json.out().contains("\"failureKind\" : \"usage\""), json::toString);
        Cli.Result github = Cli.run("check", "--source", missing, "--no-cache", "--format", "github");
        assertEquals(Main.USAGE_OR_FAILURE, github.code(), github::toString);
        assertTrue(github.out().startsWith("::error title=playbook::the source folder "), github::toString);
    }

    // -- point 11: serve's port -------------------------------------------------------------------

    @Test
    void aPortOutsideTheRangeIsBadUsageBeforeAnythingIsBuilt() {
        for (String port : new String[] {"99999", "-5", "65536"}) {
            Cli.Result run = serve("serve", "--source", MINIMAL, "--port", port, "--no-cache");
            assertPlainUsageFailure(run, port, "0 to 65535");
            assertFalse(run.out().contains("Rebuilt"), () -> "the site was built before the port was checked:\n" + run);
        }
    }

    // -- point 11: init ---------------------------------------------------------------------------

    @Test
    void initIntoAPlaceThatCannotHoldAFolderIsBadUsage(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "mine\n");
        Cli.Result run = Cli.run("init", file.resolve("project").toString());
        assertPlainUsageFailure(run, "cannot");
        assertEquals("mine\n", Files.readString(file));
    }

    @Test
    void initIntoAFolderItMayNotWriteIsBadUsageAndLeavesNothingBehind(@TempDir Path temp) throws Exception {
        Path locked = Files.createDirectories(temp.resolve("project"));
        Files.createDirectories(locked.resolve("process-definitions"));
        assertTrue(Unwritable.make(locked), "cannot make a folder unwritable here");
        try {
            Cli.Result run = Cli.run("init", locked.toString());
            assertPlainUsageFailure(run, "cannot", "schema");
            assertEquals(0, MainTest.listing(locked.resolve("process-definitions")).size(),
                    "init left half a project behind");
        } finally {
            Unwritable.undo(locked);
        }
    }
}
