package dev.playbook.model;

/** Whether a deal in this stage is still being worked on, or has ended. */
public enum StageStatus {
    OPEN, WON, LOST
}
