package dev.playbook.render;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Failure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The site-wide files (home page, audit worksheet, search index list, assets), drawn on a thread
 * of their own while the playbooks' diagrams and pages are: they depend on no playbook's output,
 * and at a thousand playbooks the home page alone took as long as a live edit's pages.
 */
final class SitePublishing {
    private final Thread thread;
    private final List<TemplateMistake> mistakes = new ArrayList<>();
    private Throwable failure;

    private SitePublishing(List<Publisher> publishers, SiteOutput site, FileSink sink) {
        thread = new Thread(() -> publish(publishers, site, sink), "playbook-site-pages");
        thread.setDaemon(true);
    }

    /** Starts drawing the site-wide files of every publisher, in the publishers' order. */
    static SitePublishing start(List<Publisher> publishers, SiteOutput site, FileSink sink) {
        SitePublishing publishing = new SitePublishing(publishers, site, sink);
        publishing.thread.start();
        return publishing;
    }

    private void publish(List<Publisher> publishers, SiteOutput site, FileSink sink) {
        for (Publisher publisher : publishers) {
            try {
                publisher.publishSite(site, sink);
            } catch (TemplateMistake e) {
                // the next publisher's files are still drawn, to find every broken template at once
                mistakes.add(e);
            } catch (RenderException | IOException | RuntimeException | Error e) {
                // kept for the render step's own thread to throw: left here, an error would end
                // this thread with a stack trace on the terminal and the site published without its home page
                failure = e;
                return;
            }
        }
    }

    /** Waits until every site-wide file is drawn (or given up), so that nothing is written after. */
    void await() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** After {@link #await}: a broken template becomes an error at its line; any other failure is thrown. */
    void report(Diagnostics diagnostics) throws RenderException {
        for (TemplateMistake mistake : mistakes) diagnostics.error(mistake.at(), mistake.getMessage());
        if (failure instanceof RenderException r) throw r;
        if (failure instanceof IOException io) {
            throw new RenderException(Failure.output("cannot write the site: " + io.getMessage()), io);
        }
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
    }
}
