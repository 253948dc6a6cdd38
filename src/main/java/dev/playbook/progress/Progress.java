package dev.playbook.progress;

/**
 * Hears how far a long build has got, e.g. "diagrams 340/1043". Steps call it as they go; what
 * is shown (a live line on a terminal, nothing in a log) is the listener's business.
 */
public interface Progress {
    Progress NONE = (step, done, total) -> { };

    /** {@code done} of {@code total} units of {@code step} are finished. May be called from any thread. */
    void advance(String step, int done, int total);
}
