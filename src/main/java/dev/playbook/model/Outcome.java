package dev.playbook.model;

/** How a deal ends. */
public enum Outcome {
    WON, LOST
}
