package dev.playbook.resolve;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.LoadedDefinitions;
import dev.playbook.load.Loader;
import dev.playbook.model.ExitCriterion;
import dev.playbook.model.Language;
import dev.playbook.model.Markdown;
import dev.playbook.model.Outcome;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import dev.playbook.model.StageDuration;
import dev.playbook.model.StageKind;
import dev.playbook.model.Target;
import dev.playbook.model.Task;
import dev.playbook.testing.DiagnosticSpec;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Variants ({@code extends:}) and the defaults of the format, checked on the resolved model.
 * Each fixture folder under {@code src/test/resources/variants/} is a small, valid source folder.
 */
@Execution(ExecutionMode.CONCURRENT)
class VariantMergeTest {

    /** Loads and resolves a fixture folder, insisting that it builds without a single diagnostic. */
    private static Site resolve(String fixture) {
        Diagnostics diagnostics = new Diagnostics();
        LoadedDefinitions loaded = new Loader().load(DiagnosticSpec.resource("variants/" + fixture), "", diagnostics);
        Site site = new Resolver().resolve(loaded, diagnostics);
        assertEquals(List.of(), diagnostics.sorted().stream().map(Diagnostic::toString).toList(),
                "fixture " + fixture + " should build cleanly");
        return site;
    }

    private static Playbook playbook(Site site, String id) {
        return site.playbooks().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no playbook " + id + " in " + site.playbooks().stream().map(Playbook::id).toList()));
    }

    private static Stage stage(Playbook playbook, String id) {
        return playbook.stage(id).orElseThrow(() -> new AssertionError("no stage " + id + " in " + playbook.id()));
    }

    private static List<String> stageIds(Playbook playbook) {
        return playbook.stages().stream().map(Stage::id).toList();
    }

    private static List<String> taskTitles(Stage stage) {
        return stage.tasks().stream().map(Task::title).toList();
    }

    private static List<String> criteria(Stage stage) {
        return stage.exitCriteria().stream().map(ExitCriterion::text).map(Markdown::source).toList();
    }

    private static Target toStage(String id) {
        return new Target.ToStage(id);
    }

    @Test
    void removeDropsAStageAndTheStageBeforeNowLeadsPastIt() {
        Site site = resolve("remove");
        Playbook base = playbook(site, "base");
        Playbook variant = playbook(site, "variant");
        assertEquals(List.of("qualification", "presentation", "closing"), stageIds(base), "the base is left as it was");
        assertEquals(List.of("qualification", "closing"), stageIds(variant));
        assertEquals(toStage("closing"), stage(variant, "qualification").next());
        assertEquals(new Target.ToEnd(Outcome.WON), stage(variant, "closing").next());
        assertEquals("Base process", variant.title(), "the title is inherited when the variant gives none");
        assertEquals("base", variant.extendsId());
    }

    @Test
    void aMergedStageKeepsInheritedFieldsAndReplacesGivenOnes() {
        Playbook variant = playbook(resolve("merge-fields"), "variant");
        Stage q = stage(variant, "qualification");
        assertEquals("Kwalifikacja finansowa", q.title());
        assertEquals(30, q.probability());
        assertEquals("Find out whether the lead is worth our time.", q.goal().source());
        assertEquals(new StageDuration(14, StageDuration.Unit.DAYS), q.duration());
        assertEquals(StageKind.ACTIVITY, q.kind());
        assertEquals(List.of("Call the lead", "Check the budget"), taskTitles(q));
        assertEquals(List.of("Budget confirmed"), criteria(q));
        assertEquals(List.of("What is your budget?"), q.questions().stream().map(Markdown::source).toList());
        assertEquals(List.of("qualification", "closing"), stageIds(variant), "a merged stage keeps its place");
        assertEquals("Finance variant", variant.title());
        assertEquals("2026.1", variant.version(), "playbook fields not given are inherited too");
        Stage baseQ = stage(playbook(resolve("merge-fields"), "base"), "qualification");
        assertEquals("Qualification", baseQ.title(), "merging does not change the base");
        assertEquals(20, baseQ.probability());
    }

    @Test
    void appendAddsToTheInheritedListAndAPlainListReplacesIt() {
        Playbook variant = playbook(resolve("append-and-replace"), "variant");
        Stage q = stage(variant, "qualification");
        assertEquals(List.of("Call the lead", "Check the budget", "Check the KYC status"), taskTitles(q));
        assertEquals(List.of("call-the-lead", "check-the-budget", "check-the-kyc-status"),
                q.tasks().stream().map(Task::id).toList());
        assertEquals(List.of("Budget confirmed", "Compliance officer informed"), criteria(q));
        assertEquals("Qualification", q.title());
        Stage closing = stage(variant, "closing");
        assertEquals(List.of("Send the contract by registered mail"), taskTitles(closing));
        assertEquals(List.of("Contract signed"), criteria(closing), "lists the variant does not give are inherited");
    }

