package dev.playbook.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playbook.crm.CrmFixtures;
import dev.playbook.crm.CrmFixtures.Exported;
import dev.playbook.crm.CrmStage;
import dev.playbook.crm.ExportFile;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Severity;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubSpotExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachPlaybookIsAPipelineRequestBody() throws Exception {
        Site site = CrmFixtures.site(CrmFixtures.PLAYBOOKS);
        Exported exported = CrmFixtures.export(new HubSpotExport(), site.playbooks(), null);
        CrmFixtures.assertNoErrors(exported.diagnostics());
        JsonNode body = JSON.readTree(exported.file("hubspot/enterprise.pipeline.json").content());
        assertEquals("Enterprise deals", body.get("label").asText());
        assertEquals(0, body.get("displayOrder").asInt());
        List<String> labels = new ArrayList<>();
        List<String> probabilities = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (JsonNode s : body.get("stages")) {
            labels.add(s.get("label").asText());
            probabilities.add(s.get("metadata").get("probability").asText());
            closed.add(s.get("metadata").get("isClosed").asText());
            assertEquals(labels.size() - 1, s.get("displayOrder").asInt());
        }
        assertEquals(List.of("Prospecting: find <ICP> fits & book #1", "Proposal/Price Quote", "\"Negocjacje\" – warunki",
                "- Wygrana", "Przegrana"), labels);
        assertEquals(List.of("0.1", "0.8", "0.9", "1.0", "0.0"), probabilities);
        assertEquals(List.of("false", "false", "false", "true", "true"), closed);
        // the variant has no pipeline of its own, so it is named after its title
        assertEquals("Enterprise EMEA", JSON.readTree(exported.file("hubspot/enterprise-emea.pipeline.json").content()).get("label").asText());
        List<String> warnings = exported.messages(Severity.WARNING);
        assertTrue(warnings.contains("src/test/resources/crm/playbooks/enterprise.yaml:38:7: warning: HubSpot takes deal "
                + "probabilities in steps of 10%, so the 75 of stage `proposal` becomes 0.8"), warnings.toString());
        String readme = new String(exported.file("hubspot/README.md").content(), StandardCharsets.UTF_8);
        assertTrue(readme.contains("Authorization: Bearer $HUBSPOT_TOKEN"), readme);
        assertTrue(readme.contains("${HUBSPOT_PIPELINES_URL:-https://api.hubapi.com/crm/v3/pipelines/deals}"), readme);
    }

    @Test
    void everyFileOfTheBundledExamplesParses() throws Exception {
        Exported exported = CrmFixtures.export(new HubSpotExport(), CrmFixtures.site(CrmFixtures.EXAMPLES).playbooks(), null);
        for (ExportFile f : exported.files()) {
            if (f.path().endsWith(".json")) assertTrue(JSON.readTree(f.content()).get("stages").isArray(), f.path());
        }
        assertEquals(5, exported.files().size());
    }

    @Test
    void probabilitiesAreRoundedToTenthsAndAnOpenStageNeverReadsAsWon() {
        Site site = CrmFixtures.site(CrmFixtures.EXAMPLES);
        Exported exported = CrmFixtures.export(new HubSpotExport(), List.of(CrmFixtures.playbook(site, "b2b-finance")), null);
        assertTrue(exported.messages(Severity.WARNING).contains("process-definitions/b2b-finance.yaml:47:5: warning: HubSpot takes "
                + "deal probabilities in steps of 10%, so the 65 of stage `compliance` becomes 0.7"));
        assertEquals("0.9", HubSpotExport.probability(new CrmStage(withProbability(
                CrmFixtures.playbook(site, "transactional").stages().get(0), 97), "x", "x"), new Diagnostics()));
        assertEquals("0.0", HubSpotExport.probability(new CrmStage(withProbability(
                CrmFixtures.playbook(site, "transactional").stages().get(0), 4), "x", "x"), new Diagnostics()));
    }

    private static Stage withProbability(Stage s, int p) {
        return new Stage(s.id(), s.title(), s.status(), s.kind(), s.buyerPhase(), s.goal(), s.description(),
                s.definition(), s.tasks(), s.exitCriteria(), s.buyerCommitments(), s.questions(), p, s.duration(), s.next(),
                s.branches(), s.trackId(), s.crm());
    }
}
