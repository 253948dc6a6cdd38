package dev.playbook.changes;

import dev.playbook.model.Markdown;

import java.util.Objects;
import java.util.regex.Pattern;

/** Texts compared as a reader sees them: runs of spaces and line breaks count as one space. */
final class Texts {
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Texts() {
    }

    static String normalized(String text) {
        return text == null ? null : SPACE.matcher(text).replaceAll(" ").strip();
    }

    static String of(Markdown markdown) {
        return markdown == null ? null : markdown.source();
    }

    static boolean same(String a, String b) {
        return Objects.equals(normalized(a), normalized(b));
    }
}
