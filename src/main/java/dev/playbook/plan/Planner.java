package dev.playbook.plan;

import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan step: decides which pages the site has and where each one lives. A planner that is
 * kept (the live preview keeps one) plans again only the playbooks that changed.
 */
public final class Planner {
    /** Each playbook's pages as last planned, by id, while the playbook is the very same object. */
    private final Map<String, Planned> remembered = new HashMap<>();

    private record Planned(Playbook playbook, boolean withChanges, List<PlannedPage> pages) {
    }

    public SitePlan plan(Site site) {
        return plan(site, Set.of());
    }

    /** @param withChanges the playbooks that get a page of what changed since the site's baseline */
    public SitePlan plan(Site site, Set<String> withChanges) {
        List<PlannedPage> pages = new ArrayList<>();
        pages.add(new PlannedPage(SitePaths.home(), PageKind.HOME, site.settings().language(), null, null));
        pages.add(new PlannedPage(SitePaths.audit(), PageKind.AUDIT, site.settings().language(), null, null));
        Map<String, Planned> planned = new HashMap<>();
        for (Playbook playbook : site.playbooks()) {
            boolean changes = withChanges.contains(playbook.id());
            Planned known = remembered.get(playbook.id());
            if (known == null || known.playbook() != playbook || known.withChanges() != changes) {
                known = new Planned(playbook, changes, pages(playbook, changes));
            }
            planned.put(playbook.id(), known);
            pages.addAll(known.pages());
        }
        remembered.clear();
        remembered.putAll(planned);
        return new SitePlan(site, pages);
    }

    private static List<PlannedPage> pages(Playbook playbook, boolean withChanges) {
        List<PlannedPage> pages = new ArrayList<>();
        pages.add(new PlannedPage(SitePaths.playbook(playbook.id()), PageKind.PLAYBOOK, playbook.language(), playbook, null));
        pages.add(new PlannedPage(SitePaths.flow(playbook.id()), PageKind.FLOW, playbook.language(), playbook, null));
        pages.add(new PlannedPage(SitePaths.checklist(playbook.id()), PageKind.CHECKLIST, playbook.language(), playbook, null));
        pages.add(new PlannedPage(SitePaths.buyer(playbook.id()), PageKind.BUYER, playbook.language(), playbook, null));
        if (withChanges) {
            pages.add(new PlannedPage(SitePaths.changes(playbook.id()), PageKind.CHANGES, playbook.language(), playbook, null));
        }
        for (Stage stage : playbook.allStages()) {
            pages.add(new PlannedPage(SitePaths.stage(playbook.id(), stage.id()), PageKind.STAGE,
                    playbook.language(), playbook, stage));
        }
        return List.copyOf(pages);
    }
}
