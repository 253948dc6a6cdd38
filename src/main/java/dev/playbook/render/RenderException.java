package dev.playbook.render;

import dev.playbook.diagnostics.Failure;

/**
 * The site could not be drawn for a reason outside the definitions and templates (whose
 * mistakes are diagnostics); carries what kind of failure it is.
 */
public final class RenderException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    /** A failure of the tool itself: nothing an author wrote causes it. */
    public RenderException(String message, Throwable cause) {
        this(Failure.internal(message), cause);
    }

    public RenderException(Failure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
