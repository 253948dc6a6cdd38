package dev.playbook.changes;

import dev.playbook.model.Markdown;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Texts compared as a reader sees them: runs of spaces and line breaks count as one space. */
final class Texts {
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Texts() {
    }

    static String normalized(String text) {
        return text == null ? null : SPACE.matcher(text).replaceAll(" ").strip();
    }

    static String of(Markdown markdown) {
        return markdown == null ? null : markdown.source();
    }

    /**
     * Whether two texts share most of their words (a Dice coefficient of at least one half), as a
     * text and its rewording do.
     */
    static boolean similar(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() || y.isEmpty()) return false;
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return 2.0 * common.size() / (x.size() + y.size()) >= 0.5;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : NOT_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) words.add(w);
        }
        return words;
    }

    static boolean same(String a, String b) {
        return Objects.equals(normalized(a), normalized(b));
    }
}
