package dev.playbook.changes;

import dev.playbook.changes.Change.TaskAdded;
import dev.playbook.changes.Change.TaskDetail;
import dev.playbook.changes.Change.TaskDetailChanged;
import dev.playbook.changes.Change.TaskMoved;
import dev.playbook.changes.Change.TaskRemoved;
import dev.playbook.changes.Change.TaskReworded;
import dev.playbook.changes.Change.TaskRoleChanged;
import dev.playbook.model.Playbook;
import dev.playbook.model.Resource;
import dev.playbook.model.Slugs;
import dev.playbook.model.Stage;
import dev.playbook.model.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Pairs the tasks of two versions of a playbook, in three rounds: by id within a stage; then a
 * task whose id left one stage and arrived in another is the same task, moved; then, within a
 * stage, a task without an id of its own (its id is made from its title) that stands where
 * another such task stood, with mostly the same words, is that task reworded.
 */
final class TaskPairing {
    private final String playbookId;
    /** Each stage's task changes, by the stage the task is in now (or was in, for a removed task). */
    private final Map<String, List<Change>> byStage = new HashMap<>();

    private record Placed(String stageId, int index, Task task) {
    }

    private TaskPairing(String playbookId) {
        this.playbookId = playbookId;
    }

    static TaskPairing between(String playbookId, Playbook before, Playbook after) {
        TaskPairing pairing = new TaskPairing(playbookId);
        pairing.pair(before, after);
        return pairing;
    }

    /** The task changes to report under a stage, in the order of its tasks. */
    List<Change> changesIn(String stageId) {
        return byStage.getOrDefault(stageId, List.of());
    }

    private void pair(Playbook before, Playbook after) {
        Map<String, Stage> oldStages = new LinkedHashMap<>();
        before.allStages().forEach(s -> oldStages.put(s.id(), s));
        Map<String, Stage> newStages = new LinkedHashMap<>();
        after.allStages().forEach(s -> newStages.put(s.id(), s));

        // the new task at each place, with the old task it is paired with (null: none yet)
        Map<Placed, Placed> partner = new LinkedHashMap<>();
        List<Placed> oldLeft = new ArrayList<>();
        List<Placed> newLeft = new ArrayList<>();
        for (Stage stage : after.allStages()) {
            List<Task> old = oldStages.containsKey(stage.id()) ? oldStages.get(stage.id()).tasks() : List.of();
            Pairing<Task> byId = Pairing.byKey(old, stage.tasks(), Task::id);
            for (int j = 0; j < stage.tasks().size(); j++) partner.put(new Placed(stage.id(), j, stage.tasks().get(j)), null);
            for (Pairing.Pair<Task> p : byId.pairs()) {
                partner.put(placed(stage, p.after()), placed(oldStages.get(stage.id()), p.before()));
            }
            byId.added().forEach(t -> newLeft.add(placed(stage, t)));
            byId.removed().forEach(t -> oldLeft.add(placed(oldStages.get(stage.id()), t)));
        }
        for (Stage stage : before.allStages()) {
            if (!newStages.containsKey(stage.id())) stage.tasks().forEach(t -> oldLeft.add(placed(stage, t)));
        }

        // a task id that left exactly one place and arrived at exactly one other moved there
        Map<String, List<Placed>> leftById = oldLeft.stream().collect(Collectors.groupingBy(p -> p.task().id()));
        Map<String, List<Placed>> arrivedById = newLeft.stream().collect(Collectors.groupingBy(p -> p.task().id()));
        for (Map.Entry<String, List<Placed>> arrived : arrivedById.entrySet()) {
            List<Placed> left = leftById.get(arrived.getKey());
            if (left != null && left.size() == 1 && arrived.getValue().size() == 1) {
                partner.put(arrived.getValue().get(0), left.get(0));
                oldLeft.remove(left.get(0));
                newLeft.remove(arrived.getValue().get(0));
            }
        }

        // what is left in a stage both versions have, in the same gap between paired tasks and with
        // mostly the same words, is a task reworded
        for (Stage stage : after.allStages()) {
            Stage was = oldStages.get(stage.id());
            if (was != null) reworded(was, stage, oldLeft, newLeft, partner);
        }

        for (Placed gone : oldLeft) {
            if (newStages.containsKey(gone.stageId())) add(gone.stageId(), new TaskRemoved(playbookId, gone.stageId(), gone.task()));
        }
        for (Map.Entry<Placed, Placed> e : partner.entrySet()) {
            Placed now = e.getKey();
            Placed was = e.getValue();
            if (was == null) {
                if (oldStages.containsKey(now.stageId())) add(now.stageId(), new TaskAdded(playbookId, now.stageId(), now.task()));
            } else {
                compare(was, now);
            }
        }
    }

