package dev.playbook.plan;

import dev.playbook.model.Site;

import java.util.List;

/** Every page of the site, in a stable order. */
public record SitePlan(Site site, List<PlannedPage> pages) {
    public SitePlan {
        pages = List.copyOf(pages);
    }
}
