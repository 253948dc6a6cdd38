package dev.playbook.crm.salesforce;

import dev.playbook.crm.CrmFixtures;
import dev.playbook.crm.starter.BadInputException;
import dev.playbook.crm.starter.ImportedPipeline;
import dev.playbook.crm.starter.ImportedStage;
import dev.playbook.model.ForecastCategory;
import dev.playbook.model.StageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesforceImportTest {
    private static final Path PROJECT = CrmFixtures.SALESFORCE.resolve("project");
    private static final Path VALUE_SET = PROJECT.resolve("force-app/main/default/standardValueSets/OpportunityStage.standardValueSet-meta.xml");
    private static final Path BAD = CrmFixtures.SALESFORCE.resolve("bad");

    private final List<String> notes = new ArrayList<>();

    private List<ImportedPipeline> read(Path input, String process) throws BadInputException {
        return new SalesforceImport(notes::add).read(input, input.toString(), process);
    }

    private static List<String> titles(ImportedPipeline p) {
        return p.stages().stream().map(ImportedStage::title).toList();
    }

    private static ImportedStage stage(ImportedPipeline p, String title) {
        return p.stages().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void aValueSetGivesItsActiveStagesInTheFilesOrder() throws Exception {
        List<ImportedPipeline> pipelines = read(VALUE_SET, null);
        assertEquals(1, pipelines.size());
        ImportedPipeline p = pipelines.get(0);
        assertEquals(List.of("Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers",
                "Perception Analysis", "Proposal/Price Quote", "Negotiation: Review & <Redlines>", "Closed Won",
                "Closed Won: Expansion", "Closed Lost", "Closed Lost: No Budget"), titles(p));
        assertTrue(notes.contains("the stage \"<Legacy> Discovery\" is inactive and was left out"), notes.toString());
        assertTrue(notes.contains("the stage \"Closed Lost - Duplicate\" is inactive and was left out"), notes.toString());
        assertEquals(StageStatus.WON, stage(p, "Closed Won: Expansion").status());
        assertEquals(StageStatus.LOST, stage(p, "Closed Lost: No Budget").status());
        assertEquals(StageStatus.OPEN, stage(p, "Proposal/Price Quote").status());
        assertEquals(75, stage(p, "Proposal/Price Quote").probability());
        assertEquals(100, stage(p, "Closed Won").probability());
        // the API name differs from the label, so it is kept to export back
        assertEquals("Negotiation/Review", stage(p, "Negotiation: Review & <Redlines>").crmName());
        assertNull(stage(p, "Proposal/Price Quote").crmName());
        // forecast categories other than the default of the status are kept
        assertEquals(ForecastCategory.BEST_CASE, stage(p, "Proposal/Price Quote").forecast());
        assertEquals(ForecastCategory.FORECAST, stage(p, "Negotiation: Review & <Redlines>").forecast());
        assertNull(stage(p, "Prospecting").forecast());
        assertNull(stage(p, "Closed Won").forecast());
        assertNull(p.salesforceProcess());
    }

    @Test
    void aProjectFolderGivesEachActiveSalesProcessWithItsPath() throws Exception {
        List<ImportedPipeline> pipelines = read(PROJECT, null);
        assertEquals(List.of("Enterprise Sales", "SMB Quick Sale"), pipelines.stream().map(ImportedPipeline::title).toList());
        assertTrue(notes.contains("sales process \"Renewals\" is inactive and was left out (--process \"Renewals\" imports it)"),
                notes.toString());
        ImportedPipeline enterprise = pipelines.get(0);
        // the value set's order, not the business process file's
        assertEquals(List.of("Prospecting", "Qualification", "Id. Decision Makers", "Proposal/Price Quote",
                "Negotiation: Review & <Redlines>", "Closed Won", "Closed Lost"), titles(enterprise));
        assertTrue(notes.contains("sales process \"Enterprise Sales\" lists the stage \"Verbal Commit\", which the value set "
                + "does not have; it was left out"), notes.toString());
        assertEquals("Enterprise Sales", enterprise.salesforceProcess());
        assertEquals("Enterprise Deals", enterprise.salesforceRecordType());

        ImportedStage prospecting = stage(enterprise, "Prospecting");
        assertEquals(List.of("Amount", "CloseDate", "NextStep"), prospecting.fields());
        assertEquals("**Goal:** find companies that fit the ICP & book a first call.", prospecting.goal());
        assertEquals(List.of("The account has an owner", "A first meeting is booked *(date in the CRM)*"), prospecting.exitCriteria());

        ImportedStage qualification = stage(enterprise, "Qualification");
        assertEquals(5, qualification.fields().size());
        assertTrue(notes.stream().anyMatch(n -> n.contains("more than 5 key fields")), notes.toString());
        // a web link stays a link; a script and a javascript: link keep no more than their words
        assertEquals("Run the call with the [BANT guide](https://example.com/bant).", qualification.goal());
        assertEquals(List.of("Budget, authority, need & timing are in the CRM", "Decision maker named"), qualification.exitCriteria());

        // the export's own words come back out: no "Move on when:", no link to the stage's page
        ImportedStage proposal = stage(enterprise, "Proposal/Price Quote");
        assertEquals("Send a proposal priced for the buyer's \\*real\\* scope.", proposal.goal());
        assertEquals(List.of("The buyer confirmed the scope"), proposal.exitCriteria());

        ImportedPipeline smb = pipelines.get(1);
        assertEquals(List.of("Qualification", "Proposal/Price Quote", "Closed Won", "Closed Won: Expansion", "Closed Lost",
                "Closed Lost: No Budget"), titles(smb));
        assertTrue(smb.stages().stream().allMatch(s -> s.goal() == null && s.fields().isEmpty()));
    }

    @Test
    void processPicksOneSalesProcessEvenAnInactiveOne() throws Exception {
        assertEquals(List.of("Renewals"), read(PROJECT, "renewals").stream().map(ImportedPipeline::title).toList());
        BadInputException e = assertThrows(BadInputException.class, () -> read(PROJECT, "Enterprise"));
        assertEquals(PROJECT + ": error: no sales process \"Enterprise\"; the folder has: \"Enterprise Sales\", \"Renewals\", "
                + "\"SMB Quick Sale\"", e.getMessage());
        e = assertThrows(BadInputException.class, () -> read(VALUE_SET, "Enterprise Sales"));
        assertTrue(e.getMessage().contains("--process picks a sales process of a project folder"), e.getMessage());
    }

    @Test
    void aFileWithADtdIsRefusedBeforeAnythingInItIsRead() {
        for (String name : List.of("xxe.standardValueSet-meta.xml", "entity-bomb.standardValueSet-meta.xml",
                "external-dtd.standardValueSet-meta.xml")) {
            BadInputException e = assertThrows(BadInputException.class, () -> read(BAD.resolve(name), null));
            assertEquals(BAD.resolve(name).toString(), e.file());
            assertEquals(2, e.line(), e.getMessage());
            assertTrue(e.problem().startsWith("the file declares a DTD"), e.getMessage());
            assertFalse(e.getMessage().contains("root:"), e.getMessage());
        }
    }

    @Test
    void badFilesAreNamedWithTheirLine() {
        assertBad("business-process-not-value-set.xml", 2, "the root element is <BusinessProcess>, not <StandardValueSet>; "
                + "this is not a value set (OpportunityStage.standardValueSet-meta.xml)");
        assertBad("wrong-namespace.xml", 2, "<StandardValueSet> is not in Salesforce's metadata namespace "
                + "(http://soap.sforce.com/2006/04/metadata) but in http://example.com/not-salesforce");
        assertBad("not-well-formed.xml", 8, "not well-formed XML: The element type \"fullName\" must be terminated by the "
                + "matching end-tag \"</fullName>\".");
        assertBad("empty-value-set.xml", 2, "the value set has no stages (<standardValue>)");
        assertBad("all-inactive.xml", 2, "every stage of the value set is inactive");
        assertBad("bad-probability.xml", 7, "<probability> should be a percentage from 0 to 100, not \"ten\"");
        assertBad("duplicate-value.xml", 6, "the stage \"prospecting\" is listed twice (first at line 3)");
        BadInputException e = assertThrows(BadInputException.class, () -> read(BAD.resolve("not-xml.csv"), null));
        assertEquals(1, e.line());
        assertTrue(e.problem().startsWith("not well-formed XML"), e.getMessage());
    }

    private void assertBad(String file, int line, String problem) {
        BadInputException e = assertThrows(BadInputException.class, () -> read(BAD.resolve(file), null));
        assertEquals(BAD.resolve(file) + ":" + line + ": error: " + problem, e.getMessage());
    }

    @Test
    void aFolderWithoutAValueSetAndAHugeFileAreRefused(@TempDir Path dir) throws Exception {
        BadInputException e = assertThrows(BadInputException.class, () -> read(dir, null));
        assertTrue(e.problem().startsWith("no OpportunityStage value set in this folder"), e.getMessage());
        Path huge = dir.resolve("OpportunityStage.standardValueSet-meta.xml");
        try (var out = Files.newOutputStream(huge)) {
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 11; i++) out.write(block);
        }
        e = assertThrows(BadInputException.class, () -> read(huge, null));
        assertEquals(huge + ": error: the file is 11 MB; a CRM export to import is at most 10 MB", e.getMessage());
    }
}
