package dev.playbook.changes;

/** A revision or folder to compare that cannot be read: its message says why, in words for the user. */
public final class RevisionException extends Exception {
    private static final long serialVersionUID = 1L;

    public RevisionException(String message) {
        super(message);
    }

    public RevisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
