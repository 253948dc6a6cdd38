package dev.playbook.model;

import java.util.List;

/** Everything a build publishes: the settings and the playbooks, ordered by id. */
public record Site(SiteSettings settings, List<Playbook> playbooks) {
    public Site {
        playbooks = List.copyOf(playbooks);
    }
}
