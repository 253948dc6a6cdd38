package dev.playbook.changes;

import dev.playbook.model.Branch;
import dev.playbook.model.ItemKeys;
import dev.playbook.model.StageDuration;
import dev.playbook.model.Target;
import dev.playbook.model.Task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One difference between two versions of a playbook. Each kind keeps the values of both sides in
 * the model's own types; {@link #before()} and {@link #after()} give them again as plain values
 * (text, numbers, lists, maps) spelled the way the definition format spells them (a duration as
 * {@code 2w}, a target as a stage id or {@code won}), so that outputs can treat every kind alike.
 */
public sealed interface Change {

    String playbookId();

    /** A stable name such as {@code stage-renamed}: the kind in the JSON output and the key of its words in a theme. */
    String kind();

    /** The stage the change is in or about, or null for a change to the playbook as a whole. */
    default String stageId() {
        return null;
    }

    /** What changed inside the playbook or stage (a task id, role id, item key...), or null when it is the stage or playbook itself. */
    default String subject() {
        return null;
    }

    /** The value at the baseline, or null when the thing is new. */
    Object before();

    /** The value now, or null when the thing is gone. */
    Object after();

    /** Whether both values are prose someone reworded, which outputs show word by word. */
    default boolean reworded() {
        return false;
    }

    // --- the playbook as a whole ---

    record PlaybookAdded(String playbookId, String title) implements Change {
        public String kind() { return "playbook-added"; }
        public Object before() { return null; }
        public Object after() { return title; }
    }

    record PlaybookRemoved(String playbookId, String title) implements Change {
        public String kind() { return "playbook-removed"; }
        public Object before() { return title; }
        public Object after() { return null; }
    }

    record PlaybookRenamed(String playbookId, String oldTitle, String newTitle) implements Change {
        public String kind() { return "playbook-renamed"; }
        public Object before() { return oldTitle; }
        public Object after() { return newTitle; }
        public boolean reworded() { return true; }
    }

    record VersionChanged(String playbookId, String oldVersion, String newVersion) implements Change {
        public String kind() { return "version-changed"; }
        public Object before() { return oldVersion; }
        public Object after() { return newVersion; }
    }

    record OwnerChanged(String playbookId, String oldOwner, String newOwner) implements Change {
        public String kind() { return "owner-changed"; }
        public Object before() { return oldOwner; }
        public Object after() { return newOwner; }
    }

    /** The named lists of a playbook whose entries come and go as a whole. */
    enum Part {
        ROLE, BUYER_PHASE, LOSS_REASON, TRACK;

        public String spelled() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A role, buyer phase, loss reason or track added; a loss reason is its own id. */
    record PartAdded(String playbookId, Part part, String id, String title) implements Change {
        public String kind() { return part.spelled() + "-added"; }
        public String subject() { return id; }
        public Object before() { return null; }
        public Object after() { return title; }
    }

    record PartRemoved(String playbookId, Part part, String id, String title) implements Change {
        public String kind() { return part.spelled() + "-removed"; }
        public String subject() { return id; }
        public Object before() { return title; }
        public Object after() { return null; }
    }

    record PartRenamed(String playbookId, Part part, String id, String oldTitle, String newTitle) implements Change {
        public String kind() { return part.spelled() + "-renamed"; }
        public String subject() { return id; }
        public Object before() { return oldTitle; }
        public Object after() { return newTitle; }
        public boolean reworded() { return true; }
    }

    /** The buyer's phases, by id, come in another order. */
    record BuyerJourneyReordered(String playbookId, List<String> oldOrder, List<String> newOrder) implements Change {
        public BuyerJourneyReordered {
            oldOrder = List.copyOf(oldOrder);
            newOrder = List.copyOf(newOrder);
        }
        public String kind() { return "buyer-journey-reordered"; }
        public Object before() { return oldOrder; }
        public Object after() { return newOrder; }
    }

    /** Where a track leads back to; null when it ends. */
    record TrackReturnChanged(String playbookId, String trackId, String oldReturnsTo, String newReturnsTo) implements Change {
        public String kind() { return "track-return-changed"; }
        public String subject() { return trackId; }
        public Object before() { return oldReturnsTo; }
        public Object after() { return newReturnsTo; }
    }

    // --- stages ---

    /** Where a stage sits: its path (a track id, or null for the main path) and its place in it, counting from 1. */
    record Place(String trackId, int position) {
        Map<String, Object> plain() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("track", trackId);
            map.put("position", position);
            return map;
        }
    }

    record StageAdded(String playbookId, String stageId, String title, Place place) implements Change {
        public String kind() { return "stage-added"; }
        public Object before() { return null; }
        public Object after() { return title; }
    }

    record StageRemoved(String playbookId, String stageId, String title, Place place) implements Change {
        public String kind() { return "stage-removed"; }
        public Object before() { return title; }
        public Object after() { return null; }
    }

    record StageRenamed(String playbookId, String stageId, String oldTitle, String newTitle) implements Change {
        public String kind() { return "stage-renamed"; }
        public Object before() { return oldTitle; }
        public Object after() { return newTitle; }
        public boolean reworded() { return true; }
    }

    /** The stage went to another path, or changed its order among the stages both versions have. */
    record StageMoved(String playbookId, String stageId, Place from, Place to) implements Change {
        public String kind() { return "stage-moved"; }
        public Object before() { return from.plain(); }
        public Object after() { return to.plain(); }
    }

    /** The fields of a stage whose value is a word or a text. */
    enum StageDetail {
        STATUS, KIND, BUYER_PHASE, GOAL, DESCRIPTION, DEFINITION;

        public String spelled() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean isProse() {
            return this == GOAL || this == DESCRIPTION || this == DEFINITION;
        }
    }

