package dev.playbook.load;

import dev.playbook.diagnostics.Position;
import dev.playbook.model.ForecastCategory;
import dev.playbook.model.Markdown;
import dev.playbook.model.PaperSize;
import dev.playbook.model.Robots;
import dev.playbook.model.StageDuration;
import dev.playbook.model.StageKind;
import dev.playbook.model.StageStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * What the definition files say, as written and with positions, before variants are merged and
 * defaults applied. A null field was not written. Checks that need the whole playbook (required
 * fields of a merged stage, references) belong to the resolve step.
 */
public final class Definitions {
    private Definitions() {
    }

    public record PlaybookDefinition(
            String file,
            Position at,
            Located<String> id,
            Located<String> title,
            Located<String> language,
            Located<String> version,
            Located<String> owner,
            Markdown summary,
            Located<String> extendsId,
            ListValue<NamedDefinition> roles,
            ListValue<NamedDefinition> buyerJourney,
            ListValue<Located<String>> lossReasons,
            ListValue<StageDefinition> stages,
            ListValue<TrackDefinition> tracks,
            ListValue<Located<String>> remove,
            PlaybookCrmDefinition crm,
            Boolean pdf,
            Located<LocalDate> lastChanged) {
    }

    public record StageDefinition(
            Position at,
            Located<String> id,
            Located<String> title,
            Located<StageStatus> status,
            Located<StageKind> kind,
            Located<String> buyerPhase,
            Markdown goal,
            Markdown description,
            Markdown definition,
            ListValue<TaskDefinition> tasks,
            ListValue<ItemDefinition> exitCriteria,
            ListValue<ItemDefinition> buyerCommitments,
            ListValue<Markdown> questions,
            Located<Integer> probability,
            Located<StageDuration> duration,
            Located<String> next,
            ListValue<BranchDefinition> branches,
            Located<String> after,
            Located<String> before,
            StageCrmDefinition crm) {
    }

    /**
     * A stage's {@code crm:} block; null fields were not written. {@code at} is where the block
     * stands, or in a variant, the variant's entry for the stage.
     */
    public record StageCrmDefinition(
            Position at,
            Located<String> name,
            Located<ForecastCategory> forecast,
            ListValue<Located<String>> fields,
            Markdown guidance) {
    }

    /** A playbook's {@code crm:} block; null fields were not written. */
    public record PlaybookCrmDefinition(
            Position at,
            Located<String> salesforceProcess,
            Located<String> salesforceRecordType,
            Located<String> hubspotPipeline) {
    }

    /** An exit criterion or buyer commitment: its words, and the author's id when one is given ({@code id} may be null). */
    public record ItemDefinition(Position at, Located<String> id, Markdown text) {
    }

    public record TaskDefinition(
            Position at,
            Located<String> id,
            Located<String> title,
            Located<String> role,
            boolean optional,
            Markdown details,
            List<ResourceDefinition> resources) {
        public TaskDefinition {
            resources = List.copyOf(resources);
        }
    }

    public record ResourceDefinition(Position at, String title, String url) {
    }

    /** A role or a buyer phase: an id and a title. */
    public record NamedDefinition(Position at, Located<String> id, String title) {
    }

    public record BranchDefinition(Position at, String when, Located<String> to) {
    }

    public record TrackDefinition(
            Position at,
            Located<String> id,
            Located<String> title,
            ListValue<StageDefinition> stages,
            Located<String> returnsTo) {
    }

    /** @param changesSince the revision or folder the site marks changes since, or null */
    public record SiteDefinition(
            String file,
            Located<String> title,
            Located<String> language,
            String baseUrl,
            List<Markdown> auditQuestions,
            Markdown footer,
            Located<String> changesSince,
            Located<Robots> robots,
            Boolean pdf,
            Located<PaperSize> paper,
            List<LanguageText<String>> titles,
            List<LanguageText<Markdown>> footers) {
        public SiteDefinition {
            auditQuestions = List.copyOf(auditQuestions);
            titles = List.copyOf(titles);
            footers = List.copyOf(footers);
        }

        /** Settings as an absent or empty {@code site.yaml} gives them. */
        static SiteDefinition empty(String file) {
            return new SiteDefinition(file, null, null, null, List.of(), null, null, null, null, null, List.of(), List.of());
        }

        public SiteDefinition(String file, Located<String> title, Located<String> language, String baseUrl,
                              List<Markdown> auditQuestions, Markdown footer) {
            this(file, title, language, baseUrl, auditQuestions, footer, null, null, null, null, List.of(), List.of());
        }
    }

    /**
     * One language's text of a setting written per language ({@code title: { en: ..., pl: ... }});
     * the language is as written, checked by the resolve step.
     */
    public record LanguageText<T>(Located<String> language, T text) {
    }
}
