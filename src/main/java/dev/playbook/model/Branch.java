package dev.playbook.model;

/** Another way out of a stage, taken when the rep's condition holds. */
public record Branch(String when, Target to) {
}
