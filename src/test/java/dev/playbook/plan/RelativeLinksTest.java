package dev.playbook.plan;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.Loader;
import dev.playbook.model.Site;
import dev.playbook.resolve.Resolver;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links between pages are relative, name their file, and lead where they should from wherever they are followed. */
@Execution(ExecutionMode.CONCURRENT)
class RelativeLinksTest {

    @Test
    void linksBetweenPagesInDifferentFolders() {
        assertEquals("b2b/stages/a.html", RelativeLinks.between("index.html", "b2b/stages/a.html"));
        assertEquals("../../index.html", RelativeLinks.between("b2b/stages/a.html", "index.html"));
        assertEquals("b.html", RelativeLinks.between("b2b/stages/a.html", "b2b/stages/b.html"));
        assertEquals("../index.html", RelativeLinks.between("b2b/stages/a.html", "b2b/index.html"));
        assertEquals("stages/a.html", RelativeLinks.between("b2b/index.html", "b2b/stages/a.html"));
        assertEquals("../other/stages/x.html", RelativeLinks.between("b2b/index.html", "other/stages/x.html"));
        assertEquals("../assets/style.css", RelativeLinks.between("b2b/checklist.html", "assets/style.css"));
        assertEquals("a.html", RelativeLinks.between("b2b/stages/a.html", "b2b/stages/a.html"));
    }

    @Test
    void aFolderThatOnlyStartsLikeAnotherIsNotShared() {
        assertEquals("../b2b-finance/index.html", RelativeLinks.between("b2b/index.html", "b2b-finance/index.html"));
    }

    /** Every page to every page of a real plan, resolved the way a browser resolves a relative URL. */
    @Test
    void everyLinkOfAPlannedSiteLeadsToItsPageFromAnyOther() {
        Diagnostics diagnostics = new Diagnostics();
        Path examples = Path.of("process-definitions");
        Site site = new Resolver().resolve(new Loader().load(examples, "process-definitions", diagnostics), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        List<String> paths = new Planner().plan(site).pages().stream().map(PlannedPage::path).toList();
        URI root = URI.create("https://example.com/some/sub-path/");
        for (String from : paths) {
            for (String to : paths) {
                String link = RelativeLinks.between(from, to);
                assertFalse(link.startsWith("/") || link.contains("//") || link.endsWith("/"),
                        () -> from + " -> " + to + " gave " + link);
                assertEquals(root.resolve(to), root.resolve(from).resolve(link), () -> from + " -> " + to + " via " + link);
            }
        }
    }

    @Test
    void pageLinksAgreeWithSitePaths() {
        PageLinks links = new PageLinks(SitePaths.stage("b2b", "qualification"));
        assertEquals("../../", links.root());
        assertEquals("../checklist.html", links.checklist("b2b"));
        assertEquals("../../assets/playbook.js", links.asset("playbook.js"));
        assertEquals("../index.html#track-winback", links.track("b2b", "winback"));
        assertEquals("../flow.svg", links.diagramFile("b2b", "flow.svg"));
        assertEquals("", new PageLinks(SitePaths.home()).root());
    }

    @Test
    void aPlanHasOnePagePerPathAndEveryStageOfEveryPlaybook() {
        Diagnostics diagnostics = new Diagnostics();
        Site site = new Resolver().resolve(new Loader().load(Path.of("process-definitions"), "process-definitions", diagnostics),
                diagnostics);
        SitePlan plan = new Planner().plan(site);
        Set<String> seen = new HashSet<>();
        for (PlannedPage page : plan.pages()) assertTrue(seen.add(page.path()), () -> "two pages at " + page.path());
        site.playbooks().forEach(p -> p.allStages().forEach(s ->
                assertTrue(seen.contains(SitePaths.stage(p.id(), s.id())), () -> "no page for stage " + s.id())));
        assertEquals(2 + site.playbooks().stream().mapToInt(p -> 4 + p.allStages().size()).sum(), plan.pages().size(),
                "home, audit, and per playbook an overview, flowchart, checklist, buyer view and a page per stage");
    }

    @Test
    void anIdThatWouldLeaveTheSiteIsRefused() {
        for (String bad : List.of("../x", "a/b", "", "A", "-a", "a".repeat(64))) {
            try {
                SitePaths.playbook(bad);
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                // the path is refused, not built
            }
        }
    }
}
