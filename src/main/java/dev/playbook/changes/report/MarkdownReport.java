package dev.playbook.changes.report;

import dev.playbook.changes.Change;
import dev.playbook.changes.Comparison;
import dev.playbook.changes.PlaybookChanges;
import dev.playbook.changes.WordDiff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changes as GitHub-flavoured Markdown, for a pull-request comment: a heading a playbook,
 * a bullet a change, reworded text word by word (~~old~~ **new**). Everything authors wrote is
 * escaped, so a definition cannot inject markup into the comment.
 */
public final class MarkdownReport {
    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>~|#!@]");

    public String write(Comparison comparison) {
        StringBuilder out = new StringBuilder("### What changed ").append(escape(Words.heading(comparison))).append("\n\n");
        if (comparison.isEmpty()) return out.append("No changes to the playbooks.\n").toString();
        out.append(escape(Words.plural(comparison.playbooks().size(), "playbook"))).append(" changed.\n");
        for (PlaybookChanges playbook : comparison.playbooks()) {
            out.append("\n#### ").append(escape(playbook.title())).append(" (`").append(playbook.playbookId()).append("`) · ")
                    .append(escape(Words.status(playbook))).append("\n\n");
            if (playbook.status() != PlaybookChanges.Status.CHANGED) continue;
            for (Change change : playbook.changes()) out.append("- ").append(line(playbook, change)).append('\n');
        }
        return out.toString();
    }

    private static String line(PlaybookChanges playbook, Change change) {
        StringBuilder line = new StringBuilder("**").append(escape(Words.label(change))).append("**");
        if (Words.isAboutStage(change)) {
            line.append(" `").append(change.stageId()).append('`');
        } else {
            Words.stageTitle(playbook, change.stageId()).ifPresent(title -> line.append(" in *")
                    .append(escape(title)).append("* (`").append(change.stageId()).append("`)"));
        }
        String subject = Words.subject(change);
        if (subject != null) line.append(" `").append(subject.replace("`", "'")).append('`');
        line.append(": ");
        if (change.reworded()) return line.append(words(change)).toString();
        if (Words.hasBothSides(change)) {
            line.append(escape(Words.value(change, change.before()))).append(" → ").append(escape(Words.value(change, change.after())));
        } else {
            line.append(escape(Words.value(change, change.before() != null ? change.before() : change.after())));
        }
        return line.toString();
    }

    /** The reworded text once, the words that went struck through and the words that came in bold. */
    private static String words(Change change) {
        StringBuilder out = new StringBuilder();
        WordDiff.Op previous = null;
        for (WordDiff.Segment s : WordDiff.between((String) change.before(), (String) change.after())) {
            // "~~old~~ **new**": a replacement reads as two words, not one run-together
            boolean replaced = previous == WordDiff.Op.REMOVED && s.op() == WordDiff.Op.ADDED;
            if (replaced && !Character.isWhitespace(out.charAt(out.length() - 1)) && !Character.isWhitespace(s.text().charAt(0))) {
                out.append(' ');
            }
            previous = s.op();
            switch (s.op()) {
                case SAME -> out.append(escape(s.text()));
                case REMOVED -> out.append(marked(s.text(), "~~"));
                case ADDED -> out.append(marked(s.text(), "**"));
            }
        }
        return out.toString();
    }

    /** Emphasis must hug its words: spaces at either end stay outside the markers. */
    private static String marked(String text, String marker) {
        String core = text.strip();
        if (core.isEmpty()) return text;
        int start = text.indexOf(core);
        return text.substring(0, start) + marker + escape(core) + marker + text.substring(start + core.length());
    }

    static String escape(String text) {
        return SPECIAL.matcher(text.replace("\n", " ")).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }
}
