package dev.playbook.cli;

import dev.playbook.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `playbook export` and `playbook import` as a user meets them: exit codes, messages, and what is (not) written. */
class CrmCommandsTest {
    private static final String VALUE_SET_XML = "force-app/main/default/standardValueSets/OpportunityStage.standardValueSet-meta.xml";
    private static final Path RESPONSE = Path.of("src/test/resources/crm/hubspot/pipelines-response.json");

    private static void assertNoStackTrace(Cli.Result run) {
        assertFalse(run.all().contains("Exception"), run::toString);
        assertFalse(run.all().contains("\tat "), run::toString);
    }

    private static long files(Path dir) throws Exception {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void helpNamesBothCommands() {
        Cli.Result run = Cli.run("--help");
        assertTrue(run.out().contains("export") && run.out().contains("import"), run::toString);
        assertEquals(0, Cli.run("export", "--help").code());
        assertEquals(0, Cli.run("import", "--help").code());
    }

    @Test
    void exportWritesOnceThenFindsItsFilesUnchangedAndRefusesToOverwriteOthers(@TempDir Path out) throws Exception {
        Cli.Result run = Cli.run("export", "salesforce", "--output", out.toString());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().startsWith("Exported 4 playbooks for Salesforce into " + out + ": 15 written, 0 unchanged"), run::toString);
        assertTrue(run.err().contains("process-definitions/b2b-finance.yaml:110:5: warning: stage `closing`"), run::toString);
        assertTrue(Files.exists(out.resolve(VALUE_SET_XML)));

        run = Cli.run("export", "salesforce", "--output", out.toString(), "-q");
        assertEquals(0, run.code(), run::toString);
        assertEquals("", run.out());

        Files.writeString(out.resolve("package.xml"), "<Package/>");
        run = Cli.run("export", "salesforce", "--output", out.toString(), "--playbook", "transactional");
        assertEquals(2, run.code(), run::toString);
        // one playbook alone also makes another stage list
        assertTrue(run.err().contains("2 files exist and differ from what would be written: " + out + "/" + VALUE_SET_XML + ", "
                + out + "/package.xml; nothing was written (--force replaces them)"), run::toString);
        assertEquals("<Package/>", Files.readString(out.resolve("package.xml")));

        run = Cli.run("export", "salesforce", "--output", out.toString(), "--playbook", "transactional", "--force");
        assertEquals(0, run.code(), run::toString);
        assertTrue(Files.readString(out.resolve("package.xml")).contains("<members>Opportunity.Online subscription sale</members>"));
        assertTrue(run.out().contains("sfdx-project.json left as it was"), run::toString);
        assertNoStackTrace(run);
    }

