package dev.playbook.render;

import dev.playbook.plan.PlannedPage;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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

    private void draw(SiteOutput site, List<PlannedPage> pages, PlaybookOutput playbook, FileSink sink)
            throws RenderException, IOException {
        int total = site.plan().pages().size();
        for (PlannedPage page : pages) {
            sink.accept(new RenderedFile(page.path(), templates.draw(site, page, playbook)));
            site.progress().advance("pages", drawn.incrementAndGet(), total);
        }
    }
}
