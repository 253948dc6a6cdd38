package dev.playbook.render;

import dev.playbook.model.Branch;
import dev.playbook.model.Outcome;
import dev.playbook.model.Playbook;
import dev.playbook.model.Route;
import dev.playbook.model.Stage;
import dev.playbook.model.Target;
import dev.playbook.model.Track;
import dev.playbook.plan.PageLinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Answers the questions a template asks about a playbook (where does this target lead, what is
 * this role called, which stage comes before this one) in the page's language and with links
 * relative to the page.
 */
public final class PlaybookView {
    private final Playbook playbook;
    private final PageLinks links;
    private final Messages messages;
    private final Route route;

    public PlaybookView(Playbook playbook, PageLinks links, Messages messages) {
        this(playbook, playbook.route(), links, messages);
    }

    /** @param route the playbook's route, when the caller has it already */
    PlaybookView(Playbook playbook, Route route, PageLinks links, Messages messages) {
        this.playbook = playbook;
        this.route = route;
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
            return playbook.stage(s.stageId()).map(st -> st.status().name().toLowerCase(Locale.ROOT))
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

    /**
     * The stage a deal comes from when it moves into this one the usual way: the one before it
     * on the main path or in its track. Null for the first stage of a path, and for a won or
     * lost stage, which a deal reaches in ways {@link #arrivals} lists instead.
     */
    public Stage previous(Stage stage) {
        if (!stage.isOpen()) return null;
        List<Stage> path = pathOf(stage);
        int i = indexOf(path, stage);
        return i > 0 ? path.get(i - 1) : null;
    }

    /** The stage a deal moves on to from this one when all goes well, or null where the path ends. */
    public Stage following(Stage stage) {
        if (!stage.isOpen() || stage.next() == null) return null;
        String id = Route.entryStage(playbook, stage.next());
        return id == null ? null : playbook.stage(id).orElse(null);
    }

    /** How a deal gets into this stage: each stage that leads here, with the rep's condition when it is a branch. */
    public List<Arrival> arrivals(Stage stage) {
        List<Arrival> ways = new ArrayList<>();
        for (Stage from : route.arrivalsAt(stage)) {
            if (from.next() != null && stage.id().equals(Route.entryStage(playbook, from.next()))) {
                ways.add(new Arrival(from, null));
            }
            for (Branch b : from.branches()) {
                if (stage.id().equals(Route.entryStage(playbook, b.to()))) ways.add(new Arrival(from, b.when()));
            }
        }
        return ways;
    }

    /** One way into a stage: from a stage, by its `next` ({@code when} null) or by a branch. */
    public record Arrival(Stage from, String when) {
    }

    /**
     * The checklist's sections: the main path first, then each track under its own title, then
     * the stages off the main path (lost and later won stages).
     */
    public List<ChecklistSection> checklistSections() {
        List<ChecklistSection> sections = new ArrayList<>();
        sections.add(new ChecklistSection("main", null, route.mainPath()));
        for (Track track : playbook.tracks()) sections.add(new ChecklistSection("track", track.title(), track.stages()));
        if (!route.offPath().isEmpty()) sections.add(new ChecklistSection("closed", null, route.offPath()));
        return sections;
    }

    /**
     * Stages a checklist shows together.
     *
     * @param kind "main", "track" or "closed"
     * @param title the track's title, or null where the page's own words name the section
     */
    public record ChecklistSection(String kind, String title, List<Stage> stages) {
        public ChecklistSection {
            stages = List.copyOf(stages);
        }

        public boolean isMain() {
            return kind.equals("main");
        }

        /** What a deal in this section must get done: every stage's required tasks and exit criteria. */
        public int requiredItems() {
            return stages.stream().mapToInt(PlaybookView::requiredItemsOf).sum();
        }
    }

    /**
     * The boxes of a stage that progress counts: its tasks that are not optional, and its exit
     * criteria. Optional tasks can be ticked but never hold a deal back.
     */
    public int requiredItems(Stage stage) {
        return requiredItemsOf(stage);
    }

    private static int requiredItemsOf(Stage stage) {
        return (int) stage.tasks().stream().filter(t -> !t.optional()).count() + stage.exitCriteria().size();
    }

    /** The stage's number within its checklist section, counting from 1. */
    public int checklistNumber(Stage stage) {
        for (ChecklistSection section : checklistSections()) {
            int i = indexOf(section.stages(), stage);
            if (i >= 0) return i + 1;
        }
        return 0;
    }

    /** The kind of checklist section the stage is in: "main", "track" or "closed". */
    public String checklistSection(Stage stage) {
        for (ChecklistSection section : checklistSections()) {
            if (indexOf(section.stages(), stage) >= 0) return section.kind();
        }
        return "main";
    }

    private static int indexOf(List<Stage> stages, Stage stage) {
        for (int i = 0; i < stages.size(); i++) if (stages.get(i).id().equals(stage.id())) return i;
        return -1;
    }

    /** Every stage that sits in the buyer phase (main path, off it, or in a track), for the overview's journey. */
    public List<Stage> stagesIn(String phaseId) {
        return playbook.allStages().stream().filter(s -> phaseId.equals(s.buyerPhase())).toList();
    }

    /** Whether the stage belongs to a side path rather than the main path. */
    public boolean isSidePath(Stage stage) {
        return !route.onMainPath(stage);
    }

    /** How a deal moves through the playbook: main path, buyer-phase runs, stages off the path. */
    public Route route() {
        return route;
    }

    private List<Stage> pathOf(Stage stage) {
        if (stage.trackId() == null) return route.mainPath();
        return playbook.track(stage.trackId()).map(t -> t.stages()).orElse(List.of());
    }
}
