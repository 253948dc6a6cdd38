package dev.playbook.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects every error and warning of a build, so that an author sees all of them at once
 * instead of fixing one and running again to learn of the next.
 */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();

    public void error(Position at, String message) {
        all.add(new Diagnostic(Severity.ERROR, at, message));
    }

    public void warning(Position at, String message) {
        all.add(new Diagnostic(Severity.WARNING, at, message));
    }

    public void addAll(Diagnostics other) {
        all.addAll(other.all);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public long count(Severity severity) {
        return all.stream().filter(d -> d.severity() == severity).count();
    }

    /** Sorted by file and place, without repeats, which is the order an author fixes them in. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(new java.util.TreeSet<>(all));
        return Collections.unmodifiableList(copy);
    }
}
