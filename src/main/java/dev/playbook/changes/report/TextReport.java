package dev.playbook.changes.report;

import dev.playbook.changes.Change;
import dev.playbook.changes.Comparison;
import dev.playbook.changes.PlaybookChanges;

/** The changes for a terminal: one line a change, grouped by playbook. */
public final class TextReport {

    public String write(Comparison comparison) {
        StringBuilder out = new StringBuilder();
        if (comparison.isEmpty()) {
            return out.append("No changes ").append(Words.heading(comparison)).append(".\n").toString();
        }
        out.append("Changes ").append(Words.heading(comparison)).append(":\n");
        for (PlaybookChanges playbook : comparison.playbooks()) {
            out.append('\n').append(playbook.title()).append(" (").append(playbook.playbookId()).append("): ")
                    .append(Words.status(playbook)).append('\n');
            if (playbook.status() != PlaybookChanges.Status.CHANGED) continue;
            for (Change change : playbook.changes()) out.append("  ").append(line(playbook, change)).append('\n');
        }
        out.append('\n').append(Words.plural(comparison.playbooks().size(), "playbook")).append(" changed.\n");
        return out.toString();
    }

    private static String line(PlaybookChanges playbook, Change change) {
        StringBuilder line = new StringBuilder(Words.label(change));
        if (Words.isAboutStage(change)) {
            line.append(" (").append(change.stageId()).append(')');
        } else {
            Words.stageTitle(playbook, change.stageId()).ifPresent(title -> line.append(" in stage ")
                    .append(Words.quoted(title)).append(" (").append(change.stageId()).append(')'));
        }
        String subject = Words.subject(change);
        if (subject != null) line.append(" [").append(subject).append(']');
        line.append(": ");
        Object before = change.before();
        Object after = change.after();
        if (Words.hasBothSides(change)) {
            line.append(Words.value(change, before)).append(" → ").append(Words.value(change, after));
        } else {
            line.append(Words.value(change, before != null ? before : after));
        }
        return line.toString();
    }
}
