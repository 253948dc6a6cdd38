package dev.playbook.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Collects every error and warning of a build, so that an author sees all of them at once
 * instead of fixing one and running again to learn of the next.
 */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();

    public void error(Position at, String message) {
        all.add(new Diagnostic(Severity.ERROR, at, visible(message)));
    }

    public void warning(Position at, String message) {
        all.add(new Diagnostic(Severity.WARNING, at, visible(message)));
    }

    /** Messages quote what authors wrote; control characters in it are shown as escapes, not sent to the terminal. */
    static String visible(String message) {
        StringBuilder out = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (out == null) out = new StringBuilder(message.substring(0, i));
                out.append(c == '\t' ? "\\t" : c == '\n' ? "\\n" : String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? message : out.toString();
    }

    public void addAll(Diagnostics other) {
        all.addAll(other.all);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** How many {@link #sorted()} lists: a finding made twice (by two pages, say) counts once. */
    public long count(Severity severity) {
        return sorted().stream().filter(d -> d.severity() == severity).count();
    }

    /** Sorted by file and place, without repeats, which is the order an author fixes them in. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(new TreeSet<>(all));
        return Collections.unmodifiableList(copy);
    }
}
