package dev.playbook.load;

import dev.playbook.model.Markdown;

/**
 * The text of one definition file, kept to tell where a scalar's own text begins: a block scalar
 * ({@code |} or {@code >}) starts on the line after its indicator, which matters when a diagram
 * inside Markdown must be reported at its real line.
 */
final class SourceText {
    private final String[] lines;

    SourceText(String text) {
        this.lines = text.split("\n", -1);
    }

    Markdown markdown(YamlNode.Scalar scalar) {
        int line = scalar.at().line();
        int column = scalar.at().column();
        int firstLine = line;
        int firstColumn = column;
        if (line >= 1 && line <= lines.length) {
            String text = lines[line - 1];
            if (column - 1 < text.length()) {
                char indicator = text.charAt(column - 1);
                if (indicator == '|' || indicator == '>') {
                    firstLine = line + 1;
                    firstColumn = firstLine <= lines.length ? indentation(lines[firstLine - 1]) + 1 : column;
                } else if (indicator == '"' || indicator == '\'') {
                    firstColumn = column + 1;
                }
            }
        }
        return new Markdown(scalar.text(), scalar.at(), firstLine, firstColumn);
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }
}
