package dev.playbook.crm;

import dev.playbook.crm.hubspot.HubSpotExport;
import dev.playbook.crm.hubspot.HubSpotImport;
import dev.playbook.crm.salesforce.SalesforceExport;
import dev.playbook.crm.salesforce.SalesforceImport;
import dev.playbook.crm.starter.ImportedPipeline;
import dev.playbook.crm.starter.StarterPlaybooks;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import dev.playbook.model.StageStatus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Export, then import what was exported, then load the starter playbook that gives: every bundled
 * example (and the CRM fixtures) comes back with the same stage titles, order, statuses and
 * probabilities, rounded to HubSpot's steps of 10% for HubSpot.
 */
class RoundTripTest {
    @TempDir
    Path dir;

    /** A stage as the round trip must keep it: its title, status and the probability a CRM holds. */
    record Kept(String title, StageStatus status, int probability) {
    }

    @TestFactory
    Stream<DynamicTest> salesforce() {
        return cases().map(p -> DynamicTest.dynamicTest(p.id(), () -> {
            Path out = dir.resolve("sf-" + p.id());
            write(out, new SalesforceExport(), p);
            List<ImportedPipeline> imported = new SalesforceImport(n -> { }).read(out, out.toString(), null);
            assertEquals(expected(p, false), loaded(imported, "sf-" + p.id()));
            // the CRM's own names come back too
            Playbook back = rebuilt(imported, "sf-" + p.id());
            assertEquals(p.stages().stream().map(s -> s.crm().name() == null ? null : s.crm().name().value()).toList(),
                    back.stages().stream().map(s -> s.crm().name() == null ? null : s.crm().name().value()).toList());
        }));
    }

    @TestFactory
    Stream<DynamicTest> hubspot() {
        return cases().filter(p -> p.stages().stream().allMatch(s -> s.crm().name() == null))
                .map(p -> DynamicTest.dynamicTest(p.id(), () -> {
                    Path out = dir.resolve("hs-" + p.id());
                    write(out, new HubSpotExport(), p);
                    Path file = out.resolve("hubspot/" + p.id() + ".pipeline.json");
                    List<ImportedPipeline> imported = new HubSpotImport(n -> { }).read(file, file.toString(), null);
                    assertEquals(expected(p, true), loaded(imported, "hs-" + p.id()));
                }));
    }

    private static Stream<Playbook> cases() {
        List<Playbook> all = new ArrayList<>(CrmFixtures.site(CrmFixtures.EXAMPLES).playbooks());
        all.addAll(CrmFixtures.site(CrmFixtures.PLAYBOOKS).playbooks());
        return all.stream();
    }

    private static void write(Path out, CrmExport export, Playbook p) throws Exception {
        CrmFixtures.Exported exported = CrmFixtures.export(export, List.of(p), null);
        CrmFixtures.assertNoErrors(exported.diagnostics());
        new OutputFolder(out, out.toString()).write(exported.files(), false);
    }

    private static List<Kept> expected(Playbook p, boolean tensOnly) {
        List<Kept> kept = new ArrayList<>();
        for (Stage s : p.stages()) {
            int probability = switch (s.status()) {
                case WON -> 100;
                case LOST -> 0;
                case OPEN -> s.probability() == null ? 0 : s.probability();
            };
            if (tensOnly && s.isOpen()) probability = Math.min(90, (probability + 5) / 10 * 10);
            kept.add(new Kept(s.title(), s.status(), probability));
        }
        return kept;
    }

    private List<Kept> loaded(List<ImportedPipeline> imported, String name) throws Exception {
        return rebuilt(imported, name).stages().stream().map(s -> new Kept(s.title(), s.status(), s.probability())).toList();
    }

    /** The imported pipeline written as a starter playbook and loaded as the build loads it. */
    private Playbook rebuilt(List<ImportedPipeline> imported, String name) throws Exception {
        assertEquals(1, imported.size());
        Path folder = dir.resolve("yaml-" + name);
        Files.createDirectories(folder);
        StarterPlaybooks.Starter starter = new StarterPlaybooks(Clock.systemUTC()).make(imported, Map.of(), "CRM", "test").get(0);
        Files.write(folder.resolve(starter.file().path()), starter.file().content());
        Site site = CrmFixtures.site(folder);
        return site.playbooks().get(0);
    }
}
