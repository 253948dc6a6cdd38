package dev.playbook.changes;

import java.util.List;
import java.util.Optional;

/**
 * Everything that differs between two versions of a site's playbooks.
 *
 * @param from how the baseline was named, e.g. {@code v2026.1}
 * @param to how the newer version was named, e.g. {@code working tree}
 * @param playbooks the playbooks that changed, were added or were removed, by id
 */
public record Comparison(String from, String to, List<PlaybookChanges> playbooks) {
    public Comparison {
        playbooks = List.copyOf(playbooks);
    }

    public boolean isEmpty() {
        return playbooks.isEmpty();
    }

    public Optional<PlaybookChanges> playbook(String playbookId) {
        return playbooks.stream().filter(p -> p.playbookId().equals(playbookId)).findFirst();
    }

    public List<PlaybookChanges> removed() {
        return playbooks.stream().filter(p -> p.status() == PlaybookChanges.Status.REMOVED).toList();
    }

    /** How many changes there are in all, a new or removed playbook counting as one. */
    public int size() {
        return playbooks.stream().mapToInt(p -> p.changes().size()).sum();
    }
}
