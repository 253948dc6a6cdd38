package dev.playbook.plan;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.Loader;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.resolve.Resolver;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A kept planner plans again only what changed, and its plan is the plan a fresh planner makes. */
class PlannerMemoryTest {

    @Test
    void unchangedPlaybooksKeepTheirPagesAndAChangedOneIsPlannedAgain() {
        Diagnostics diagnostics = new Diagnostics();
        Site site = new Resolver().resolve(new Loader().load(Path.of("process-definitions"), "d", diagnostics), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        Planner planner = new Planner();
        SitePlan first = planner.plan(site);

        List<Playbook> playbooks = new ArrayList<>(site.playbooks());
        Playbook changed = playbooks.get(0);
        Playbook copy = new Playbook(changed.id(), changed.title() + " (new)", changed.language(), changed.version(),
                changed.owner(), changed.summary(), changed.extendsId(), changed.roles(), changed.buyerJourney(),
                changed.lossReasons(), changed.stages(), changed.tracks(), changed.sourceFile(), changed.crm(),
                changed.pdf(), changed.lastChanged());
        playbooks.set(0, copy);
        Site edited = new Site(site.settings(), playbooks);
        String kept = playbooks.get(1).id();
        SitePlan second = planner.plan(edited, Set.of(kept));

        assertEquals(new Planner().plan(edited, Set.of(kept)), second, "the same plan as a fresh planner's");
        assertSame(page(first, playbooks.get(2).id()), page(second, playbooks.get(2).id()), "unchanged: planned once");
        assertNotSame(page(first, changed.id()), page(second, changed.id()), "changed: planned again");
        assertSame(copy, page(second, changed.id()).playbook());
        assertEquals(page(first, kept).path(), page(second, kept).path());
        assertNotSame(page(first, kept), page(second, kept), "it now has a page of changes too");
    }

    private static PlannedPage page(SitePlan plan, String playbookId) {
        return plan.pages().stream().filter(p -> p.playbook() != null && p.playbook().id().equals(playbookId))
                .findFirst().orElseThrow();
    }
}
