package dev.playbook.crm.hubspot;

import dev.playbook.crm.CrmFixtures;
import dev.playbook.crm.starter.BadInputException;
import dev.playbook.crm.starter.ImportedPipeline;
import dev.playbook.crm.starter.ImportedStage;
import dev.playbook.model.StageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubSpotImportTest {
    private static final Path RESPONSE = CrmFixtures.HUBSPOT.resolve("pipelines-response.json");
    private final List<String> notes = new ArrayList<>();

    private List<ImportedPipeline> read(Path file, String pipeline) throws BadInputException {
        return new HubSpotImport(notes::add).read(file, file.toString(), pipeline);
    }

    @Test
    void aResponseGivesEveryLivePipelineWithItsStagesInDisplayOrder() throws Exception {
        List<ImportedPipeline> pipelines = read(RESPONSE, null);
        assertEquals(List.of("Sales Pipeline", "Renewals"), pipelines.stream().map(ImportedPipeline::title).toList());
        assertTrue(notes.contains("pipeline \"Partner deals (old)\" is archived and was left out"), notes.toString());
        ImportedPipeline sales = pipelines.get(0);
        assertEquals(List.of("Appointment scheduled", "Qualified to buy", "Demo: \"live\" #2 <remote>", "- Decyzja zarządu: zgoda",
                "Contract sent", "Closed won", "Closed lost"), sales.stages().stream().map(ImportedStage::title).toList());
        assertTrue(notes.contains("pipeline \"Sales Pipeline\": the archived stage \"Old stage (do not use)\" was left out"),
                notes.toString());
        assertEquals(List.of(20, 40, 55, 80, 90, 100, 0), sales.stages().stream().map(ImportedStage::probability).toList());
        assertEquals(List.of(StageStatus.OPEN, StageStatus.OPEN, StageStatus.OPEN, StageStatus.OPEN, StageStatus.OPEN,
                StageStatus.WON, StageStatus.LOST), sales.stages().stream().map(ImportedStage::status).toList());
        assertEquals("Sales Pipeline", sales.hubspotPipeline());
        // isClosed and probability as booleans and numbers, not strings
        ImportedPipeline renewals = pipelines.get(1);
        assertEquals(List.of(StageStatus.OPEN, StageStatus.WON, StageStatus.LOST),
                renewals.stages().stream().map(ImportedStage::status).toList());
    }

    @Test
    void pipelinePicksOneByIdOrLabel() throws Exception {
        assertEquals("Renewals", read(RESPONSE, "8812345").get(0).title());
        assertEquals("Sales Pipeline", read(RESPONSE, "default").get(0).title());
        assertEquals("Renewals", read(RESPONSE, "renewals").get(0).title());
        assertEquals("Partner deals (old)", read(RESPONSE, "Partner deals (old)").get(0).title());
        BadInputException e = assertThrows(BadInputException.class, () -> read(RESPONSE, "Enterprise"));
        assertEquals(RESPONSE + ": error: no pipeline with the id or label \"Enterprise\"; the file has: default (\"Sales Pipeline\"), "
                + "8812345 (\"Renewals\"), 5550001 (\"Partner deals (old)\")", e.getMessage());
    }

    @Test
    void badFilesAreRefusedWithAClearMessage() {
        Path dir = CrmFixtures.HUBSPOT;
        assertBad(dir.resolve("not-json.json"), "not valid JSON: Unexpected close marker ']': expected '}'");
        assertBad(dir.resolve("duplicate-key.json"), "not valid JSON: Duplicate field 'label'");
        assertBad(dir.resolve("unrelated.json"), "this is not a HubSpot pipelines response (`{\"results\": [...]}`) nor a pipeline (with `stages`)");
        assertBad(dir.resolve("ticket-pipeline.json"), "pipeline \"Support Pipeline\" is a ticket pipeline (its stages have a "
                + "`ticketState`); import a deal pipeline");
        assertBad(dir.resolve("bad-probability.json"), "pipeline \"Sales\", stage \"Qualified\": the probability \"40\" is not a "
                + "number from 0.0 to 1.0");
        assertBad(CrmFixtures.SALESFORCE.resolve("bad/not-xml.csv"), "not valid JSON: Unrecognized token 'fullName'");
    }

    @Test
    void hostileNumbersAndSizesAreRefusedOrRoundedQuickly(@TempDir Path dir) throws Exception {
        Path tiny = dir.resolve("tiny.json");
        Files.writeString(tiny, "{\"label\": \"P\", \"stages\": [{\"label\": \"A\", \"displayOrder\": 0, "
                + "\"metadata\": {\"isClosed\": \"false\", \"probability\": \"1e-999999999\"}}]}");
        assertEquals(0, read(tiny, null).get(0).stages().get(0).probability());
        StringBuilder many = new StringBuilder("{\"label\": \"P\", \"stages\": [");
        for (int i = 0; i <= HubSpotExport.MAX_STAGES; i++) {
            many.append(i == 0 ? "" : ",").append("{\"label\": \"S").append(i).append("\", \"displayOrder\": ").append(i)
                    .append(", \"metadata\": {\"probability\": \"0.1\"}}");
        }
        Path big = dir.resolve("many.json");
        Files.writeString(big, many.append("]}").toString());
        BadInputException e = assertThrows(BadInputException.class, () -> read(big, null));
        assertEquals(big + ": error: pipeline \"P\" has 101 stages; a HubSpot pipeline has at most 100", e.getMessage());
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "[".repeat(5000) + "]".repeat(5000));
        e = assertThrows(BadInputException.class, () -> read(deep, null));
        assertTrue(e.problem().startsWith("not valid JSON"), e.getMessage());
    }

    private void assertBad(Path file, String problemStart) {
        BadInputException e = assertThrows(BadInputException.class, () -> read(file, null));
        assertEquals(file.toString(), e.file());
        assertTrue(e.problem().startsWith(problemStart), e.getMessage());
    }
}
