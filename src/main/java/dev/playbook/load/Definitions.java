package dev.playbook.load;

import dev.playbook.diagnostics.Position;
import dev.playbook.model.Markdown;
import dev.playbook.model.PaperSize;
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
            ListValue<Markdown> exitCriteria,
            ListValue<Markdown> buyerCommitments,
            ListValue<Markdown> questions,
            Located<Integer> probability,
            Located<StageDuration> duration,
            Located<String> next,
            ListValue<BranchDefinition> branches,
            Located<String> after,
            Located<String> before) {
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

    public record SiteDefinition(
            String file,
            Located<String> title,
            Located<String> language,
            String baseUrl,
            List<Markdown> auditQuestions,
            Markdown footer,
            Boolean pdf,
            Located<PaperSize> paper) {
        public SiteDefinition {
            auditQuestions = List.copyOf(auditQuestions);
        }
    }
}
