package dev.playbook.render;

import dev.playbook.model.Outcome;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;
import dev.playbook.model.Target;
import dev.playbook.plan.PageLinks;

import java.util.List;

/**
 * Answers the questions a template asks about a playbook (where does this target lead, what is
 * this role called, which stage comes before this one) in the page's language and with links
 * relative to the page.
 */
public final class PlaybookView {
    private final Playbook playbook;
    private final PageLinks links;
    private final Messages messages;

    public PlaybookView(Playbook playbook, PageLinks links, Messages messages) {
        this.playbook = playbook;
        this.links = links;
        this.messages = messages;
    }

    public String targetTitle(Target target) {
        if (target instanceof Target.ToStage s) return playbook.stage(s.stageId()).map(Stage::title).orElse(s.stageId());
        if (target instanceof Target.ToTrack t) {
            return playbook.track(t.trackId()).map(tr -> tr.title()).orElse(t.trackId());
        }
        Target.ToEnd end = (Target.ToEnd) target;
        return messages.get(end.outcome() == Outcome.WON ? "end.won" : "end.lost");
    }

    /** The link for a target, or an empty string for a built-in end, which has no page. */
    public String targetUrl(Target target) {
        if (target instanceof Target.ToStage s) return links.stage(playbook.id(), s.stageId());
        if (target instanceof Target.ToTrack t) return links.track(playbook.id(), t.trackId());
        return "";
    }

    /** "stage", "track", "won" or "lost": lets a template style targets by kind. */
    public String targetKind(Target target) {
        if (target instanceof Target.ToStage s) {
            return playbook.stage(s.stageId()).map(st -> st.status().name().toLowerCase(java.util.Locale.ROOT))
                    .map(status -> status.equals("open") ? "stage" : status).orElse("stage");
        }
        if (target instanceof Target.ToTrack) return "track";
        return ((Target.ToEnd) target).outcome() == Outcome.WON ? "won" : "lost";
    }

    public String stageTitle(String stageId) {
        return playbook.stage(stageId).map(Stage::title).orElse(stageId);
    }

    public String roleTitle(String roleId) {
        return playbook.role(roleId).map(r -> r.title()).orElse(roleId);
    }

    public String phaseTitle(String phaseId) {
        return playbook.buyerPhase(phaseId).map(p -> p.title()).orElse(phaseId);
    }

    public String trackTitle(String trackId) {
        return playbook.track(trackId).map(t -> t.title()).orElse(trackId);
    }

    /** The stage listed before this one in the same path (main or track), or null. */
    public Stage previous(Stage stage) {
        List<Stage> path = pathOf(stage);
        int i = path.indexOf(stage);
        return i > 0 ? path.get(i - 1) : null;
    }

    /** The stage listed after this one in the same path (main or track), or null. */
    public Stage following(Stage stage) {
        List<Stage> path = pathOf(stage);
        int i = path.indexOf(stage);
        return i >= 0 && i + 1 < path.size() ? path.get(i + 1) : null;
    }

    /** The stages of the main path that sit in a buyer phase, for the overview's journey. */
    public List<Stage> stagesIn(String phaseId) {
        return playbook.allStages().stream().filter(s -> phaseId.equals(s.buyerPhase())).toList();
    }

    /**
     * The order a checklist walks the stages in: the main path (won stages included), then the
     * side paths, that is the lost stages and the tracks.
     */
    public List<Stage> checklistOrder() {
        List<Stage> order = new java.util.ArrayList<>();
        playbook.stages().stream().filter(s -> s.status() != dev.playbook.model.StageStatus.LOST).forEach(order::add);
        playbook.stages().stream().filter(s -> s.status() == dev.playbook.model.StageStatus.LOST).forEach(order::add);
        playbook.tracks().forEach(t -> order.addAll(t.stages()));
        return order;
    }

    /** The stage's number in the checklist, counting from 1. */
    public int checklistNumber(Stage stage) {
        return checklistOrder().indexOf(stage) + 1;
    }

    /** Whether the stage belongs to a side path rather than the main path. */
    public boolean isSidePath(Stage stage) {
        return stage.trackId() != null || stage.status() == dev.playbook.model.StageStatus.LOST;
    }

    private List<Stage> pathOf(Stage stage) {
        if (stage.trackId() == null) return playbook.stages();
        return playbook.track(stage.trackId()).map(t -> t.stages()).orElse(List.of());
    }
}
