package dev.playbook.render;

/**
 * A drawn diagram: an SVG ready to embed in a page, or PlantUML's complaint and the 0-based line
 * of the source it is about.
 */
public record DiagramResult(String svg, String error, int errorLine) {

    static DiagramResult drawn(String svg) {
        return new DiagramResult(svg, null, -1);
    }

    static DiagramResult failed(String error, int errorLine) {
        return new DiagramResult(null, error, errorLine);
    }

    public boolean failed() {
        return error != null;
    }
}
