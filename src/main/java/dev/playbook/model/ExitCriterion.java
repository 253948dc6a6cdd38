package dev.playbook.model;

/** Verifiable evidence that the buyer is ready to move on from a stage. */
public record ExitCriterion(Markdown text) {
}
