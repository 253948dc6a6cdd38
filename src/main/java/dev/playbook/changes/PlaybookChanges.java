package dev.playbook.changes;

import dev.playbook.model.Playbook;

import java.util.List;

/**
 * What changed in one playbook, in reading order: the playbook's own fields, its lists, then
 * stage by stage.
 *
 * @param before the playbook at the baseline, or null when it is new
 * @param after the playbook now, or null when it was removed
 */
public record PlaybookChanges(String playbookId, Status status, Playbook before, Playbook after, List<Change> changes) {

    public enum Status { ADDED, REMOVED, CHANGED }

    public PlaybookChanges {
        changes = List.copyOf(changes);
    }

    /** The title as it is now, or as it was for a removed playbook. */
    public String title() {
        return after != null ? after.title() : before.title();
    }

    public String oldVersion() {
        return before == null ? null : before.version();
    }

    public String newVersion() {
        return after == null ? null : after.version();
    }
}
