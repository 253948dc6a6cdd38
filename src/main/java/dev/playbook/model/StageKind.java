package dev.playbook.model;

/** A milestone marks progress in the buyer's decision; an activity is an intermediate step. */
public enum StageKind {
    MILESTONE, ACTIVITY
}
