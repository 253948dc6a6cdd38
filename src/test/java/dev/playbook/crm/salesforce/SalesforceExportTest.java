package dev.playbook.crm.salesforce;

import dev.playbook.crm.CrmFixtures;
import dev.playbook.crm.CrmFixtures.Exported;
import dev.playbook.crm.ExportFile;
import dev.playbook.diagnostics.Severity;
import dev.playbook.model.Site;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesforceExportTest {
    private static final String NS = "http://soap.sforce.com/2006/04/metadata";
    private static final String BASE = "https://example.com/playbooks/";

    private static Exported fixtures() {
        Site site = CrmFixtures.site(CrmFixtures.PLAYBOOKS);
        return CrmFixtures.export(new SalesforceExport(), site.playbooks(), BASE);
    }

    private static List<String> texts(Document doc, String element) {
        NodeList nodes = doc.getElementsByTagNameNS(NS, element);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    @Test
    void everyXmlFileIsWellFormedSalesforceMetadata() throws Exception {
        for (Exported exported : List.of(fixtures(), CrmFixtures.export(new SalesforceExport(),
                CrmFixtures.site(CrmFixtures.EXAMPLES).playbooks(), null))) {
            CrmFixtures.assertNoErrors(exported.diagnostics());
            for (ExportFile f : exported.files()) {
                if (!f.path().endsWith(".xml")) continue;
                Document doc = CrmFixtures.xml(f.content());
                assertEquals(NS, doc.getDocumentElement().getNamespaceURI(), f.path());
                String root = doc.getDocumentElement().getLocalName();
                String expected = f.path().equals("package.xml") ? "Package"
                        : f.path().endsWith(".standardValueSet-meta.xml") ? "StandardValueSet"
                        : f.path().endsWith(".businessProcess-meta.xml") ? "BusinessProcess"
                        : f.path().endsWith(".recordType-meta.xml") ? "RecordType" : "PathAssistant";
                assertEquals(expected, root, f.path());
                assertTrue(new String(f.content(), StandardCharsets.UTF_8).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
            }
        }
    }

    @Test
    void namesWithSlashesColonsAndAngleBracketsSurviveTheXml() throws Exception {
        Exported exported = fixtures();
        Document valueSet = CrmFixtures.xml(exported.file(SalesforceExport.VALUE_SET).content());
        assertEquals(List.of("Prospecting: find <ICP> fits & book #1", "Proposal/Price Quote", "\"Negocjacje\" – warunki",
                "Negotiation/Review EMEA", "- Wygrana", "Przegrana"), texts(valueSet, "fullName"));
        // the label is the title; the API name is crm.name where there is one
        assertEquals(List.of("Prospecting: find <ICP> fits & book #1", "Propozycja/oferta cenowa", "\"Negocjacje\" – warunki",
                "Negocjacje EMEA", "- Wygrana", "Przegrana"), texts(valueSet, "label"));
        assertEquals(List.of("10", "75", "85", "85", "100", "0"), texts(valueSet, "probability"));
        assertEquals(List.of("Pipeline", "BestCase", "Forecast", "Forecast", "Closed", "Omitted"), texts(valueSet, "forecastCategory"));
        assertEquals(List.of("false", "false", "false", "false", "true", "true"), texts(valueSet, "closed"));
        assertEquals(List.of("false", "false", "false", "false", "true", "false"), texts(valueSet, "won"));
        String raw = new String(exported.file(SalesforceExport.VALUE_SET).content(), StandardCharsets.UTF_8);
        assertTrue(raw.contains("<fullName>Prospecting: find &lt;ICP&gt; fits &amp; book #1</fullName>"), raw);
    }

    @Test
    void eachPlaybookIsASalesProcessWithARecordTypeAndAPath() throws Exception {
        Exported exported = fixtures();
        Document process = CrmFixtures.xml(exported.file(SalesforceExport.PROCESSES + "Enterprise Sales.businessProcess-meta.xml").content());
        assertEquals(List.of("Enterprise Sales", "Prospecting: find <ICP> fits & book #1", "Proposal/Price Quote",
                "\"Negocjacje\" – warunki", "- Wygrana", "Przegrana"), texts(process, "fullName"));
        assertEquals(List.of("true"), texts(process, "isActive"));
        String description = texts(process, "description").get(0);
        assertTrue(description.length() <= SalesforceExport.MAX_DESCRIPTION, description);
        assertFalse(description.contains("**"), description);

        Document recordType = CrmFixtures.xml(exported.file(SalesforceExport.RECORD_TYPES + "Enterprise_Deals.recordType-meta.xml").content());
        assertEquals(List.of("Enterprise Sales"), texts(recordType, "businessProcess"));
        assertEquals(List.of("Enterprise Deals"), texts(recordType, "label"));

        Document variant = CrmFixtures.xml(exported.file(SalesforceExport.PROCESSES + "Enterprise EMEA.businessProcess-meta.xml").content());
        assertTrue(texts(variant, "fullName").contains("Negotiation/Review EMEA"));

        Document manifest = CrmFixtures.xml(exported.file(SalesforceExport.MANIFEST).content());
        assertEquals(List.of("Opportunity.Enterprise EMEA", "Opportunity.Enterprise Sales", "Enterprise_Deals_Path", "Enterprise_EMEA_Path",
                "Opportunity.Enterprise_Deals", "Opportunity.Enterprise_EMEA", "OpportunityStage"), texts(manifest, "members"));
        assertEquals(List.of("BusinessProcess", "PathAssistant", "RecordType", "StandardValueSet"), texts(manifest, "name"));
        assertEquals(List.of("66.0"), texts(manifest, "version"));
        for (String member : texts(recordType, "fullName")) assertTrue(ApiNames.isValid(member), member);
        assertTrue(exported.file("sfdx-project.json").onlyIfAbsent());
    }

    @Test
    void pathGuidanceIsRestrictedRichTextOfAtMostAThousandCharacters() throws Exception {
        Exported exported = fixtures();
        Document path = CrmFixtures.xml(exported.file(SalesforceExport.PATHS + "Enterprise_Deals_Path.pathAssistant-meta.xml").content());
        assertEquals(List.of("Opportunity"), texts(path, "entityName"));
        assertEquals(List.of("StageName"), texts(path, "fieldName"));
        assertEquals(List.of("Enterprise_Deals"), texts(path, "recordTypeName"));
        assertEquals(List.of("Amount", "CloseDate", "Next_Step__c", "Amount"), texts(path, "fieldNames"));
        List<String> infos = texts(path, "info");
        assertEquals(3, infos.size());
        Set<String> allowed = Set.of("p", "b", "strong", "i", "em", "u", "ul", "ol", "li", "a", "br");
        for (String info : infos) {
            assertTrue(info.length() <= PathGuidance.MAX_LENGTH, info.length() + ": " + info);
            for (Element e : Jsoup.parseBodyFragment(info).body().getAllElements()) {
                if (e.tagName().equals("body")) continue;
                assertTrue(allowed.contains(e.tagName()), e.tagName() + " in " + info);
                for (var attribute : e.attributes()) {
                    assertEquals("href", attribute.getKey(), info);
                    assertTrue(attribute.getValue().startsWith("https://"), info);
                }
            }
            assertFalse(info.contains("<script"), info);
        }
        // generated: the goal, "Move on when:" in the playbook's language, the exit criteria
        assertTrue(infos.get(0).startsWith("<p>Find <strong>companies</strong> that fit the <a href=\"https://example.com/icp\">ICP</a>"),
                infos.get(0));
        assertTrue(infos.get(0).contains("<p>Przejdź dalej, gdy:</p><ul><li>The account has an <em>owner</em></li>"), infos.get(0));
        // too long: whole items only, then a link to the stage's page
        String cut = infos.get(1);
        assertTrue(cut.endsWith("<p><a href=\"https://example.com/playbooks/enterprise/stages/proposal.html\">Więcej w playbooku</a></p>"), cut);
        assertTrue(cut.contains("</li></ul><p><a"), cut);
        assertFalse(cut.contains("security questionnaire"), cut);
        // the author's own guidance: headings bold, tables as lines, code as text, unsafe links as words
        assertTrue(infos.get(2).startsWith("<p><strong>Terms</strong></p>"), infos.get(2));
        assertTrue(infos.get(2).contains("and this.</p>"), infos.get(2));
        assertTrue(infos.get(2).contains("&lt;b&gt;code&lt;/b&gt; stays text"), infos.get(2));
        List<String> warnings = exported.messages(Severity.WARNING);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("src/test/resources/crm/playbooks/enterprise.yaml:38:7: warning: "
                + "the Salesforce guidance of stage `proposal` is ")), warnings.toString());
    }

    @Test
    void withoutTheSiteAddressLongGuidanceEndsWithItsLastWholeItem() throws Exception {
        Site site = CrmFixtures.site(CrmFixtures.PLAYBOOKS);
        Exported exported = CrmFixtures.export(new SalesforceExport(), List.of(CrmFixtures.playbook(site, "enterprise")), null);
        Document path = CrmFixtures.xml(exported.file(SalesforceExport.PATHS + "Enterprise_Deals_Path.pathAssistant-meta.xml").content());
        String cut = texts(path, "info").get(1);
        assertTrue(cut.endsWith("</li></ul>"), cut);
        assertTrue(cut.length() <= PathGuidance.MAX_LENGTH);
        assertTrue(exported.messages(Severity.WARNING).stream().anyMatch(w -> w.contains("set `base_url` in site.yaml")));
    }

    @Test
    void aStageSharedByTwoPlaybooksKeepsTheFirstOnesProbabilityAndSaysSo() {
        Site site = CrmFixtures.site(CrmFixtures.EXAMPLES);
        Exported exported = CrmFixtures.export(new SalesforceExport(), site.playbooks(), null);
        CrmFixtures.assertNoErrors(exported.diagnostics());
        assertTrue(exported.messages(Severity.WARNING).contains("process-definitions/b2b-finance.yaml:110:5: warning: stage `closing` "
                + "is the Salesforce stage `Zamknięcie`, which playbook `b2b-complex` exports with the probability 80; Salesforce "
                + "keeps one probability per stage, so this playbook's 85 is not exported; give this stage its own `crm.name` to "
                + "keep it apart"), exported.messages(Severity.WARNING).toString());
    }

    @Test
    void theStageListKeepsEveryPlaybooksOrder() throws Exception {
        Site site = CrmFixtures.site(CrmFixtures.EXAMPLES);
        Exported exported = CrmFixtures.export(new SalesforceExport(), site.playbooks(), null);
        List<String> all = texts(CrmFixtures.xml(exported.file(SalesforceExport.VALUE_SET).content()), "fullName");
        for (var p : site.playbooks()) {
            List<String> mine = p.stages().stream().map(s -> s.title()).toList();
            assertEquals(mine, all.stream().filter(mine::contains).toList(), p.id());
        }
        // b2b-finance puts its compliance stage between two stages b2b-complex has next to each other
        assertTrue(all.indexOf("Weryfikacja zgodności") > all.indexOf("Radzenie sobie z obiekcjami"));
        assertTrue(all.indexOf("Weryfikacja zgodności") < all.indexOf("Zamknięcie"));
    }

    @Test
    void processNamesFromTitlesLoseTheCharactersFilesCannotHave() {
        assertEquals("Enterprise sales EMEA", SalesforceExport.processName("Enterprise: sales/EMEA", "x"));
        assertEquals("b2b", SalesforceExport.processName("::", "b2b"));
        assertEquals(80, SalesforceExport.processName("a".repeat(100), "x").length());
    }
}
