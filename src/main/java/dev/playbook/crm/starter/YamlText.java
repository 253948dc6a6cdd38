package dev.playbook.crm.starter;

import java.util.Set;

/**
 * Writes text as YAML scalars that read back exactly, whatever they hold: colons, hashes, quotes,
 * a leading dash, angle brackets, Polish letters, line breaks. One-line text is always a
 * double-quoted scalar with escapes; text of several lines is a literal block where that keeps it
 * exact, else double-quoted as well.
 */
final class YamlText {
    private YamlText() {
    }

    private static final Set<String> YAML_WORDS = Set.of("null", "true", "false", "yes", "no", "on",
            "off", "y", "n");

    /** An id as it is where YAML reads it as text (most are), else quoted: {@code null} or {@code 2026} would not be text. */
    static String id(String id) {
        return id.matches("[a-z][a-z0-9-]*") && !YAML_WORDS.contains(id) ? id : quoted(id);
    }

    /** A double-quoted scalar: {@code \} and {@code "} escaped, and every character YAML does not print directly too. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (printable(c)) out.appendCodePoint(c);
                    else out.append(String.format("\\u%04X", c));
                }
            }
        });
        return out.append('"').toString();
    }

    /**
     * A value after {@code key: } at the given indentation of the key: a literal block for
     * multi-line text that needs no escapes, else a double-quoted scalar.
     */
    static String value(String text, int keyIndent) {
        if (!text.contains("\n") || !literalSafe(text)) return quoted(text);
        String pad = " ".repeat(keyIndent + 2);
        StringBuilder out = new StringBuilder("|-");
        for (String line : text.split("\n", -1)) {
            out.append('\n');
            if (!line.isEmpty()) out.append(pad).append(line);
        }
        return out.toString();
    }

    /** Characters YAML may hold as they are; the rest (controls, line separators, a BOM) need an escape. */
    private static boolean printable(int c) {
        if (c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF) return false;
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** A literal block keeps the text exactly when no line needs an escape or starts or ends with blanks. */
    private static boolean literalSafe(String text) {
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(" ") || line.endsWith(" ")) return false;
            if (!line.codePoints().allMatch(YamlText::printable)) return false;
        }
        return !text.startsWith("\n") && !text.endsWith("\n");
    }
}
