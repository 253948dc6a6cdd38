package dev.playbook.render.diagram;

/**
 * A drawn diagram: an SVG ready to embed in a page, or PlantUML's complaint and the 0-based line
 * of the source it is about.
 *
 * @param crashed PlantUML itself failed (ran out of stack or memory, or threw) rather than
 *                rejecting the source: for a generated diagram, a sign that it is too large to draw
 */
record DiagramResult(String svg, String error, int errorLine, boolean crashed) {

    static DiagramResult drawn(String svg) {
        return new DiagramResult(svg, null, -1, false);
    }

    static DiagramResult failed(String error, int errorLine) {
        return new DiagramResult(null, error, errorLine, false);
    }

    static DiagramResult crashed(String error) {
        return new DiagramResult(null, error, 0, true);
    }

    public boolean failed() {
        return error != null;
    }
}
