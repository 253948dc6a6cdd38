package dev.playbook.render;

import dev.playbook.plan.PageKind;
import dev.playbook.plan.PlannedPage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The site's HTML pages: each playbook's overview, flowchart, checklist, buyer view and stage pages; the home page and the audit worksheet. */
public final class PagePublisher implements Publisher {
    private final PageTemplates templates = new PageTemplates();
    private final AtomicInteger drawn = new AtomicInteger();

    @Override
    public void publish(PlaybookOutput playbook, FileSink sink) throws RenderException, IOException {
        draw(playbook.site(), playbook.pages(), playbook, sink);
    }

    @Override
    public void publishSite(SiteOutput site, FileSink sink) throws RenderException, IOException {
        draw(site, site.plan().pages().stream().filter(p -> p.playbook() == null).toList(), null, sink);
    }

    /**
     * Draws the pages in parallel too: a preview's edit redraws a single playbook, whose dozen
     * pages would otherwise keep one core busy and leave the others idle. The flowchart page
     * comes last, as it waits for the swimlanes: a thread blocked on it early would hold up the
     * pages queued behind it. When several pages fail, the first in plan order is the one
     * reported, as if they had been drawn in turn.
     */
    private void draw(SiteOutput site, List<PlannedPage> pages, PlaybookOutput playbook, FileSink sink)
            throws RenderException, IOException {
        int total = site.plan().pages().size();
        AtomicReferenceArray<Exception> failures = new AtomicReferenceArray<>(pages.size());
        List<Integer> first = new ArrayList<>();
        List<Integer> last = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) (waitsForSwimlanes(pages.get(i), playbook) ? last : first).add(i);
        for (List<Integer> wave : List.of(first, last)) {
            wave.parallelStream().forEach(i -> {
                PlannedPage page = pages.get(i);
                try {
                    sink.accept(new RenderedFile(page.path(), templates.draw(site, page, playbook)));
                    site.progress().advance("pages", drawn.incrementAndGet(), total);
                } catch (RenderException | IOException | RuntimeException e) {
                    failures.set(i, e);
                }
            });
        }
        for (int i = 0; i < pages.size(); i++) {
            Exception e = failures.get(i);
            if (e instanceof RenderException r) throw r;
            if (e instanceof IOException io) throw io;
            if (e instanceof RuntimeException r) throw r;
        }
    }

    private static boolean waitsForSwimlanes(PlannedPage page, PlaybookOutput playbook) {
        return page.kind() == PageKind.FLOW && playbook != null && playbook.diagrams() != null && playbook.diagrams().hasRoles();
    }
}
