package dev.playbook.cli;

import dev.playbook.testing.Cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playbook.testing.DiagnosticSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `check --format` reports the same findings for people, for tools and for GitHub Actions. */
class CheckFormatsTest {
    private static final String SOURCE = DiagnosticSpec.resource("cli/known-errors").toString();

    private static Cli.Result check(String format) {
        return Cli.run("check", "--source", SOURCE, "--no-cache", "--format", format);
    }

    @Test
    void textIsOneCompilerStyleLinePerFinding() {
        Cli.Result run = check("text");
        assertEquals(Main.DEFINITION_ERRORS, run.code());
        String file = SOURCE.replace('\\', '/') + "/known.yaml";
        assertTrue(run.err().contains(file + ":6:5: error: unknown key `exit_criterias` in a stage; did you mean `exit_criteria`?"), run.err());
        assertTrue(run.err().contains(file + ":8:18: error: `probability` is a percentage from 0 to 100; 150 is outside it"), run.err());
        assertTrue(run.err().contains(file + ":4:9: warning: open stage `qualification` has no exit criteria"), run.err());
    }

    @Test
    void jsonListsEveryFindingWithItsPlace() throws Exception {
        Cli.Result run = check("json");
        assertEquals(Main.DEFINITION_ERRORS, run.code());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(false, report.get("ok").asBoolean());
        assertEquals(2, report.get("errors").asInt());
        assertEquals(1, report.get("warnings").asInt());
        JsonNode first = report.get("diagnostics").get(0);
        assertEquals("warning", first.get("severity").asText());
        assertTrue(first.get("file").asText().endsWith("known.yaml"));
        assertEquals(4, first.get("line").asInt());
        assertEquals(9, first.get("column").asInt());
        JsonNode second = report.get("diagnostics").get(1);
        assertEquals("error", second.get("severity").asText());
        assertEquals(6, second.get("line").asInt());
        assertEquals(5, second.get("column").asInt());
        assertTrue(second.get("message").asText().startsWith("unknown key `exit_criterias`"));
    }

    @Test
    void githubPrintsWorkflowAnnotations() {
        Cli.Result run = check("github");
        assertEquals(Main.DEFINITION_ERRORS, run.code());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        String file = SOURCE.replace('\\', '/').replace(":", "%3A") + "/known.yaml";
        assertTrue(lines.contains("::error file=" + file + ",line=6,col=5,title=playbook error::unknown key `exit_criterias` "
                + "in a stage; did you mean `exit_criteria`?"), run.out());
        assertTrue(lines.get(0).startsWith("::warning file=" + file + ",line=4,col=9,"), run.out());
    }

    /** A user's stage template whose second line asks for a field a stage does not have. */
    private static Path brokenTemplates(Path temp) throws IOException {
        Path templates = Files.createDirectories(temp.resolve("templates"));
        Files.writeString(templates.resolve("stage.ftlh"), "<p>fine</p>\n<p>${stage.noSuchField}</p>\n", StandardCharsets.UTF_8);
        return templates;
    }

    private static Cli.Result checkWithTemplates(Path templates, String format) {
        return Cli.run("check", "--source", DiagnosticSpec.resource("site/minimal").toString(), "--templates",
                templates.toString(), "--no-cache", "--format", format);
    }

    @Test
    void aTemplateErrorIsADiagnosticAtTheTemplatesLineAndColumn(@TempDir Path temp) throws Exception {
        Path templates = brokenTemplates(temp);
        String file = templates.toString().replace('\\', '/') + "/stage.ftlh";

        Cli.Result json = checkWithTemplates(templates, "json");
        assertEquals(Main.DEFINITION_ERRORS, json.code(), json::toString);
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertEquals(1, report.get("errors").asInt(), json::toString);
        assertTrue(report.get("failure").isNull(), json::toString);
        JsonNode error = report.get("diagnostics").get(0);
        assertEquals("error", error.get("severity").asText());
        assertEquals(file, error.get("file").asText());
        assertEquals(2, error.get("line").asInt());
        assertEquals(6, error.get("column").asInt());
        assertTrue(error.get("message").asText().contains("stage.noSuchField"), json::toString);
        String message = error.get("message").asText();
        assertTrue(!message.contains("\n") && !message.contains("\\n") && !message.contains("----"),
                "the message should be one plain line: " + message);

        Cli.Result github = checkWithTemplates(templates, "github");
        assertEquals(Main.DEFINITION_ERRORS, github.code(), github::toString);
        List<String> lines = github.out().lines().toList();
        assertEquals(1, lines.size(), github::toString);
        assertTrue(lines.get(0).startsWith("::error file=" + file.replace(":", "%3A") + ",line=2,col=6,"), github::toString);

        Cli.Result text = checkWithTemplates(templates, "text");
        assertEquals(Main.DEFINITION_ERRORS, text.code(), text::toString);
        assertTrue(text.err().startsWith(file + ":2:6: error: "), text::toString);
    }

    @Test
    void aTemplateSyntaxErrorIsADiagnosticToo(@TempDir Path temp) throws Exception {
        Path templates = Files.createDirectories(temp.resolve("templates"));
        Files.writeString(templates.resolve("playbook.ftlh"), "<p>fine</p>\n<p>fine</p>\n  <#if>\n</#if>\n",
                StandardCharsets.UTF_8);
        Cli.Result json = checkWithTemplates(templates, "json");
        assertEquals(Main.DEFINITION_ERRORS, json.code(), json::toString);
        JsonNode error = new ObjectMapper().readTree(json.out()).get("diagnostics").get(0);
        assertEquals(templates.toString().replace('\\', '/') + "/playbook.ftlh", error.get("file").asText(), json::toString);
        assertEquals(3, error.get("line").asInt(), json::toString);
    }

    @Test
    void aBrokenWordsFileIsADiagnosticNotAnInternalError(@TempDir Path temp) throws Exception {
        Path templates = Files.createDirectories(temp.resolve("templates"));
        Files.writeString(templates.resolve("messages_en.properties"), "nav.home=Start \\u12\n", StandardCharsets.UTF_8);
        Cli.Result json = checkWithTemplates(templates, "json");
        assertEquals(Main.DEFINITION_ERRORS, json.code(), json::toString);
        JsonNode error = new ObjectMapper().readTree(json.out()).get("diagnostics").get(0);
        assertEquals(templates.toString().replace('\\', '/') + "/messages_en.properties", error.get("file").asText(),
                json::toString);
        assertTrue(error.get("message").asText().contains("four hexadecimal digits"), json::toString);
    }

    @Test
    void anUnknownFormatIsBadUsage() {
        assertEquals(Main.USAGE_OR_FAILURE, check("xml").code());
    }
}
