package dev.playbook.crm.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playbook.crm.CrmFixtures;
import dev.playbook.crm.CrmFixtures.Exported;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipedriveExportTest {
    @Test
    void openStagesBecomeStageRequestsAndWonAndLostAreLeftToTheDealStatus() throws Exception {
        Exported exported = CrmFixtures.export(new PipedriveExport(), CrmFixtures.site(CrmFixtures.PLAYBOOKS).playbooks(), null);
        JsonNode body = new ObjectMapper().readTree(exported.file("pipedrive/enterprise.stages.json").content());
        assertEquals("Enterprise: sales/EMEA & <partners>", body.get("pipeline").get("name").asText());
        List<String> names = new ArrayList<>();
        for (JsonNode s : body.get("stages")) names.add(s.get("name").asText());
        assertEquals(List.of("Prospecting: find <ICP> fits & book #1", "Proposal/Price Quote", "\"Negocjacje\" – warunki"), names);
        JsonNode first = body.get("stages").get(0);
        assertEquals(1, first.get("order_nr").asInt());
        assertEquals(10, first.get("deal_probability").asInt());
        assertTrue(first.get("is_deal_rot_allowed").asBoolean());
        assertEquals(14, first.get("days_to_rotten").asInt());
        JsonNode second = body.get("stages").get(1);
        assertFalse(second.get("is_deal_rot_allowed").asBoolean());
        assertFalse(second.has("days_to_rotten"));
        String readme = new String(exported.file("pipedrive/README.md").content(), StandardCharsets.UTF_8);
        assertTrue(readme.contains("Won and lost stages are not in the files."), readme);
        assertTrue(readme.contains("x-api-token: $PIPEDRIVE_TOKEN"), readme);
    }
}
