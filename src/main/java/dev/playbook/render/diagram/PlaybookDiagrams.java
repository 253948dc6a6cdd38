package dev.playbook.render.diagram;

/**
 * The diagrams of one playbook: PlantUML source and the SVG ready to embed. The roles are null
 * for a playbook without roles; an SVG is null when the diagram was left out.
 *
 * @param omittedNotice what the pages show in place of a diagram left out, or null
 */
public record PlaybookDiagrams(String flowSource, String flowSvg, String rolesSource, String rolesSvg,
                               String omittedNotice) {

    /** The flowchart to embed, or the notice in its place. */
    public String flowMarkup() {
        return flowSvg != null ? flowSvg : omittedNotice;
    }

    /** The swimlanes to embed, the notice in their place, or null for a playbook without roles. */
    public String rolesMarkup() {
        return rolesSource == null ? null : rolesSvg != null ? rolesSvg : omittedNotice;
    }
}
