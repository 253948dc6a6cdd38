package dev.playbook.resolve;

import dev.playbook.crm.CrmFixtures;
import dev.playbook.model.ForecastCategory;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CrmSettingsTest {
    private static final Site SITE = CrmFixtures.site(CrmFixtures.PLAYBOOKS);

    private static Stage stage(Playbook p, String id) {
        return p.stage(id).orElseThrow();
    }

    @Test
    void theCrmBlocksReachTheModel() {
        Playbook p = CrmFixtures.playbook(SITE, "enterprise");
        assertEquals("Enterprise Sales", p.crm().salesforceProcess().value());
        assertEquals("Enterprise Deals", p.crm().salesforceRecordType().value());
        assertEquals("Enterprise deals", p.crm().hubspotPipeline().value());
        Stage proposal = stage(p, "proposal");
        assertEquals("Proposal/Price Quote", proposal.crm().name().value());
        assertEquals(ForecastCategory.BEST_CASE, proposal.crm().forecast());
        assertEquals(List.of("Amount", "CloseDate", "Next_Step__c"), proposal.crm().fields());
        Stage prospecting = stage(p, "prospecting");
        assertNull(prospecting.crm().name());
        assertEquals(List.of(), prospecting.crm().fields());
        assertEquals(10, prospecting.crm().at().line());
    }

    @Test
    void aVariantMergesAStagesCrmKeyByKeyButHasItsOwnPlaybookSettings() {
        Playbook p = CrmFixtures.playbook(SITE, "enterprise-emea");
        Stage negotiation = stage(p, "negotiation");
        assertEquals("Negotiation/Review EMEA", negotiation.crm().name().value());
        assertEquals(ForecastCategory.FORECAST, negotiation.crm().forecast());
        assertEquals("## Terms", negotiation.crm().guidance().source().lines().findFirst().orElseThrow());
        assertEquals("src/test/resources/crm/playbooks/enterprise-emea.yaml", negotiation.crm().at().file());
        // inherited unchanged: still the base's
        assertEquals(List.of("Amount", "CloseDate", "Next_Step__c"), stage(p, "proposal").crm().fields());
        assertEquals("src/test/resources/crm/playbooks/enterprise.yaml", stage(p, "proposal").crm().at().file());
        assertEquals("Enterprise EMEA", p.crm().salesforceProcess().value());
        assertNull(p.crm().salesforceRecordType());
        assertNull(p.crm().hubspotPipeline());
    }
}
