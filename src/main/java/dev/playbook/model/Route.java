package dev.playbook.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a deal moves through a playbook, worked out once so that every view (flowchart, process
 * map, checklist, stage pages, swimlanes, exports) tells the same story.
 *
 * <p>The <em>main path</em> is what a deal walks when all goes well: the playbook's stages in
 * order, skipping lost stages, up to and including the first won stage. Every other stage of
 * the main list (lost stages, won stages after the first) is <em>off the path</em>; tracks are
 * side paths of their own.
 *
 * @param mainPath the main path's stages, in order
 * @param offPath the main list's stages that are not on the main path, in file order
 * @param phaseRuns the main path cut into runs of neighbouring stages that share a buyer phase
 * @param phasesWithoutStage the buyer's phases no stage of the main path belongs to
 */
public record Route(List<Stage> mainPath, List<Stage> offPath, List<PhaseRun> phaseRuns,
                    List<BuyerPhase> phasesWithoutStage, Map<String, List<Stage>> arrivals) {

    /** Neighbouring main-path stages in one buyer phase; {@code phaseId} is null for stages in none. */
    public record PhaseRun(String phaseId, List<Stage> stages) {
        public PhaseRun {
            stages = List.copyOf(stages);
        }
    }

    public Route {
        mainPath = List.copyOf(mainPath);
        offPath = List.copyOf(offPath);
        phaseRuns = List.copyOf(phaseRuns);
        phasesWithoutStage = List.copyOf(phasesWithoutStage);
        Map<String, List<Stage>> copy = new LinkedHashMap<>();
        arrivals.forEach((id, from) -> copy.put(id, List.copyOf(from)));
        arrivals = Map.copyOf(copy);
    }

    public static Route of(Playbook playbook) {
        List<Stage> main = new ArrayList<>();
        List<Stage> off = new ArrayList<>();
        boolean ended = false;
        for (Stage s : playbook.stages()) {
            if (ended || s.status() == StageStatus.LOST) {
                off.add(s);
            } else {
                main.add(s);
                ended = s.status() == StageStatus.WON;
            }
        }
        List<PhaseRun> runs = new ArrayList<>();
        for (Stage s : main) {
            PhaseRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && Objects.equals(last.phaseId(), s.buyerPhase())) {
                List<Stage> grown = new ArrayList<>(last.stages());
                grown.add(s);
                runs.set(runs.size() - 1, new PhaseRun(last.phaseId(), grown));
            } else {
                runs.add(new PhaseRun(s.buyerPhase(), List.of(s)));
            }
        }
        List<BuyerPhase> silent = playbook.buyerJourney().stream()
                .filter(p -> main.stream().noneMatch(s -> p.id().equals(s.buyerPhase())))
                .toList();
        return new Route(main, off, runs, silent, arrivals(playbook));
    }

    /** For each stage, the stages whose `next` or branches lead a deal into it (a track is entered at its first stage). */
    private static Map<String, List<Stage>> arrivals(Playbook playbook) {
        Map<String, List<Stage>> into = new HashMap<>();
        for (Stage from : playbook.allStages()) {
            List<Target> targets = new ArrayList<>();
            if (from.next() != null) targets.add(from.next());
            from.branches().forEach(b -> targets.add(b.to()));
            for (Target target : targets) {
                String id = entryStage(playbook, target);
                if (id == null) continue;
                List<Stage> list = into.computeIfAbsent(id, k -> new ArrayList<>());
                if (!list.contains(from)) list.add(from);
            }
        }
        return into;
    }

    /** The stage a target puts a deal in, or null for a built-in end. */
    public static String entryStage(Playbook playbook, Target target) {
        if (target instanceof Target.ToStage s) return s.stageId();
        if (target instanceof Target.ToTrack t) {
            return playbook.track(t.trackId()).filter(tr -> !tr.stages().isEmpty())
                    .map(tr -> tr.stages().get(0).id()).orElse(null);
        }
        return null;
    }

    public boolean onMainPath(Stage stage) {
        return mainPath.stream().anyMatch(s -> s.id().equals(stage.id()));
    }

    /** The stages a deal can come from into this one, in the order they are written. */
    public List<Stage> arrivalsAt(Stage stage) {
        return arrivals.getOrDefault(stage.id(), List.of());
    }
}
