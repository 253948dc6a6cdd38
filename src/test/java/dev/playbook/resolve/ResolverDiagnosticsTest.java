package dev.playbook.resolve;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.LoadedDefinitions;
import dev.playbook.load.Loader;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import dev.playbook.model.Task;
import dev.playbook.testing.DiagnosticSpec;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Each folder under {@code errors/resolve} is one case; its files say what must be reported where. */
@Execution(ExecutionMode.CONCURRENT)
class ResolverDiagnosticsTest {

    @TestFactory
    Stream<DynamicTest> everyCaseReportsExactlyWhatItAnnounces() {
        return DiagnosticSpec.tests("resolve");
    }

    // Cases that must report nothing at all cannot be spec fixtures (a fixture must announce
    // something), so they are written here.

    @TempDir
    Path dir;

    private record Result(Site site, List<String> reported) {
    }

    private Result build(String... namesAndTexts) throws IOException {
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            Path file = dir.resolve(namesAndTexts[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, namesAndTexts[i + 1]);
        }
        Diagnostics diagnostics = new Diagnostics();
        LoadedDefinitions loaded = new Loader().load(dir, "", diagnostics);
        Site site = new Resolver().resolve(loaded, diagnostics);
        return new Result(site, diagnostics.sorted().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void anchorsAndAliasesUsedOnPurposeReportNothingAndExpand() throws IOException {
        Result r = build("playbook.yaml", """
                playbook: shared
                title: Shared task list
                stages:
                  - id: qualification
                    title: Qualification
                    tasks: &common
                      - Update the CRM
                      - title: Log the call
                        optional: true
                    exit_criteria: &done [The buyer agreed to the next step]
                  - &presentation
                    id: presentation
                    title: Presentation
                    tasks: *common
                    exit_criteria: *done
                  - <<: *presentation
                    id: closing
                    title: Closing
                """);
        assertEquals(List.of(), r.reported());
        Playbook p = r.site().playbooks().get(0);
        for (Stage s : p.stages()) {
            assertEquals(List.of("update-the-crm", "log-the-call"), s.tasks().stream().map(Task::id).toList(), s.id());
            assertEquals(1, s.exitCriteria().size(), s.id());
        }
        assertEquals(List.of("qualification", "presentation", "closing"), p.stages().stream().map(Stage::id).toList());
        assertEquals("Closing", p.stage("closing").orElseThrow().title());
    }

    @Test
    void anExplicitDocumentStartAndEndIsStillOneDocument() throws IOException {
        Result r = build("playbook.yaml", """
                ---
                playbook: explicit
                title: Explicit document markers
                stages:
                  - id: qualification
                    title: Qualification
                    tasks: [Call the lead]
                    exit_criteria: [Budget confirmed]
                ...
                """);
        assertEquals(List.of(), r.reported());
        assertEquals(1, r.site().playbooks().size());
    }

    @Test
    void aValidVariantChainWithTracksReportsNothing() throws IOException {
        Result r = build(
                "base.yaml", """
                        playbook: base
                        title: Base
                        roles: [{ id: ae, title: AE }]
                        buyer_journey: [{ id: exploring, title: Exploring }]
                        stages:
                          - id: qualification
                            title: Qualification
                            buyer_phase: exploring
                            tasks: [{ title: Call the lead, role: ae }]
                            exit_criteria: [Budget confirmed]
                            branches:
                              - { when: The lead goes cold, to: winback }
                              - { when: No budget, to: lost }
                          - id: closed-won
                            title: Won
                            status: won
                        tracks:
                          - id: winback
                            title: Winback
                            returns_to: qualification
                            stages:
                              - id: nurture
                                title: Nurture
                                tasks: [Send a newsletter]
                                exit_criteria: [The lead replies]
                        """,
                "sub/variant.yaml", """
                        playbook: variant
                        extends: base
                        stages:
                          - id: compliance
                            title: Compliance
                            after: qualification
                            tasks: [Send the questionnaire]
                            exit_criteria: [Questionnaire approved]
                        """);
        assertEquals(List.of(), r.reported());
        assertEquals(List.of("base", "variant"), r.site().playbooks().stream().map(Playbook::id).toList());
    }
}
