package dev.playbook.model;

/** Who does the work, e.g. an SDR or an account executive. */
public record Role(String id, String title) {
}
