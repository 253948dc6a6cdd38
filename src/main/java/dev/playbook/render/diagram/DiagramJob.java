package dev.playbook.render.diagram;

/**
 * A diagram to draw and how to label it for screen readers. Jobs with the same source are drawn
 * once, and the cleaned SVG is cached under {@link #key()} without its labels: each job gets its
 * own title and description on the way out, so new labels alone never call for a new drawing.
 */
record DiagramJob(String source, String title, String description) {

    String key() {
        return DiagramCache.key(source);
    }

    /** Ids inside the SVG of the source with this {@link #key}: stable for the same source, different between diagrams of one page. */
    static String idPrefix(String key) {
        return "d" + key.substring(0, 12);
    }

    /** This job's labels on a drawing of its source, whose {@link #key} is given; a failure as it is. */
    DiagramResult labelled(DiagramResult drawing, String key) {
        if (drawing.failed()) return drawing;
        return DiagramResult.drawn(SvgCleaner.labelled(drawing.svg(), idPrefix(key), title, description));
    }
}
