package dev.playbook.model;

import dev.playbook.diagnostics.Position;

/**
 * Text an author wrote in Markdown, kept as written; turning it into a page is the renderer's job.
 *
 * @param at where the value starts in its file, for errors found while rendering it
 * @param firstLine the file line of the text's first line (a block scalar starts on the line after its key)
 */
public record Markdown(String source, Position at, int firstLine) {

    public boolean isBlank() {
        return source.isBlank();
    }
}
