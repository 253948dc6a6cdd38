package dev.playbook.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.playbook.testing.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What init writes so that a project can be pushed as it is: .gitignore and the CI files of GitHub and GitLab. */
class InitPublishingTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    @TempDir
    static Path temp;
    static Path project;
    static JsonNode github;
    static JsonNode gitlab;

    @BeforeAll
    static void init() throws IOException {
        project = temp.resolve("sales");
        Cli.Result run = Cli.run("init", project.toString());
        assertEquals(Main.OK, run.code(), run::toString);
        github = YAML.readTree(project.resolve(".github/workflows/playbook.yml").toFile());
        gitlab = YAML.readTree(project.resolve(".gitlab-ci.yml").toFile());
    }

    @Test
    void gitIgnoresWhatTheBuildWrites() throws IOException {
        List<String> ignored = Files.readAllLines(project.resolve(".gitignore"));
        assertTrue(ignored.contains("/site/") && ignored.contains("/.playbook-cache/"), ignored::toString);
    }

    @Test
    void bothCiFilesDownloadTheReleaseThatWroteThem() throws IOException {
        String url = StarterFiles.releaseUrl(VersionProvider.version());
        assertEquals(url, github.at("/env/PLAYBOOK_URL").asText());
        assertEquals(url, gitlab.at("/variables/PLAYBOOK_URL").asText());
        for (String file : List.of(".github/workflows/playbook.yml", ".gitlab-ci.yml")) {
            assertFalse(Files.readString(project.resolve(file)).contains("@PLAYBOOK"), file);
        }
    }

    @Test
    void gitHubChecksPullRequestsOnTheirLinesCommentsTheChangesAndPublishesTheDefaultBranchToPages() {
        JsonNode check = github.at("/jobs/check");
        assertEquals("github.event_name == 'pull_request'", check.get("if").asText());
        assertEquals("write", check.at("/permissions/pull-requests").asText());
        assertTrue(runs(check).contains("playbook check --format github"), runs(check));
        assertTrue(runs(check).contains("playbook diff --from \"origin/$BASE\" --format markdown"), runs(check));
        assertTrue(runs(check).contains("gh pr comment \"$PULL_REQUEST\" --body-file"), runs(check));
        assertEquals("${{ github.token }}", stepWith(check, "gh pr comment").at("/env/GH_TOKEN").asText());

        JsonNode publish = github.at("/jobs/publish");
        assertTrue(publish.get("if").asText().contains("github.event.repository.default_branch"));
        assertEquals("write", publish.at("/permissions/pages").asText());
        assertEquals("write", publish.at("/permissions/id-token").asText());
        List<String> uses = new ArrayList<>();
        publish.get("steps").forEach(s -> uses.add(s.path("uses").asText()));
        for (String action : List.of("actions/setup-java@", "actions/configure-pages@", "actions/upload-pages-artifact@",
                "actions/deploy-pages@")) {
            assertTrue(uses.stream().anyMatch(u -> u.startsWith(action)), action + " in " + uses);
        }
        assertTrue(runs(publish).contains("playbook build"), runs(publish));
        assertEquals("site", stepWith(publish, "upload-pages-artifact").at("/with/path").asText());
    }

    @Test
    void gitLabChecksMergeRequestsAndPublishesPublicToPages() {
        assertTrue(text(gitlab.at("/check/script")).contains("playbook check"));
        assertTrue(text(gitlab.at("/changes/script")).contains("playbook diff --from"));
        JsonNode pages = gitlab.get("pages");
        assertTrue(text(pages.get("script")).contains("playbook build --output public"));
        assertEquals("public", pages.at("/artifacts/paths/0").asText());
        assertEquals("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", pages.at("/rules/0/if").asText());
    }

    /** Every Playbook command the CI files run is one the README documents, with options it documents. */
    @Test
    void theCommandsTheCiFilesRunAreTheOnesTheReadmeDocuments() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<List<String>> commands = new ArrayList<>();
        for (String script : List.of(runs(github.at("/jobs/check")), runs(github.at("/jobs/publish")),
                text(gitlab.at("/check/script")), text(gitlab.at("/changes/script")), text(gitlab.at("/pages/script")))) {
            for (String line : script.lines().map(String::strip).toList()) {
                if (!line.startsWith("playbook ")) continue;
                List<String> words = new ArrayList<>();
                Matcher m = WORD.matcher(line.split("[|>]")[0]);
                while (m.find()) words.add(m.group(1) != null ? m.group(1) : m.group(2));
                commands.add(words.subList(1, words.size()));
            }
        }
        assertEquals(Set.of("check", "diff", "build"), commands.stream().map(c -> c.get(0)).collect(Collectors.toSet()),
                commands::toString);
        CommandLine cli = new CommandLine(new Main());
        for (List<String> args : commands) {
            String command = args.get(0);
            assertTrue(readme.contains("playbook " + command), "the README does not document `playbook " + command + "`");
            args.stream().filter(a -> a.startsWith("--"))
                    .forEach(o -> assertTrue(readme.contains(o + " ") || readme.contains(o + "`"), "the README does not document " + o + " (" + args + ")"));
            // the commands of this build must accept the arguments as written
            if (cli.getSubcommands().containsKey(command)) cli.parseArgs(args.toArray(String[]::new));
        }
    }

    @Test
    void theFreshProjectPassesTheChecksItsCiRuns() {
        Cli.Result run = Cli.run("check", "--source", project.resolve("process-definitions").toString(), "--format", "github");
        assertEquals(Main.OK, run.code(), run::toString);
        assertFalse(run.out().contains("::error"), run::toString);
    }

    @Test
    void anExistingFileStopsInitAndIsNamed(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(".gitignore"), "mine\n");
        Files.createDirectories(folder.resolve(".github/workflows"));
        Files.writeString(folder.resolve(".github/workflows/playbook.yml"), "mine\n");
        Cli.Result run = Cli.run("init", folder.toString());
        assertEquals(Main.USAGE_OR_FAILURE, run.code(), run::toString);
        assertTrue(run.err().contains(".gitignore, .github/workflows/playbook.yml"), run::toString);
        assertEquals("mine\n", Files.readString(folder.resolve(".gitignore")));
        assertFalse(Files.exists(folder.resolve("process-definitions")), "nothing is written when a file exists");
    }

    @Test
    void theNextStepsGoIntoTheProjectFirst() {
        Cli.Result run = Cli.run("init", temp.resolve("other project").toString());
        assertEquals(Main.OK, run.code(), run::toString);
        assertTrue(run.out().contains("\n  cd " + Launcher.quote(temp.resolve("other project").toString()) + "\n"), run::toString);
        assertTrue(run.out().contains("\n  playbook build\n"), run::toString);
    }

    private static String runs(JsonNode job) {
        StringBuilder all = new StringBuilder();
        job.get("steps").forEach(step -> all.append(step.path("run").asText()).append('\n'));
        return all.toString();
    }

    private static JsonNode stepWith(JsonNode job, String text) {
        for (JsonNode step : job.get("steps")) {
            if (step.toString().contains(text)) return step;
        }
        throw new AssertionError("no step with " + text);
    }

    private static String text(JsonNode list) {
        StringBuilder all = new StringBuilder();
        list.forEach(line -> all.append(line.asText()).append('\n'));
        return all.toString();
    }
}
