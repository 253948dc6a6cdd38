package dev.playbook.resolve;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.load.Definitions.PlaybookDefinition;
import dev.playbook.load.Definitions.StageDefinition;
import dev.playbook.load.Definitions.TrackDefinition;
import dev.playbook.model.Branch;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;
import dev.playbook.model.Target;
import dev.playbook.model.Track;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The warnings of the format: things that build, but that an author most likely did not mean. */
final class FlowChecks {
    static final int MAX_OPEN_STAGES = 7;

    private final Diagnostics diagnostics;

    FlowChecks(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Playbook playbook, PlaybookDefinition def) {
        Map<String, Position> stageAt = new HashMap<>();
        Map<String, Position> trackAt = new HashMap<>();
        for (StageDefinition s : def.stages().items()) stageAt.put(s.id().value(), s.id().at());
        if (def.tracks() != null) {
            for (TrackDefinition t : def.tracks().items()) {
                trackAt.put(t.id().value(), t.id().at());
                if (t.stages() != null) for (StageDefinition s : t.stages().items()) stageAt.put(s.id().value(), s.id().at());
            }
        }
        long open = playbook.openStageCount();
        if (open > MAX_OPEN_STAGES) {
            diagnostics.warning(def.stages().at(), "playbook `" + playbook.id() + "` has " + open + " open stages; a "
                    + "process reps can keep in their heads has 3 to " + MAX_OPEN_STAGES + " (consider merging some, "
                    + "or making intermediate steps tasks)");
        }
        Set<String> reachedStages = new LinkedHashSet<>();
        Set<String> reachedTracks = new LinkedHashSet<>();
        walk(playbook, reachedStages, reachedTracks);
        String first = playbook.stages().get(0).id();
        Set<String> unusedTracks = new LinkedHashSet<>();
        for (Track track : playbook.tracks()) if (!leadsInto(playbook, track)) unusedTracks.add(track.id());
        for (Stage stage : playbook.allStages()) {
            Position at = stageAt.get(stage.id());
            if (!stage.isOpen()) continue;
            // a stage of a track nothing enters is covered by the track's own warning
            if (!reachedStages.contains(stage.id()) && !unusedTracks.contains(stage.trackId())) {
                diagnostics.warning(at, "open stage `" + stage.id() + "` cannot be reached from the first stage `"
                        + first + "`: " + (hasPredecessor(playbook, stage) ? "only stages that cannot be reached lead to it"
                        : "no `next` or branch leads to it"));
            }
            if (stage.tasks().isEmpty()) {
                diagnostics.warning(at, "open stage `" + stage.id() + "` has no tasks; reps will not know what to do in it");
            }
            if (stage.exitCriteria().isEmpty()) {
                diagnostics.warning(at, "open stage `" + stage.id() + "` has no exit criteria; reps will not know when "
                        + "a deal may move on");
            }
        }
        for (String track : unusedTracks) {
            diagnostics.warning(trackAt.get(track), "no branch or `next` leads to track `" + track
                    + "`, so no deal can ever enter it");
        }
    }

    /** Follows every `next` and branch from the first stage; a track is entered at its first stage. */
    private static void walk(Playbook playbook, Set<String> stages, Set<String> tracks) {
        Deque<String> todo = new ArrayDeque<>();
        todo.add(playbook.stages().get(0).id());
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (!stages.add(id)) continue;
            Stage stage = playbook.stage(id).orElseThrow();
            if (stage.next() != null) follow(playbook, stage.next(), todo, tracks);
            for (Branch b : stage.branches()) follow(playbook, b.to(), todo, tracks);
        }
    }

    private static void follow(Playbook playbook, Target target, Deque<String> todo, Set<String> tracks) {
        if (target instanceof Target.ToStage s) {
            todo.add(s.stageId());
        } else if (target instanceof Target.ToTrack t) {
            tracks.add(t.trackId());
            playbook.track(t.trackId()).ifPresent(track -> todo.add(track.stages().get(0).id()));
        }
    }

    private static boolean hasPredecessor(Playbook playbook, Stage stage) {
        for (Stage s : playbook.allStages()) {
            if (s == stage) continue;
            if (leadsTo(playbook, s.next(), stage) || s.branches().stream().anyMatch(b -> leadsTo(playbook, b.to(), stage))) {
                return true;
            }
        }
        return false;
    }

    private static boolean leadsTo(Playbook playbook, Target target, Stage stage) {
        if (target instanceof Target.ToStage s) return s.stageId().equals(stage.id());
        if (target instanceof Target.ToTrack t) {
            return playbook.track(t.trackId()).map(tr -> tr.stages().get(0).id().equals(stage.id())).orElse(false);
        }
        return false;
    }

    private static boolean leadsInto(Playbook playbook, Track track) {
        for (Stage s : playbook.allStages()) {
            if (track.id().equals(s.trackId())) continue;
            if (isTrack(s.next(), track) || s.branches().stream().anyMatch(b -> isTrack(b.to(), track))) return true;
        }
        return false;
    }

    private static boolean isTrack(Target target, Track track) {
        return target instanceof Target.ToTrack t && t.trackId().equals(track.id());
    }
}
