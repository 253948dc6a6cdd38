package dev.playbook.changes;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    /** The playbooks that get a page of what changed: every one that changed or is new. */
    public Set<String> withPages() {
        Set<String> ids = new TreeSet<>();
        playbooks.stream().filter(p -> p.after() != null).forEach(p -> ids.add(p.playbookId()));
        return ids;
    }

    public List<PlaybookChanges> removed() {
        return playbooks.stream().filter(p -> p.status() == PlaybookChanges.Status.REMOVED).toList();
    }

    /** How many changes there are in all, a new or removed playbook counting as one. */
    public int size() {
        return playbooks.stream().mapToInt(p -> p.changes().size()).sum();
    }
}
