package dev.playbook.model;

/** Where a deal goes from a stage: another stage, the start of a track, or one of the built-in ends. */
public sealed interface Target {

    record ToStage(String stageId) implements Target {
    }

    record ToTrack(String trackId) implements Target {
    }

    /** The playbook's built-in end, used when no stage of that status exists. */
    record ToEnd(Outcome outcome) implements Target {
    }
}
