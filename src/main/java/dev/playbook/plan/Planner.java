package dev.playbook.plan;

import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The plan step: decides which pages the site has and where each one lives. */
public final class Planner {

    public SitePlan plan(Site site) {
        return plan(site, Set.of());
    }

    /** @param withChanges the playbooks that get a page of what changed since the site's baseline */
    public SitePlan plan(Site site, Set<String> withChanges) {
        List<PlannedPage> pages = new ArrayList<>();
        pages.add(new PlannedPage(SitePaths.home(), PageKind.HOME, site.settings().language(), null, null));
        pages.add(new PlannedPage(SitePaths.audit(), PageKind.AUDIT, site.settings().language(), null, null));
        for (Playbook playbook : site.playbooks()) {
            pages.add(new PlannedPage(SitePaths.playbook(playbook.id()), PageKind.PLAYBOOK, playbook.language(), playbook, null));
            pages.add(new PlannedPage(SitePaths.flow(playbook.id()), PageKind.FLOW, playbook.language(), playbook, null));
            pages.add(new PlannedPage(SitePaths.checklist(playbook.id()), PageKind.CHECKLIST, playbook.language(), playbook, null));
            pages.add(new PlannedPage(SitePaths.buyer(playbook.id()), PageKind.BUYER, playbook.language(), playbook, null));
            if (withChanges.contains(playbook.id())) {
                pages.add(new PlannedPage(SitePaths.changes(playbook.id()), PageKind.CHANGES, playbook.language(), playbook, null));
            }
            for (Stage stage : playbook.allStages()) {
                pages.add(new PlannedPage(SitePaths.stage(playbook.id(), stage.id()), PageKind.STAGE,
                        playbook.language(), playbook, stage));
            }
        }
        return new SitePlan(site, pages);
    }
}
