package dev.playbook.model;

import java.util.List;

/**
 * A stage of the process, fully resolved: defaults applied and every reference checked.
 * Optional values are null when the author left them out; {@code next} is null where the
 * path ends (a won or lost stage, or the last stage of a track that does not return).
 *
 * @param trackId the track the stage belongs to, or null for the main path
 * @param crm how the stage appears in a CRM; never null
 */
public record Stage(
        String id,
        String title,
        StageStatus status,
        StageKind kind,
        String buyerPhase,
        Markdown goal,
        Markdown description,
        Markdown definition,
        List<Task> tasks,
        List<ExitCriterion> exitCriteria,
        List<BuyerCommitment> buyerCommitments,
        List<Markdown> questions,
        Integer probability,
        StageDuration duration,
        Target next,
        List<Branch> branches,
        String trackId,
        StageCrm crm) {

    public Stage {
        tasks = List.copyOf(tasks);
        exitCriteria = List.copyOf(exitCriteria);
        buyerCommitments = List.copyOf(buyerCommitments);
        questions = List.copyOf(questions);
        branches = List.copyOf(branches);
    }

    public boolean isOpen() {
        return status == StageStatus.OPEN;
    }

    public boolean isWon() {
        return status == StageStatus.WON;
    }

    public boolean isLost() {
        return status == StageStatus.LOST;
    }

    /** An intermediate step rather than a milestone of the buyer's decision. */
    public boolean isActivity() {
        return kind == StageKind.ACTIVITY;
    }
}
