package dev.playbook.render;

import java.util.Set;

/**
 * Which part of a site to draw: everything, or (for a rebuild after an edit) the pages of some
 * playbooks and, if anything they show changed, the site-wide pages that list all playbooks.
 *
 * @param playbooks the ids of the playbooks whose pages to draw, or null for all of them
 * @param sitePages whether to draw the home page, the audit worksheet and the search index
 */
public record RenderScope(Set<String> playbooks, boolean sitePages) {
    public static final RenderScope ALL = new RenderScope(null, true);

    public RenderScope {
        playbooks = playbooks == null ? null : Set.copyOf(playbooks);
    }

    public boolean includes(String playbookId) {
        return playbooks == null || playbooks.contains(playbookId);
    }
}
