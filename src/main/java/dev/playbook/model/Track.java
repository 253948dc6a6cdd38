package dev.playbook.model;

import java.util.List;

/** A side path, the "Plan B", such as winning back a lead that went cold. {@code returnsTo} may be null. */
public record Track(String id, String title, List<Stage> stages, String returnsTo) {
    public Track {
        stages = List.copyOf(stages);
    }
}
