package dev.playbook.changes;

import dev.playbook.changes.Change.BuyerJourneyReordered;
import dev.playbook.changes.Change.OwnerChanged;
import dev.playbook.changes.Change.Part;
import dev.playbook.changes.Change.PartAdded;
import dev.playbook.changes.Change.PartRemoved;
import dev.playbook.changes.Change.PartRenamed;
import dev.playbook.changes.Change.Place;
import dev.playbook.changes.Change.PlaybookRenamed;
import dev.playbook.changes.Change.StageAdded;
import dev.playbook.changes.Change.StageMoved;
import dev.playbook.changes.Change.StageRemoved;
import dev.playbook.changes.Change.TrackReturnChanged;
import dev.playbook.changes.Change.VersionChanged;
import dev.playbook.model.BuyerPhase;
import dev.playbook.model.Playbook;
import dev.playbook.model.Role;
import dev.playbook.model.Stage;
import dev.playbook.model.Track;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** The changes between two versions of one playbook, in reading order. */
final class PlaybookComparer {
    private final Playbook before;
    private final Playbook after;
    private final String id;
    private final List<Change> changes = new ArrayList<>();

    PlaybookComparer(Playbook before, Playbook after) {
        this.before = before;
        this.after = after;
        this.id = after.id();
    }

    List<Change> changes() {
        if (!Texts.same(before.title(), after.title())) changes.add(new PlaybookRenamed(id, before.title(), after.title()));
        if (!Objects.equals(before.version(), after.version())) {
            changes.add(new VersionChanged(id, before.version(), after.version()));
        }
        if (!Objects.equals(before.owner(), after.owner())) changes.add(new OwnerChanged(id, before.owner(), after.owner()));
        named(Part.ROLE, before.roles(), after.roles(), Role::id, Role::title);
        named(Part.BUYER_PHASE, before.buyerJourney(), after.buyerJourney(), BuyerPhase::id, BuyerPhase::title);
        List<String> oldPhases = before.buyerJourney().stream().map(BuyerPhase::id).toList();
        List<String> newPhases = after.buyerJourney().stream().map(BuyerPhase::id).toList();
        if (!Order.moved(oldPhases, newPhases).isEmpty()) changes.add(new BuyerJourneyReordered(id, oldPhases, newPhases));
        named(Part.LOSS_REASON, before.lossReasons(), after.lossReasons(), Texts::normalized, r -> r);
        named(Part.TRACK, before.tracks(), after.tracks(), Track::id, Track::title);
        for (Pairing.Pair<Track> pair : Pairing.byKey(before.tracks(), after.tracks(), Track::id).pairs()) {
            if (!Objects.equals(pair.before().returnsTo(), pair.after().returnsTo())) {
                changes.add(new TrackReturnChanged(id, pair.after().id(), pair.before().returnsTo(), pair.after().returnsTo()));
            }
        }
        stages();
        return changes;
    }

    /** A list whose entries are an id and a title: roles, buyer phases, loss reasons, tracks. */
    private <T> void named(Part part, List<T> old, List<T> now, Function<T, String> idOf, Function<T, String> titleOf) {
        Pairing<T> pairing = Pairing.byKey(old, now, idOf);
        for (T gone : pairing.removed()) changes.add(new PartRemoved(id, part, idOf.apply(gone), titleOf.apply(gone)));
        for (T added : pairing.added()) changes.add(new PartAdded(id, part, idOf.apply(added), titleOf.apply(added)));
        for (Pairing.Pair<T> pair : pairing.pairs()) {
            String was = titleOf.apply(pair.before());
            String is = titleOf.apply(pair.after());
            if (!Texts.same(was, is)) changes.add(new PartRenamed(id, part, idOf.apply(pair.after()), was, is));
        }
    }

    private void stages() {
        Map<String, Stage> old = byId(before);
        Map<String, Stage> now = byId(after);
        Map<String, Place> oldPlaces = places(before);
        Map<String, Place> newPlaces = places(after);
        Set<String> moved = movedStages(oldPlaces, newPlaces);
        TaskPairing tasks = TaskPairing.between(id, before, after);
        for (Stage stage : before.allStages()) {
            if (!now.containsKey(stage.id())) changes.add(new StageRemoved(id, stage.id(), stage.title(), oldPlaces.get(stage.id())));
        }
        for (Stage stage : after.allStages()) {
            Stage was = old.get(stage.id());
            if (was == null) {
                changes.add(new StageAdded(id, stage.id(), stage.title(), newPlaces.get(stage.id())));
                changes.addAll(tasks.changesIn(stage.id()));
                continue;
            }
            StageComparer stageChanges = new StageComparer(id, was, stage, tasks);
            stageChanges.renamed(changes);
            if (moved.contains(stage.id())) {
                changes.add(new StageMoved(id, stage.id(), oldPlaces.get(stage.id()), newPlaces.get(stage.id())));
            }
            stageChanges.rest(changes);
        }
    }

    /** Stages that went to another path, and those that changed their order within a path both versions have. */
    private static Set<String> movedStages(Map<String, Place> old, Map<String, Place> now) {
        Set<String> moved = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (Map.Entry<String, Place> e : now.entrySet()) {
            Place was = old.get(e.getKey());
            if (was == null) continue;
            if (!Objects.equals(was.trackId(), e.getValue().trackId())) moved.add(e.getKey());
            else paths.add(String.valueOf(was.trackId()));
        }
        for (String path : paths) {
            moved.addAll(Order.moved(onPath(old, path), onPath(now, path)));
        }
        return moved;
    }

    /** The ids of the stages on one path, in order. */
    private static List<String> onPath(Map<String, Place> places, String path) {
        return places.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().trackId()).equals(path))
                .sorted(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.position(), b.position())))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Map<String, Stage> byId(Playbook playbook) {
        Map<String, Stage> map = new LinkedHashMap<>();
        for (Stage s : playbook.allStages()) map.put(s.id(), s);
        return map;
    }

    private static Map<String, Place> places(Playbook playbook) {
        Map<String, Place> map = new LinkedHashMap<>();
        for (int i = 0; i < playbook.stages().size(); i++) map.put(playbook.stages().get(i).id(), new Place(null, i + 1));
        for (Track track : playbook.tracks()) {
            for (int i = 0; i < track.stages().size(); i++) map.put(track.stages().get(i).id(), new Place(track.id(), i + 1));
        }
        return map;
    }
}
