package dev.playbook.write;

/** The site could not be written; the output folder is as it was before. */
public final class WriteException extends Exception {
    private static final long serialVersionUID = 1L;

    public WriteException(String message) {
        super(message);
    }

    public WriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
