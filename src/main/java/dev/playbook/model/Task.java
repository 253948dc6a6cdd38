package dev.playbook.model;

import java.util.List;

/** A key activity of a stage. {@code role} and {@code details} may be null. */
public record Task(String id, String title, String role, boolean optional, Markdown details, List<Resource> resources) {
    public Task {
        resources = List.copyOf(resources);
    }
}
