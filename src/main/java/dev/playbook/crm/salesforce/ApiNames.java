package dev.playbook.crm.salesforce;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Salesforce API names ("developer names"), which record types and paths need: letters, digits
 * and underscores, starting with a letter, without two underscores in a row or one at the end.
 */
final class ApiNames {
    static final int MAX_LENGTH = 40;

    private ApiNames() {
    }

    /** An API name made from a label, or null when the label has no Latin letter or digit to make it from. */
    static String from(String label, int maxLength) {
        String folded = Normalizer.normalize(label.replace('ł', 'l').replace('Ł', 'L').replace("ß", "ss"),
                Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String name = folded.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) return null;
        if (!Character.isLetter(name.charAt(0))) name = "X" + name;
        if (name.length() > maxLength) name = name.substring(0, maxLength).replaceAll("_+$", "");
        return name;
    }

    static boolean isValid(String name) {
        return name.matches("[A-Za-z][A-Za-z0-9_]*") && !name.contains("__") && !name.endsWith("_");
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
