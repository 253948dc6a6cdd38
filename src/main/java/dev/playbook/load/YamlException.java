package dev.playbook.load;

import dev.playbook.diagnostics.Position;

/** A file that is not YAML we can read; carries the place and a message meant for the author. */
public final class YamlException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Position at;

    public YamlException(Position at, String message) {
        super(message);
        this.at = at;
    }

    public Position at() {
        return at;
    }
}
