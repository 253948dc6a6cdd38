package dev.playbook.render;

import java.util.List;

/**
 * One change as a page shows it: its kind (the key of its words in the theme), where it is, and
 * the values before and after in the reader's terms (titles rather than ids).
 *
 * @param stageId the stage it is in, or null; {@code stageTitle} is then null too
 * @param subject the title of the task, role, phase or track it is about, or null
 * @param before the value at the baseline, or null when the thing is new
 * @param after the value now, or null when the thing is gone
 * @param words the reworded text word by word, or empty when the change is not a rewording
 */
public record ChangeEntry(String kind, String stageId, String stageTitle, boolean stageExists, String subject,
                          String before, String after, List<Word> words) {

    /** A run of words: {@code op} is {@code same}, {@code removed} or {@code added}. */
    public record Word(String op, String text) {
    }

    public ChangeEntry {
        words = List.copyOf(words);
    }
}
