package dev.playbook;

/**
 * Why a run of the pipeline stopped. The kind decides the exit code; the words are for people.
 */
public sealed interface Failure {
    String message();

    /** The definitions or the templates have errors; they are in the run's diagnostics. */
    record Invalid(String message) implements Failure {
    }

    /** The user named something that cannot be used: a missing source folder, a folder inside another. */
    record Usage(String message) implements Failure {
    }

    /** The site could not be written, or another build holds the output folder. */
    record Output(String message) implements Failure {
    }

    /** The tool itself is broken or incomplete (a resource missing from the jar). */
    record Internal(String message) implements Failure {
    }
}