    @Test
    void aNewStageGoesWhereAfterSaysAndTheStageBeforeLeadsToIt() {
        Playbook variant = playbook(resolve("insert-after"), "variant");
        assertEquals(List.of("qualification", "compliance", "presentation", "closing"), stageIds(variant));
        assertEquals(toStage("compliance"), stage(variant, "qualification").next());
        assertEquals(toStage("presentation"), stage(variant, "compliance").next());
        assertEquals(List.of("Send the security questionnaire"), taskTitles(stage(variant, "compliance")));
    }

    @Test
    void aNewStageGoesWhereBeforeSaysAndTheStageBeforeLeadsToIt() {
        Playbook variant = playbook(resolve("insert-before"), "variant");
        assertEquals(List.of("qualification", "presentation", "compliance", "closing"), stageIds(variant));
        assertEquals(toStage("compliance"), stage(variant, "presentation").next());
        assertEquals(toStage("closing"), stage(variant, "compliance").next());
        assertEquals(new Target.ToEnd(Outcome.WON), stage(variant, "closing").next());
    }

    @Test
    void aChainOfThreeAppliesEachVariantInOrder() {
        Site site = resolve("chain");
        assertEquals(List.of("a", "b", "c"), site.playbooks().stream().map(Playbook::id).toList());
        Playbook b = playbook(site, "b");
        assertEquals(List.of("qualification", "compliance", "presentation", "closing"), stageIds(b));
        assertEquals("Qualification (B)", stage(b, "qualification").title());
        Playbook c = playbook(site, "c");
        // c places `legal` before `compliance`, a stage that only b adds: b must be applied first
        assertEquals(List.of("qualification", "legal", "compliance", "closing"), stageIds(c));
        Stage q = stage(c, "qualification");
        assertEquals("Qualification (B)", q.title(), "b's change reaches c");
        assertEquals(List.of("Call the lead", "Check the sanctions list"), taskTitles(q), "a's tasks plus c's append");
        assertEquals(toStage("legal"), q.next());
        assertEquals(toStage("compliance"), stage(c, "legal").next());
        assertEquals(toStage("closing"), stage(c, "compliance").next());
        assertEquals("C", c.title());
        assertEquals("b", c.extendsId());
        assertEquals(List.of("qualification", "presentation", "closing"), stageIds(playbook(site, "a")));
    }

    @Test
    void taskIdsDefaultToTheSlugOfPolishTitles() {
        Stage s = stage(playbook(resolve("polish-task-ids"), "polish"), "prezentacja");
        assertEquals(List.of("zaplanuj-prezentacje", "zloz-oferte", "telefon"), s.tasks().stream().map(Task::id).toList());
        assertEquals(List.of("Zaplanuj prezentację", "Złóż ofertę", "Zadzwoń do decydenta"), taskTitles(s));
    }

    @Test
    void languageComesFromSiteYamlUnlessThePlaybookSetsIt() {
        Site site = resolve("language-from-site");
        assertEquals(Language.PL, site.settings().language());
        assertEquals(Language.PL, playbook(site, "default-language").language());
        assertEquals(Language.EN, playbook(site, "english").language());
    }

    @Test
    void languageIsEnglishWithoutSiteYaml() {
        Site site = resolve("language-default-en");
        assertEquals(Language.EN, site.settings().language());
        assertEquals(Language.EN, playbook(site, "no-site").language());
    }

    @Test
    void toWonAndToLostMeanTheOnlyStageOfThatStatus() {
        Playbook p = playbook(resolve("to-won-single"), "single-won");
        Stage q = stage(p, "qualification");
        assertEquals(List.of(toStage("closed-won"), toStage("closed-lost")), q.branches().stream().map(b -> b.to()).toList());
        assertEquals(toStage("closing"), q.next());
        assertEquals(toStage("closed-won"), stage(p, "closing").next(), "the default next skips the lost stage");
        assertNull(stage(p, "closed-won").next());
        assertNull(stage(p, "closed-lost").next());
    }

    @Test
    void toWonAndToLostMeanTheBuiltInEndsWhenNoStageHasThatStatus() {
        Playbook p = playbook(resolve("to-won-none"), "no-won");
        Stage q = stage(p, "qualification");
        assertEquals(List.of(new Target.ToEnd(Outcome.WON), new Target.ToEnd(Outcome.LOST)),
                q.branches().stream().map(b -> b.to()).toList());
        assertEquals(new Target.ToEnd(Outcome.WON), stage(p, "closing").next());
        assertTrue(p.stages().stream().allMatch(Stage::isOpen));
    }
}
