package dev.playbook.crm;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Severity;
import dev.playbook.load.Loader;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.resolve.Resolver;
import org.w3c.dom.Document;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Loading definition folders and running an export on them, for the CRM tests. */
public final class CrmFixtures {
    public static final Path EXAMPLES = Path.of("process-definitions");
    public static final Path PLAYBOOKS = Path.of("src/test/resources/crm/playbooks");
    public static final Path SALESFORCE = Path.of("src/test/resources/crm/salesforce");
    public static final Path HUBSPOT = Path.of("src/test/resources/crm/hubspot");

    private CrmFixtures() {
    }

    /** A folder of definitions that must load and resolve without an error. */
    public static Site site(Path folder) {
        Diagnostics diagnostics = new Diagnostics();
        Site site = new Resolver().resolve(new Loader().load(folder, folder.toString(), diagnostics), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        return site;
    }

    public static Playbook playbook(Site site, String id) {
        return site.playbooks().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** What an export gave: its files and everything it reported. */
    public record Exported(List<ExportFile> files, Diagnostics diagnostics) {
        public ExportFile file(String path) {
            return files.stream().filter(f -> f.path().equals(path)).findFirst()
                    .orElseThrow(() -> new AssertionError("no file " + path + " in " + files.stream().map(ExportFile::path).toList()));
        }

        public List<String> messages(Severity severity) {
            return diagnostics.sorted().stream().filter(d -> d.severity() == severity).map(Diagnostic::toString).toList();
        }
    }

    public static Exported export(CrmExport export, List<Playbook> playbooks, String baseUrl) {
        Diagnostics diagnostics = new Diagnostics();
        List<CrmPlaybook> pipelines = new ArrayList<>();
        for (Playbook p : playbooks) {
            CrmPlaybook pipeline = CrmPlaybooks.of(p, diagnostics);
            assertNotNull(pipeline, () -> diagnostics.sorted().toString());
            pipelines.add(pipeline);
        }
        List<ExportFile> files = export.export(pipelines, new ExportSettings(baseUrl, ExportSettings.DEFAULT_SALESFORCE_API_VERSION),
                diagnostics);
        return new Exported(files, diagnostics);
    }

    /** Parses XML with every external resource refused, as a test of well-formedness. */
    public static Document xml(byte[] content) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
    }

    public static void assertNoErrors(Diagnostics diagnostics) {
        assertEquals(List.of(), diagnostics.sorted().stream().filter(d -> d.severity() == Severity.ERROR).toList());
    }
}
