package dev.playbook.render;

/** A page could not be drawn, most often because a user template has a mistake; says where. */
public final class RenderException extends Exception {
    private static final long serialVersionUID = 1L;

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
