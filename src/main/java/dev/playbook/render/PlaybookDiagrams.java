package dev.playbook.render;

/** The diagrams of one playbook: PlantUML source and the SVG ready to embed; the roles pair may be null. */
public record PlaybookDiagrams(String flowSource, String flowSvg, String rolesSource, String rolesSvg) {
}
