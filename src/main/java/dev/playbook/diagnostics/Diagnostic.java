package dev.playbook.diagnostics;

/** One finding about the definitions, pointing at the key or value it is about. */
public record Diagnostic(Severity severity, Position at, String message) implements Comparable<Diagnostic> {

    @Override
    public int compareTo(Diagnostic other) {
        int c = at.file().compareTo(other.at.file());
        if (c == 0) c = Integer.compare(at.line(), other.at.line());
        if (c == 0) c = Integer.compare(at.column(), other.at.column());
        if (c == 0) c = severity.compareTo(other.severity);
        if (c == 0) c = message.compareTo(other.message);
        return c;
    }

    /** The compiler-style line editors and terminals turn into a link: {@code file:line:col: error: message}. */
    @Override
    public String toString() {
        return at + ": " + severity.label() + ": " + message;
    }
}
