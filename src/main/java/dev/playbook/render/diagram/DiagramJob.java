package dev.playbook.render.diagram;

/**
 * A diagram to draw and how to label it for screen readers. Jobs with equal fields are drawn
 * once; the finished, cleaned SVG is cached under {@link #key()}.
 */
record DiagramJob(String source, String title, String description) {

    String key() {
        return DiagramCache.key(source + '\u0000' + title + '\u0000' + description);
    }

    /** Ids inside the SVG: stable for the same source, different between diagrams of one page. */
    String idPrefix() {
        return "d" + DiagramCache.key(source).substring(0, 12);
    }
}
