package dev.playbook.render.diagram;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The diagrams of one playbook: PlantUML source and the SVG ready to embed. The roles are null
 * for a playbook without roles; an SVG is null when the diagram was left out.
 *
 * <p>The swimlanes take PlantUML longest, and few pages show them, so they may still be being
 * drawn when the pages start: {@link #rolesSvg} waits for them, and a page that never asks does
 * not wait.
 *
 * @param flowLabel the flowchart's text alternative, its title and description, as its SVG carries them
 * @param rolesDrawing gives the swimlanes' SVG, or null when they were left out, waiting for it if need be
 * @param omittedNotice what the pages show in place of a diagram left out
 */
public record PlaybookDiagrams(String flowSource, String flowSvg, String flowLabel, String rolesSource,
                               Supplier<String> rolesDrawing, String omittedNotice) {
    /** The root element's view box: the drawing's size in CSS pixels. */
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"\\s*[-\\d.]+\\s+[-\\d.]+\\s+([\\d.]+)\\s+([\\d.]+)\\s*\"");

    /** Diagrams drawn already. */
    public PlaybookDiagrams(String flowSource, String flowSvg, String flowLabel, String rolesSource, String rolesSvg,
                            String omittedNotice) {
        this(flowSource, flowSvg, flowLabel, rolesSource, () -> rolesSvg, omittedNotice);
    }

    /** The swimlanes' SVG, or null when they were left out (or the playbook has no roles); may wait for their drawing. */
    public String rolesSvg() {
        return rolesSource == null ? null : rolesDrawing.get();
    }

    /** The flowchart to embed, or the notice in its place. */
    public String flowMarkup() {
        return flowSvg != null ? flowSvg : omittedNotice;
    }

    /** The swimlanes to embed, the notice in their place, or null for a playbook without roles; may wait for their drawing. */
    public String rolesMarkup() {
        if (rolesSource == null) return null;
        String svg = rolesSvg();
        return svg != null ? svg : omittedNotice;
    }

    /** Whether the playbook has swimlanes to show (drawn, or a notice in their place), known without waiting. */
    public boolean hasRoles() {
        return rolesSource != null;
    }

    /**
     * The flowchart's width and height in whole pixels, rounded up, for a page that shows its file
     * as a picture and keeps its room while it loads; null when it was left out or has no size.
     */
    public int[] flowSize() {
        return sizeOf(flowSvg);
    }

    /**
     * The swimlanes' width and height in whole pixels, rounded up, for a page that keeps their room
     * until it puts them in; null when there are none, they were left out or have no size. May wait
     * for their drawing.
     */
    public int[] rolesSize() {
        return sizeOf(rolesSvg());
    }

    private static int[] sizeOf(String svg) {
        if (svg == null) return null;
        int root = svg.indexOf('>');
        Matcher m = VIEW_BOX.matcher(svg).region(0, root < 0 ? svg.length() : root);
        if (!m.find()) return null;
        return new int[] {(int) Math.ceil(Double.parseDouble(m.group(1))), (int) Math.ceil(Double.parseDouble(m.group(2)))};
    }
}
