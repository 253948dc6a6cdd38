package dev.playbook.changes;

import dev.playbook.changes.Change.ItemAdded;
import dev.playbook.changes.Change.ItemChanged;
import dev.playbook.changes.Change.ItemList;
import dev.playbook.changes.Change.StageAdded;
import dev.playbook.changes.Change.TaskAdded;
import dev.playbook.changes.Change.TaskDetailChanged;
import dev.playbook.changes.Change.TaskMoved;
import dev.playbook.changes.Change.TaskReworded;
import dev.playbook.changes.Change.TaskRoleChanged;
import dev.playbook.model.ItemKeys;

import java.util.HashMap;
import java.util.Map;

/**
 * Which parts of a playbook are new or changed since the baseline, for marking them where a
 * reader meets them. A stage is changed when anything in it is; what was removed has nothing left
 * to mark. A playbook that is new as a whole marks nothing inside: all of it is new.
 */
public final class ChangeMarks {
    public enum Mark { NEW, CHANGED }

    public static final ChangeMarks NONE = new ChangeMarks();

    private final Map<String, Mark> stages = new HashMap<>();
    private final Map<String, Mark> tasks = new HashMap<>();
    private final Map<String, Mark> items = new HashMap<>();

    private ChangeMarks() {
    }

    public static ChangeMarks of(PlaybookChanges playbook) {
        ChangeMarks marks = new ChangeMarks();
        if (playbook.status() != PlaybookChanges.Status.CHANGED) return marks;
        for (Change change : playbook.changes()) {
            if (change.stageId() == null) continue;
            if (change instanceof StageAdded) {
                marks.stages.put(change.stageId(), Mark.NEW);
                continue;
            }
            marks.stages.putIfAbsent(change.stageId(), Mark.CHANGED);
            if (change instanceof TaskMoved moved) marks.stages.putIfAbsent(moved.fromStageId(), Mark.CHANGED);
            if (change instanceof TaskAdded added) {
                marks.tasks.put(taskKey(added.stageId(), added.task().id()), Mark.NEW);
            } else if (change instanceof TaskMoved || change instanceof TaskReworded || change instanceof TaskRoleChanged
                    || change instanceof TaskDetailChanged) {
                marks.tasks.putIfAbsent(taskKey(change.stageId(), change.subject()), Mark.CHANGED);
            } else if (change instanceof ItemAdded added) {
                marks.items.put(itemKey(added.list(), added.key()), Mark.NEW);
            } else if (change instanceof ItemChanged changed) {
                marks.items.put(itemKey(changed.list(), changed.key()), Mark.CHANGED);
            }
        }
        return marks;
    }

    /** The stage's mark, or null when it did not change. */
    public Mark stage(String stageId) {
        return stages.get(stageId);
    }

    public Mark task(String stageId, String taskId) {
        return tasks.get(taskKey(stageId, taskId));
    }

    /** An exit criterion, buyer commitment or question of a stage, by its key (see {@link ItemKeys}). */
    public Mark item(ItemList list, String key) {
        return items.get(itemKey(list, key));
    }

    private static String taskKey(String stageId, String taskId) {
        return stageId + "\n" + taskId;
    }

    private static String itemKey(ItemList list, String key) {
        return list + "\n" + key;
    }
}
