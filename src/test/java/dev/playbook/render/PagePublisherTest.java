package dev.playbook.render;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.plan.PageKind;
import dev.playbook.plan.PlannedPage;
import dev.playbook.plan.Planner;
import dev.playbook.progress.Progress;
import dev.playbook.render.diagram.PlaybookDiagrams;
import org.junit.jupiter.api.RepeatedTest;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PagePublisherTest {

    /** A thread that waits for the swimlanes early would leave the pages queued behind it waiting too. */
    @RepeatedTest(5)
    void theFlowchartPageWhichWaitsForTheSwimlanesIsDrawnAfterEveryOtherPage() throws Exception {
        Site site = RenderFixtures.site("flow");
        Theme theme = new Theme(null);
        SiteOutput output = new SiteOutput(new Planner().plan(site), theme, theme.messages(), "test", new Diagnostics(),
                Progress.NONE, new MarkdownRenderer(), null);
        Playbook playbook = output.site().playbooks().get(0);
        List<PlannedPage> pages = output.plan().pages().stream()
                .filter(p -> p.playbook() != null && p.playbook().id().equals(playbook.id())).toList();
        Queue<String> written = new ConcurrentLinkedQueue<>();
        AtomicInteger writtenWhenAsked = new AtomicInteger(-1);
        PlaybookDiagrams diagrams = new PlaybookDiagrams("@startuml\nstart\n@enduml", "<svg viewBox=\"0 0 40 30\"></svg>",
                "Flowchart", "@startuml\n|Seller|\nstart\n@enduml", () -> {
                    writtenWhenAsked.set(written.size());
                    return "<svg></svg>";
                }, "<p>left out</p>");

        new PagePublisher().publish(new PlaybookOutput(output, playbook, pages, diagrams, new MarkdownRenderer()),
                file -> written.add(file.path()));

        PlannedPage flow = pages.stream().filter(p -> p.kind() == PageKind.FLOW).findFirst().orElseThrow();
        assertEquals(pages.size(), written.size());
        assertEquals(pages.size() - 1, writtenWhenAsked.get(), "the swimlanes were asked for before the other pages were done");
        assertEquals(flow.path(), List.copyOf(written).get(pages.size() - 1));
    }
}
