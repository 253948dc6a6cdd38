package dev.playbook.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Makes URL-safe ids from titles written in any language, Polish letters included. */
public final class Slugs {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");

    private Slugs() {
    }

    /** "Zaplanuj prezentację" becomes "zaplanuj-prezentacje"; at most 63 characters. */
    public static String slug(String title) {
        String text = title.toLowerCase(Locale.ROOT)
                // ł has no decomposition in Unicode, so NFD below would drop it instead of turning it into l
                .replace('ł', 'l').replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("đ", "d");
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        text = EDGE_HYPHENS.matcher(NOT_ALNUM.matcher(text).replaceAll("-")).replaceAll("");
        if (text.length() > 63) text = text.substring(0, 63).replaceAll("-+$", "");
        return text;
    }
}