    /** A status or kind as written ({@code open}, {@code activity}), a buyer phase id, or Markdown text. */
    record StageDetailChanged(String playbookId, String stageId, StageDetail detail, String oldValue, String newValue)
            implements Change {
        public String kind() { return "stage-" + detail.spelled() + "-changed"; }
        public Object before() { return oldValue; }
        public Object after() { return newValue; }
        public boolean reworded() { return detail.isProse() && oldValue != null && newValue != null; }
    }

    record ProbabilityChanged(String playbookId, String stageId, Integer oldProbability, Integer newProbability)
            implements Change {
        public String kind() { return "probability-changed"; }
        public Object before() { return oldProbability; }
        public Object after() { return newProbability; }
    }

    record DurationChanged(String playbookId, String stageId, StageDuration oldDuration, StageDuration newDuration)
            implements Change {
        public String kind() { return "duration-changed"; }
        public Object before() { return Spelling.duration(oldDuration); }
        public Object after() { return Spelling.duration(newDuration); }
    }

    record NextChanged(String playbookId, String stageId, Target oldNext, Target newNext) implements Change {
        public String kind() { return "next-changed"; }
        public Object before() { return Spelling.target(oldNext); }
        public Object after() { return Spelling.target(newNext); }
    }

    /** Branches are matched by where they lead; {@link #subject()} is that target. */
    record BranchAdded(String playbookId, String stageId, Branch branch) implements Change {
        public String kind() { return "branch-added"; }
        public String subject() { return Spelling.target(branch.to()); }
        public Object before() { return null; }
        public Object after() { return Spelling.branch(branch); }
    }

    record BranchRemoved(String playbookId, String stageId, Branch branch) implements Change {
        public String kind() { return "branch-removed"; }
        public String subject() { return Spelling.target(branch.to()); }
        public Object before() { return Spelling.branch(branch); }
        public Object after() { return null; }
    }

    record BranchChanged(String playbookId, String stageId, Branch oldBranch, Branch newBranch) implements Change {
        public String kind() { return "branch-changed"; }
        public String subject() { return Spelling.target(newBranch.to()); }
        public Object before() { return Spelling.branch(oldBranch); }
        public Object after() { return Spelling.branch(newBranch); }
    }

    // --- tasks ---

    record TaskAdded(String playbookId, String stageId, Task task) implements Change {
        public String kind() { return "task-added"; }
        public String subject() { return task.id(); }
        public Object before() { return null; }
        public Object after() { return task.title(); }
    }

    record TaskRemoved(String playbookId, String stageId, Task task) implements Change {
        public String kind() { return "task-removed"; }
        public String subject() { return task.id(); }
        public Object before() { return task.title(); }
        public Object after() { return null; }
    }

    /**
     * The same task with new words. A task without an id of its own takes its id from its title,
     * so its id changes with the words: {@code oldTaskId} is then not {@code taskId}.
     */
    record TaskReworded(String playbookId, String stageId, String oldTaskId, String taskId, String oldTitle, String newTitle)
            implements Change {
        public String kind() { return "task-reworded"; }
        public String subject() { return taskId; }
        public Object before() { return oldTitle; }
        public Object after() { return newTitle; }
        public boolean reworded() { return true; }
    }

    /** The task is now in another stage; {@link #stageId()} is the stage it is in now. */
    record TaskMoved(String playbookId, String taskId, String title, String fromStageId, String toStageId) implements Change {
        public String kind() { return "task-moved"; }
        public String stageId() { return toStageId; }
        public String subject() { return taskId; }
        public Object before() { return fromStageId; }
        public Object after() { return toStageId; }
    }

    /** A role id, or null for a task no role is given for. */
    record TaskRoleChanged(String playbookId, String stageId, String taskId, String title, String oldRole, String newRole)
            implements Change {
        public String kind() { return "task-role-changed"; }
        public String subject() { return taskId; }
        public Object before() { return oldRole; }
        public Object after() { return newRole; }
    }

    enum TaskDetail {
        DETAILS, OPTIONAL, RESOURCES;

        public String spelled() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The task's details (Markdown), whether it is optional ({@code optional} or {@code required}),
     * or its resources (one {@code title <url>} a line).
     */
    record TaskDetailChanged(String playbookId, String stageId, String taskId, String title, TaskDetail detail,
                             String oldValue, String newValue) implements Change {
        public String kind() { return "task-" + detail.spelled() + "-changed"; }
        public String subject() { return taskId; }
        public Object before() { return oldValue; }
        public Object after() { return newValue; }
        public boolean reworded() { return detail == TaskDetail.DETAILS && oldValue != null && newValue != null; }
    }

    // --- exit criteria, buyer commitments, questions ---

    /** The lists of a stage whose entries are texts, matched by their keys (see {@link ItemKeys}). */
    enum ItemList {
        EXIT_CRITERION, BUYER_COMMITMENT, QUESTION;

        public String spelled() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    record ItemAdded(String playbookId, String stageId, ItemList list, String key, String text) implements Change {
        public String kind() { return list.spelled() + "-added"; }
        public String subject() { return key; }
        public Object before() { return null; }
        public Object after() { return text; }
    }

    record ItemRemoved(String playbookId, String stageId, ItemList list, String key, String text) implements Change {
        public String kind() { return list.spelled() + "-removed"; }
        public String subject() { return key; }
        public Object before() { return text; }
        public Object after() { return null; }
    }

    /** The same item with new words; {@link #subject()} is its key now. */
    record ItemChanged(String playbookId, String stageId, ItemList list, String oldKey, String key, String oldText,
                       String newText) implements Change {
        public String kind() { return list.spelled() + "-changed"; }
        public String subject() { return key; }
        public Object before() { return oldText; }
        public Object after() { return newText; }
        public boolean reworded() { return true; }
    }
}
