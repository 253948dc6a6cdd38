package dev.playbook.render.diagram;

import java.util.regex.Pattern;

/**
 * Makes author text inert inside generated PlantUML: every character that PlantUML could read as
 * markup, a preprocessor directive ({@code !include}, {@code %getenv}), a link ({@code [[...]]})
 * or the end of a label becomes a numeric entity, which PlantUML shows as the character itself.
 */
final class PlantUmlText {
    /** Compiled once: every label of every diagram goes through {@link #escape}. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PlantUmlText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        String flat = SPACES.matcher(text).replaceAll(" ").strip();
        for (int i = 0; i < flat.length(); ) {
            int cp = flat.codePointAt(i);
            i += Character.charCount(cp);
            // a control character, written as a reference, comes back raw in PlantUML's SVG, which XML then refuses
            if (Character.isISOControl(cp) || cp == 0xFFFE || cp == 0xFFFF) continue;
            // PlantUML writes `>` as it is, and "]]>" may not stand in XML text: an invisible joiner parts it
            if (cp == '>' && endsWith(out, "&#93;&#93;")) out.append("&#8288;");
            if (Character.isLetterOrDigit(cp) || cp == ' ' || cp == ',' || cp == '.' || cp == '?' || cp == '\'') {
                out.appendCodePoint(cp);
            } else {
                out.append("&#").append(cp).append(';');
            }
        }
        return out.toString();
    }

    private static boolean endsWith(StringBuilder text, String end) {
        int from = text.length() - end.length();
        return from >= 0 && text.indexOf(end, from) == from;
    }
}