    private static void reworded(Stage was, Stage now, List<Placed> oldLeft, List<Placed> newLeft, Map<Placed, Placed> partner) {
        List<Placed> olds = oldLeft.stream().filter(p -> p.stageId().equals(was.id())).toList();
        List<Placed> news = newLeft.stream().filter(p -> p.stageId().equals(now.id())).toList();
        if (olds.isEmpty() || news.isEmpty()) return;
        int[] oldGap = Pairing.gaps(stayed(was.tasks().size(), olds));
        int[] newGap = Pairing.gaps(stayed(now.tasks().size(), news));
        for (Placed n : news) {
            for (Placed o : olds) {
                if (oldLeft.contains(o) && oldGap[o.index()] == newGap[n.index()] && titledById(o.task()) && titledById(n.task())
                        && Texts.similar(o.task().title(), n.task().title())) {
                    partner.put(n, o);
                    oldLeft.remove(o);
                    newLeft.remove(n);
                    break;
                }
            }
        }
    }

    /** Which places of a stage's task list hold a task that is accounted for, i.e. not among the left-over ones. */
    private static boolean[] stayed(int size, List<Placed> left) {
        boolean[] stayed = new boolean[size];
        Arrays.fill(stayed, true);
        for (Placed p : left) stayed[p.index()] = false;
        return stayed;
    }

    private void compare(Placed was, Placed now) {
        Task o = was.task();
        Task n = now.task();
        String stage = now.stageId();
        if (!was.stageId().equals(stage)) add(stage, new TaskMoved(playbookId, n.id(), n.title(), was.stageId(), stage));
        if (!Texts.same(o.title(), n.title())) add(stage, new TaskReworded(playbookId, stage, o.id(), n.id(), o.title(), n.title()));
        if (!Objects.equals(o.role(), n.role())) add(stage, new TaskRoleChanged(playbookId, stage, n.id(), n.title(), o.role(), n.role()));
        String oldDetails = Texts.of(o.details());
        String newDetails = Texts.of(n.details());
        if (!Texts.same(oldDetails, newDetails)) {
            add(stage, new TaskDetailChanged(playbookId, stage, n.id(), n.title(), TaskDetail.DETAILS, oldDetails, newDetails));
        }
        if (o.optional() != n.optional()) {
            add(stage, new TaskDetailChanged(playbookId, stage, n.id(), n.title(), TaskDetail.OPTIONAL, optional(o), optional(n)));
        }
        if (!o.resources().equals(n.resources())) {
            add(stage, new TaskDetailChanged(playbookId, stage, n.id(), n.title(), TaskDetail.RESOURCES,
                    resources(o), resources(n)));
        }
    }

    private void add(String stageId, Change change) {
        byStage.computeIfAbsent(stageId, k -> new ArrayList<>()).add(change);
    }

    private static Placed placed(Stage stage, Task task) {
        return new Placed(stage.id(), stage.tasks().indexOf(task), task);
    }

    /** Whether the task's id was made from its title, so that new words give it a new id. */
    private static boolean titledById(Task task) {
        return task.id().equals(Slugs.slug(task.title()));
    }

    private static String optional(Task task) {
        return task.optional() ? "optional" : "required";
    }

    private static String resources(Task task) {
        return task.resources().stream().map(TaskPairing::resource).collect(Collectors.joining("\n"));
    }

    private static String resource(Resource r) {
        return r.title() + " <" + r.url() + ">";
    }
}
