package dev.playbook.render;

import java.io.IOException;

/**
 * One kind of output of the site: pages, diagram files, the search index, a PDF pack. The
 * render step draws the diagrams, then hands each publisher the playbooks in scope, a few at a
 * time and in parallel, and meanwhile, on a thread of its own, the site as a whole; what a
 * publisher gives its sink is written (or previewed) with every other file of the site, or not
 * at all.
 *
 * <p>For one playbook the publishers run in the order they are registered, so an earlier one
 * may leave facts for a later one in {@link PlaybookOutput#facts()} (the PDF pack tells the
 * pages how many pages it has).
 */
public interface Publisher {

    /** Before any playbook is published: work out what the whole site needs to know. */
    default void prepare(SiteOutput site) throws RenderException {
    }

    /** The files of one playbook. Called for several playbooks at once, from different threads. */
    default void publish(PlaybookOutput playbook, FileSink sink) throws RenderException, IOException {
    }

    /**
     * The site-wide files, only when the site-wide pages are in scope. Called while the playbooks
     * are published, so it must not depend on what {@link #publish} does.
     */
    default void publishSite(SiteOutput site, FileSink sink) throws RenderException, IOException {
    }
}
