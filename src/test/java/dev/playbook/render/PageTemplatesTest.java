package dev.playbook.render;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.plan.PageKind;
import dev.playbook.plan.PlannedPage;
import dev.playbook.plan.Planner;
import dev.playbook.plan.SitePlan;
import dev.playbook.progress.Progress;
import dev.playbook.render.diagram.PlaybookDiagrams;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The swimlanes may still be being drawn when the pages start: only the pages that show them ask for them. */
class PageTemplatesTest {

    private static SiteOutput output() throws Exception {
        Site site = RenderFixtures.site("flow");
        Theme theme = new Theme(null);
        return new SiteOutput(new Planner().plan(site), theme, theme.messages(), "test", new Diagnostics(), Progress.NONE,
                new MarkdownRenderer(), null);
    }

    @Test
    void onlyThePagesThatShowTheSwimlanesAskForThem() throws Exception {
        SiteOutput output = output();
        Playbook playbook = output.site().playbooks().get(0);
        SitePlan plan = output.plan();
        List<PlannedPage> pages = plan.pages().stream()
                .filter(p -> p.playbook() != null && p.playbook().id().equals(playbook.id())).toList();
        AtomicInteger asked = new AtomicInteger();
        PlaybookDiagrams diagrams = new PlaybookDiagrams("@startuml\nstart\n@enduml", "<svg viewBox=\"0 0 40 30\"></svg>",
                "Flowchart", "@startuml\n|Seller|\nstart\n@enduml", () -> {
                    asked.incrementAndGet();
                    return "<svg id=\"swimlanes-drawn-late\"></svg>";
                }, "<p>left out</p>");
        PlaybookOutput playbookOutput = new PlaybookOutput(output, playbook, pages, diagrams, new MarkdownRenderer());

        List<PageKind> asking = new ArrayList<>();
        for (PlannedPage page : pages) {
            int before = asked.get();
            String html = new String(new PageTemplates().draw(output, page, playbookOutput), StandardCharsets.UTF_8);
            if (asked.get() > before) asking.add(page.kind());
            assertEquals(page.kind() == PageKind.FLOW, html.contains("swimlanes-drawn-late"), page::path);
        }
        assertEquals(List.of(PageKind.FLOW), asking, "only the flowchart page shows the swimlanes");
        assertTrue(pages.size() > 5, pages::toString);
    }

    @Test
    void aPlaybookWithoutRolesNeverAsks() throws Exception {
        SiteOutput output = output();
        Playbook playbook = output.site().playbooks().get(0);
        SitePlan plan = output.plan();
        PlannedPage flow = plan.pages().stream().filter(p -> p.kind() == PageKind.FLOW).findFirst().orElseThrow();
        PlaybookDiagrams diagrams = new PlaybookDiagrams("@startuml\nstart\n@enduml", "<svg viewBox=\"0 0 40 30\"></svg>",
                "Flowchart", null, () -> {
                    throw new AssertionError("asked for swimlanes a playbook without roles has none of");
                }, "<p>left out</p>");
        String html = new String(new PageTemplates().draw(output, flow,
                new PlaybookOutput(output, playbook, List.of(flow), diagrams, new MarkdownRenderer())), StandardCharsets.UTF_8);
        assertFalse(html.contains("roles-diagram"), "no swimlanes section");
    }
}
