package dev.playbook.model;

import java.text.Normalizer;
import java.util.Locale;

/** Makes URL-safe ids from titles written in any language, Polish letters included. */
public final class Slugs {
    /** The longest slug: an id has at most 63 characters. */
    static final int MAX = 63;

    private Slugs() {
    }

    /**
     * "Zaplanuj prezentację" becomes "zaplanuj-prezentacje"; at most 63 characters. Letters lose
     * their accents, every run of other characters becomes one hyphen, and none is left at
     * either end. (A loop over the characters rather than regular expressions: every task
     * without an id gets its slug, thousands on a large site.)
     */
    public static String slug(String title) {
        String text = title.toLowerCase(Locale.ROOT)
                // ł has no decomposition in Unicode, so NFD below would drop it instead of turning it into l
                .replace('ł', 'l').replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("đ", "d");
        text = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder slug = new StringBuilder(Math.min(text.length(), MAX + 1));
        boolean gap = false;
        for (int i = 0; i < text.length() && slug.length() <= MAX; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isMark(c)) continue;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && slug.length() > 0) slug.append('-');
                gap = false;
                slug.append((char) c);
            } else {
                gap = true;
            }
        }
        if (slug.length() > MAX) slug.setLength(MAX);
        while (slug.length() > 0 && slug.charAt(slug.length() - 1) == '-') slug.setLength(slug.length() - 1);
        return slug.toString();
    }

    /** A combining mark (an accent left over by NFD), which vanishes rather than making a gap. */
    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
