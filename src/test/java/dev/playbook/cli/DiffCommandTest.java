package dev.playbook.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playbook.testing.ChangeRepository;
import dev.playbook.testing.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code playbook diff} against a throw-away git repository: formats, exit codes and messages. */
class DiffCommandTest {
    @TempDir
    static Path repository;
    static String source;

    @BeforeAll
    static void makeRepository() throws Exception {
        source = ChangeRepository.create(repository).toString();
    }

    @Test
    void jsonListsEveryChangeWithKindsIdsAndValues() throws Exception {
        Cli.Result run = Cli.run("diff", "--source", source, "--from", "v2026.1", "--format", "json");
        assertEquals(0, run.code(), run::toString);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(1, json.get("format").asInt());
        assertEquals("v2026.1", json.get("from").asText());
        assertEquals("working tree", json.get("to").asText());
        assertTrue(json.get("changed").asBoolean());
        List<String> lines = new ArrayList<>();
        for (JsonNode playbook : json.get("playbooks")) {
            for (JsonNode c : playbook.get("changes")) {
                lines.add(String.join(" | ", playbook.get("id").asText(), c.get("kind").asText(), text(c.get("stage")),
                        text(c.get("subject")), value(c.get("before")), value(c.get("after"))));
            }
        }
        assertEquals(String.join("\n", ChangeRepository.EXPECTED), String.join("\n", lines));
        JsonNode b2b = json.get("playbooks").get(0);
        assertEquals("changed", b2b.get("status").asText());
        assertEquals("2026.1", b2b.get("from_version").asText());
        assertEquals("2026.2", b2b.get("to_version").asText());
        assertEquals("added", json.get("playbooks").get(1).get("status").asText());
        assertEquals("removed", json.get("playbooks").get(2).get("status").asText());
    }

    private static String text(JsonNode node) {
        return node.isNull() ? "" : node.asText();
    }

    private static String value(JsonNode node) {
        return node.isNull() ? "" : node.toString();
    }

    @Test
    void textSaysWhatChangedInPlainWords() {
        Cli.Result run = Cli.run("diff", "--source", source, "--from", "v2026.1");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().startsWith("Changes from v2026.1 to the working tree:\n"), run.out());
        assertTrue(run.out().contains("\nB2B complex sale (b2b): 50 changes, version 2026.1 → 2026.2\n"), run.out());
        assertTrue(run.out().contains("  Stage renamed (qualification): \"Qualification\" → \"Qualify\"\n"), run.out());
        assertTrue(run.out().contains("  Task moved in stage \"Qualify\" (qualification) [summary]: stage lead → stage qualification\n"),
                run.out());
        assertTrue(run.out().contains("  Probability changed (lead): 10% → 15%\n"), run.out());
        assertTrue(run.out().contains("\nNew process (new-one): new playbook, version 1.0\n"), run.out());
        assertTrue(run.out().contains("\nOld process (old-one): removed\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void markdownShowsRewordedTextWordByWord() {
        Cli.Result run = Cli.run("diff", "--source", source, "--from", "v2026.1", "--format", "markdown");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().startsWith("### What changed from v2026.1 to the working tree\n"), run.out());
        assertTrue(run.out().contains("\n#### B2B complex sale (`b2b`) · 50 changes, version 2026.1 → 2026.2\n"), run.out());
        assertTrue(run.out().contains("\n- **Exit criterion changed** in *Lead* (`lead`): The need is ~~known.~~ **written down.**\n"),
                run.out());
        assertTrue(run.out().contains("\n- **Task reworded** in *Lead* (`lead`) `call`: Call the lead **within an hour**\n"), run.out());
        assertTrue(run.out().contains("\n- **Stage renamed** `qualification`: ~~Qualification~~ **Qualify**\n"), run.out());
    }

    @Test
    void aFolderWorksTheSameAsARevision() {
        Cli.Result fromFolder = Cli.run("diff", "--source", source, "--from", ChangeRepository.FIXTURES.resolve("v1").toString(),
                "--format", "json");
        Cli.Result fromTag = Cli.run("diff", "--source", source, "--from", "v2026.1", "--format", "json");
        assertEquals(0, fromFolder.code(), fromFolder::toString);
        assertEquals(fromTag.out().replace("\"from\" : \"v2026.1\"", "\"from\" : \"FROM\""),
                fromFolder.out().replace("\"from\" : \"" + ChangeRepository.FIXTURES.resolve("v1") + "\"", "\"from\" : \"FROM\""));
    }

    @Test
    void noChangeIsStillSuccess() {
        Cli.Result run = Cli.run("diff", "--source", source, "--from", "main");
        assertEquals(0, run.code(), run::toString);
        assertEquals("No changes from main to the working tree.\n", run.out());
    }

    @Test
    void aBadRevisionExitsWithTwoAndSaysWhy() {
        Cli.Result run = Cli.run("diff", "--source", source, "--from", "v9.9");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().startsWith("playbook: `v9.9` is neither a folder nor a revision of the repository at "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMissingSourceFolderExitsWithTwo() {
        Cli.Result run = Cli.run("diff", "--source", repository.resolve("nowhere").toString(), "--from", "v2026.1");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("does not exist or is not a folder"), run.err());
    }

    @Test
    void aYamlErrorInTheRevisionIsReportedWithTheRevisionInItsPlace() {
        Cli.Result run = Cli.run("diff", "--source", source, "--from", "broken", "--to", "v2026.1");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().startsWith("broken:process-definitions/b2b.yaml:"), run.err());
        assertTrue(run.err().matches("(?s)broken:process-definitions/b2b\\.yaml:\\d+:\\d+: error: .*"), run.err());
        assertEquals("", run.out());
    }
}
