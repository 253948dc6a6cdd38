package dev.playbook.crm.starter;

import dev.playbook.crm.CrmFixtures;
import dev.playbook.model.ForecastCategory;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import dev.playbook.model.StageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StarterPlaybooksTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:15:00Z"), ZoneOffset.UTC);

    /** Titles that break naive YAML: every one must come back exactly. */
    static final List<String> HOSTILE = List.of("Proposal/Price Quote", "Negotiation: Review", "# not a comment",
            "\"quoted\" and 'single'", "- looks like a list", "<Legacy> & [brackets] {braces}", "Zamknięcie łódź żółć",
            "yes", "null", "~", "100", "0x1F", "@at `tick`", "% percent", "!tag", "*alias", "&anchor", "? key", "| pipe",
            "> fold", "tab\there", "back\\slash", "trailing colon:", "emoji \uD83D\uDE80", "nbsp\u00A0inside", "a\u2028b",
            "bom\uFEFF", "\u0085next");

    private static ImportedStage stage(String title, StageStatus status, Integer probability) {
        return new ImportedStage(title, null, status, probability, null, null, List.of(), List.of());
    }

    @Test
    void hostileTitlesComeBackExactlyAndTheFileBuilds(@TempDir Path dir) throws Exception {
        List<ImportedStage> stages = new ArrayList<>();
        for (String t : HOSTILE) stages.add(stage(t, StageStatus.OPEN, 10));
        stages.add(new ImportedStage("Won", "Closed Won", StageStatus.WON, 100, null, "Line one: *kept*.\n\n# not a heading?\nlast",
                List.of("first: item", "multi\nline item"), List.of("Amount", "CloseDate")));
        stages.add(new ImportedStage("Lost", null, StageStatus.LOST, 0, null, " leading space\nsecond", List.of(), List.of()));
        stages.add(new ImportedStage("Commit", null, StageStatus.OPEN, 90, ForecastCategory.FORECAST, null, List.of(), List.of()));
        ImportedPipeline pipeline = new ImportedPipeline("Pipeline: \"hostile\" #1", "test", stages, "Hostile Sales",
                "Hostile: record type", "Pipeline: \"hostile\" #1");
        List<StarterPlaybooks.Starter> made = new StarterPlaybooks(CLOCK).make(List.of(pipeline), Map.of(), "Salesforce",
                "a folder\nwith a line break");
        assertEquals(1, made.size());
        StarterPlaybooks.Starter starter = made.get(0);
        assertEquals("pipeline-hostile-1", starter.id());
        String yaml = new String(starter.file().content(), StandardCharsets.UTF_8);
        assertTrue(yaml.startsWith("# Imported from Salesforce (test) by `playbook import`, 2026-03-02 09:15 UTC,\n# from a folder?with a line break.\n"),
                yaml);
        Files.write(dir.resolve(starter.file().path()), starter.file().content());
        Site site = CrmFixtures.site(dir);
        Playbook p = site.playbooks().get(0);
        assertEquals("Pipeline: \"hostile\" #1", p.title());
        List<String> titles = p.stages().stream().map(Stage::title).toList();
        List<String> expected = new ArrayList<>(HOSTILE);
        expected.addAll(List.of("Won", "Lost", "Commit"));
        assertEquals(expected, titles);
        Stage won = p.stages().get(HOSTILE.size());
        assertEquals(StageStatus.WON, won.status());
        assertEquals("Closed Won", won.crm().name().value());
        assertEquals(List.of("Amount", "CloseDate"), won.crm().fields());
        assertEquals("Line one: *kept*.\n\n# not a heading?\nlast", won.goal().source());
        assertEquals(List.of("first: item", "multi\nline item"), won.exitCriteria().stream().map(c -> c.text().source()).toList());
        assertEquals(" leading space\nsecond", p.stages().get(HOSTILE.size() + 1).goal().source());
        assertEquals(ForecastCategory.FORECAST, p.stages().get(HOSTILE.size() + 2).crm().forecast());
        assertEquals("Hostile Sales", p.crm().salesforceProcess().value());
        assertEquals("Hostile: record type", p.crm().salesforceRecordType().value());
        assertEquals(HOSTILE.size() + 3, p.stages().stream().map(Stage::id).distinct().count());
        assertTrue(starter.warnings() > 0);
    }

    @Test
    void idsAreSlugsMadeUniqueAndNeverTheReservedWords() throws Exception {
        List<ImportedStage> stages = List.of(stage("Won", StageStatus.WON, 100), stage("Lost", StageStatus.LOST, 0),
                stage("Qualification", StageStatus.OPEN, 10), stage("qualification!", StageStatus.OPEN, 20),
                stage("???", StageStatus.OPEN, 30), stage("x".repeat(70), StageStatus.OPEN, 40), stage("x".repeat(80), StageStatus.OPEN, 50));
        ImportedPipeline pipeline = new ImportedPipeline("Sales", "test", stages, null, null, null);
        StarterPlaybooks.Starter s = new StarterPlaybooks(CLOCK).make(List.of(pipeline, pipeline),
                Map.of("sales", "other/sales.yaml", "sales-2", "sales-2.yaml"), "HubSpot", "f.json").get(1);
        String yaml = new String(s.file().content(), StandardCharsets.UTF_8);
        for (String id : List.of("closed-won", "closed-lost", "qualification", "qualification-2", "stage-5", "x".repeat(63),
                "x".repeat(61) + "-2")) {
            assertTrue(yaml.contains("  - id: " + id + "\n"), id + " in\n" + yaml);
        }
        // `sales` belongs to another file; `sales-2` is this file's own name, which the second pipeline then cannot take
        assertEquals("sales-3", s.id());
        assertEquals("sales-3.yaml", s.file().path());
    }
}
