package dev.playbook.cli;

import dev.playbook.progress.Progress;

import java.io.PrintWriter;

/**
 * A live progress line ("diagrams 340/1043") rewritten in place on a terminal. It is only used
 * when the output is a terminal: a log or a pipe gets the summary line alone.
 */
final class TerminalProgress implements Progress {
    /** Redrawing more often than this only costs time. */
    private static final long EVERY_NANOS = 100_000_000L;

    private final PrintWriter out;
    private long lastDrawn;
    private int width;

    TerminalProgress(PrintWriter out) {
        this.out = out;
    }

    /** A progress line for a terminal, or none when output goes elsewhere or is not wanted. */
    static Progress forConsole(PrintWriter out, boolean quiet) {
        return !quiet && System.console() != null ? new TerminalProgress(out) : Progress.NONE;
    }

    @Override
    public synchronized void advance(String step, int done, int total) {
        long now = System.nanoTime();
        if (done < total && now - lastDrawn < EVERY_NANOS) return;
        lastDrawn = now;
        String line = String.format("%s %,d/%,d", step, done, total);
        out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        width = line.length();
        out.flush();
    }

    /** Clears the line, so the summary that follows starts on a clean one. */
    synchronized void clear() {
        if (width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            out.flush();
            width = 0;
        }
    }
}
