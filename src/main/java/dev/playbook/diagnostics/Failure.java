package dev.playbook.diagnostics;

import java.util.Locale;
import java.util.Objects;

/**
 * A problem outside the definitions and templates that stops a run, such as an output folder
 * that cannot be written. What it is, not how it is worded, decides what the caller does (the
 * command line's exit code), so messages can be reworded freely.
 */
public record Failure(Kind kind, String message) {

    public enum Kind {
        /** What the user named cannot be used: a missing source folder, an output that is a file. */
        USAGE,
        /** A file the run reads, other than a definition (a template, an asset), cannot be read. */
        INPUT,
        /** The output folder cannot be written. */
        OUTPUT,
        /** The tool itself is at fault (a jar missing a file, a generated diagram that does not draw). */
        INTERNAL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public static Failure usage(String message) {
        return new Failure(Kind.USAGE, message);
    }

    public static Failure input(String message) {
        return new Failure(Kind.INPUT, message);
    }

    public static Failure output(String message) {
        return new Failure(Kind.OUTPUT, message);
    }

    public static Failure internal(String message) {
        return new Failure(Kind.INTERNAL, message);
    }

    /** The words alone, as a person reads them. */
    @Override
    public String toString() {
        return message;
    }
}
