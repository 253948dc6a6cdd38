package dev.playbook.model;

import dev.playbook.diagnostics.Position;

/**
 * Text an author wrote in Markdown, kept as written; turning it into a page is the renderer's job.
 *
 * @param at where the value starts in its file, for errors found while rendering it
 * @param firstLine the file line of the text's first line (a block scalar starts on the line after its key)
 * @param firstColumn the file column the text's lines start at
 */
public record Markdown(String source, Position at, int firstLine, int firstColumn) {

    public boolean isBlank() {
        return source.isBlank();
    }
}