    @Test
    void definitionErrorsStopTheExportWithTheirPlaceAndExitOne(@TempDir Path out) throws Exception {
        Path target = out.resolve("crm");
        Cli.Result run = Cli.run("export", "hubspot", "--source", "src/test/resources/errors/load/crm-stage-block",
                "--output", target.toString());
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("src/test/resources/errors/load/crm-stage-block/playbook.yaml:10:17: error: `forecast` must be "
                + "a Salesforce forecast category"), run::toString);
        assertTrue(run.err().contains("; nothing was exported"), run::toString);
        assertFalse(Files.exists(target));
        assertNoStackTrace(run);
    }

    @Test
    void usageMistakesExitTwo(@TempDir Path out) {
        Cli.Result run = Cli.run("export", "zoho", "--output", out.toString());
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("`zoho` is not a CRM the export knows; use salesforce, hubspot or pipedrive"), run::toString);
        run = Cli.run("export", "hubspot", "--output", out.toString(), "--playbook", "nope");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("no playbook `nope` in process-definitions; its playbooks are: b2b-complex, b2b-complex-en, "
                + "b2b-finance, transactional"), run::toString);
        assertEquals(2, Cli.run("export", "salesforce", "--output", out.toString(), "--api-version", "12").code());
        assertEquals(2, Cli.run("export", "salesforce", "--output", out.toString(), "--base-url", "javascript:alert(1)").code());
        assertEquals(2, Cli.run("export", "salesforce").code());
        run = Cli.run("export", "salesforce", "--source", out.toString(), "--output", out.resolve("sf").toString());
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains(out + " has no playbooks to export"), run::toString);
        assertEquals(2, Cli.run("import", "hubspot", RESPONSE.toString(), "--process", "x", "--output", out.toString()).code());
        assertEquals(2, Cli.run("import", "pipedrive", RESPONSE.toString(), "--output", out.toString()).code());
    }

    @Test
    void importWritesStarterPlaybooksThatCheckWithoutErrors(@TempDir Path out) throws Exception {
        Cli.Result run = Cli.run("import", "hubspot", RESPONSE.toString(), "--output", out.toString());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("note: pipeline \"Partner deals (old)\" is archived and was left out"), run::toString);
        assertTrue(run.out().contains("Wrote " + out + "/sales-pipeline.yaml: playbook `sales-pipeline`, 7 stages"), run::toString);
        assertTrue(Files.readString(out.resolve("renewals.yaml")).startsWith("# Imported from HubSpot (deal pipeline \"Renewals\", id 8812345)"));
        Cli.Result check = Cli.run("check", "--source", out.toString(), "--no-cache");
        assertEquals(0, check.code(), check::toString);
        assertTrue(check.err().contains("warning"), check::toString);
        assertFalse(check.err().contains("error"), check::toString);

        Files.writeString(out.resolve("renewals.yaml"), "# edited\n" + Files.readString(out.resolve("renewals.yaml")));
        run = Cli.run("import", "hubspot", RESPONSE.toString(), "--output", out.toString(), "--pipeline", "Renewals");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains(out + "/renewals.yaml"), run::toString);
        assertTrue(Files.readString(out.resolve("renewals.yaml")).startsWith("# edited"));
        run = Cli.run("import", "hubspot", RESPONSE.toString(), "--output", out.toString(), "--pipeline", "Renewals", "--force");
        assertEquals(0, run.code(), run::toString);
        assertFalse(Files.readString(out.resolve("renewals.yaml")).startsWith("# edited"));
    }

    @Test
    void badInputIsNamedWithItsLineAndNothingIsWritten(@TempDir Path out) throws Exception {
        Path xxe = Path.of("src/test/resources/crm/salesforce/bad/xxe.standardValueSet-meta.xml");
        Cli.Result run = Cli.run("import", "salesforce", xxe.toString(), "--output", out.toString());
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().startsWith(xxe + ":2: error: the file declares a DTD"), run::toString);
        assertTrue(run.err().contains("nothing was written"), run::toString);
        assertFalse(run.all().contains("root:"), run::toString);
        assertEquals(0, files(out));

        run = Cli.run("import", "salesforce", "src/test/resources/crm/salesforce/project", "--process", "Nope", "--output", out.toString());
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("no sales process \"Nope\""), run::toString);
        run = Cli.run("import", "hubspot", "no-such-file.json", "--output", out.toString());
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().startsWith("no-such-file.json: error: no such file or folder"), run::toString);
        assertEquals(0, files(out));
        assertNoStackTrace(run);
    }

    @Test
    void aSalesforceProjectImportsAndExportsBackTheSameStages(@TempDir Path dir) throws Exception {
        Path definitions = dir.resolve("definitions");
        Cli.Result run = Cli.run("import", "salesforce", "src/test/resources/crm/salesforce/project", "--output", definitions.toString());
        assertEquals(0, run.code(), run::toString);
        Path project = dir.resolve("sf");
        run = Cli.run("export", "salesforce", "--source", definitions.toString(), "--output", project.toString());
        assertEquals(0, run.code(), run::toString);
        String valueSet = Files.readString(project.resolve(VALUE_SET_XML));
        assertTrue(valueSet.contains("<fullName>Negotiation/Review</fullName>"), valueSet);
        assertTrue(valueSet.contains("<label>Negotiation: Review &amp; &lt;Redlines&gt;</label>"), valueSet);
        assertTrue(Files.exists(project.resolve("force-app/main/default/objects/Opportunity/recordTypes/Enterprise_Deals.recordType-meta.xml")));
    }
}
