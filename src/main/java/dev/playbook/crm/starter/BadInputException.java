package dev.playbook.crm.starter;

/**
 * A CRM file that cannot be imported: not XML or JSON, the wrong kind of file, a pipeline that is
 * not in it. The message names the file (and the line, where there is one) in the compiler style.
 */
public final class BadInputException extends Exception {
    private final String file;
    private final int line;
    private final String problem;

    /** @param line the line the problem is at, or 0 when it concerns the whole file */
    public BadInputException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": error: " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
