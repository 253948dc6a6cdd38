package dev.playbook.render.diagram;

import dev.playbook.diagnostics.Position;

/**
 * PlantUML source to draw.
 *
 * @param origin where an author wrote it (for errors), or null for a diagram we generate
 * @param firstLine the file line of the source's first line, to map PlantUML's line to the file's
 */
record DiagramSource(String text, Position origin, int firstLine) {
}
