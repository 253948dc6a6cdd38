package dev.playbook.render;

import dev.playbook.changes.Change;
import dev.playbook.changes.ChangeMarks;
import dev.playbook.changes.Comparison;
import dev.playbook.changes.PlaybookChanges;
import dev.playbook.model.BuyerCommitment;
import dev.playbook.model.ExitCriterion;
import dev.playbook.model.ItemKeys;
import dev.playbook.model.Markdown;
import dev.playbook.model.Playbook;
import dev.playbook.plan.PageLinks;

import java.util.List;
import java.util.Locale;

/**
 * What templates ask about the changes since the site's baseline: the marks ("new", "changed",
 * or empty) of playbooks, stages, tasks and items, and a playbook's changes for its changes page.
 */
public final class ChangesView {
    private final Comparison comparison;
    private final PlaybookChanges playbook;
    private final ChangeMarks marks;
    private final Playbook current;
    private final PageLinks links;
    private final Messages messages;

    ChangesView(Comparison comparison, Playbook current, PageLinks links, Messages messages) {
        this.comparison = comparison;
        this.current = current;
        this.links = links;
        this.messages = messages;
        this.playbook = current == null ? null : comparison.playbook(current.id()).orElse(null);
        this.marks = playbook == null ? ChangeMarks.NONE : ChangeMarks.of(playbook);
    }

    /** Every change of the site since its baseline, of which this view shows a playbook's. */
    public Comparison comparison() {
        return comparison;
    }

    /** The baseline as the user named it, e.g. {@code v2026.1}. */
    public String from() {
        return comparison.from();
    }

    /** What the changes are since, for a heading: the playbook's version at the baseline if it had one, else the baseline's name. */
    public String since() {
        return playbook != null && playbook.oldVersion() != null ? playbook.oldVersion() : comparison.from();
    }

    /** "new", "changed" or "" for a playbook. */
    public String playbook(String playbookId) {
        return comparison.playbook(playbookId).map(p -> switch (p.status()) {
            case ADDED -> "new";
            case CHANGED -> "changed";
            case REMOVED -> "";
        }).orElse("");
    }

    public List<PlaybookChanges> removed() {
        return comparison.removed();
    }

    public String stage(String stageId) {
        return word(marks.stage(stageId));
    }

    public String task(String stageId, String taskId) {
        return word(marks.task(stageId, taskId));
    }

    public String criterion(String stageId, ExitCriterion criterion) {
        return word(marks.item(Change.ItemList.EXIT_CRITERION, criterion.key()));
    }

    public String commitment(String stageId, BuyerCommitment commitment) {
        return word(marks.item(Change.ItemList.BUYER_COMMITMENT, commitment.key()));
    }

    public String question(String stageId, Markdown question) {
        return word(marks.item(Change.ItemList.QUESTION, ItemKeys.question(stageId, question.source())));
    }

    /** This playbook's changes, in reading order; empty when it is new as a whole. */
    public List<ChangeEntry> entries() {
        if (playbook == null || playbook.status() != PlaybookChanges.Status.CHANGED) return List.of();
        ChangeEntries entries = new ChangeEntries(playbook, links, messages);
        return playbook.changes().stream().map(entries::entry).toList();
    }

    public String oldVersion() {
        return playbook == null ? null : playbook.oldVersion();
    }

    public String newVersion() {
        return current == null ? null : current.version();
    }

    private static String word(ChangeMarks.Mark mark) {
        return mark == null ? "" : mark.name().toLowerCase(Locale.ROOT);
    }
}
