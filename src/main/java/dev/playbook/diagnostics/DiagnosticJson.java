package dev.playbook.diagnostics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finding as a JSON object ({@code severity, file, line, column, message}), the one shape
 * tools, the live preview and the site's marker file all use, and back.
 */
public final class DiagnosticJson {
    private DiagnosticJson() {
    }

    public static Map<String, Object> toMap(Diagnostic d) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("severity", d.severity().label());
        item.put("file", d.at().file());
        item.put("line", d.at().line());
        item.put("column", d.at().column());
        item.put("message", d.message());
        return item;
    }

    /** The finding a map of {@link #toMap} describes, or null when it is not one. */
    public static Diagnostic fromMap(Map<?, ?> item) {
        Severity severity = null;
        for (Severity s : Severity.values()) if (s.label().equals(item.get("severity"))) severity = s;
        if (severity == null || !(item.get("file") instanceof String file) || !(item.get("message") instanceof String message)
                || !(item.get("line") instanceof Number line) || !(item.get("column") instanceof Number column)) {
            return null;
        }
        return new Diagnostic(severity, new Position(file, line.intValue(), column.intValue()), message);
    }
}
