package dev.playbook.diagnostics;

/**
 * A place in a source file, as an author's editor counts it: 1-based line and column.
 *
 * @param file the file as the user should see it, e.g. {@code process-definitions/b2b.yaml}
 */
public record Position(String file, int line, int column) {

    public static Position startOf(String file) {
        return new Position(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
