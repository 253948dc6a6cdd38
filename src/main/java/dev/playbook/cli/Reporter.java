package dev.playbook.cli;

import dev.playbook.Outcome;
import dev.playbook.render.SiteRenderer;
import dev.playbook.diagnostics.Failure;
import dev.playbook.diagnostics.Severity;

import java.io.PrintWriter;
import java.util.Map;

/** Prints what a run found, by default in the compiler style editors and CI logs turn into links. */
final class Reporter {
    private final PrintWriter out;
    private final PrintWriter err;

    Reporter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Prints the findings and returns the exit code they call for. */
    int report(Outcome outcome) {
        return report(outcome, ReportFormat.TEXT);
    }

    int report(Outcome outcome, ReportFormat format) {
        format.print(outcome, out, err);
        return exitCode(outcome);
    }

    /**
     * The exit code a run calls for: mistakes in definitions and templates are diagnostics (1);
     * a failure is always outside them (2), whatever its kind.
     */
    static int exitCode(Outcome outcome) {
        if (outcome instanceof Outcome.Rejected || outcome.diagnostics().count(Severity.ERROR) > 0) {
            return Main.DEFINITION_ERRORS;
        }
        return outcome instanceof Outcome.Failed ? Main.USAGE_OR_FAILURE : Main.OK;
    }

    /** A failure as one line for people; a fault of the tool asks to be reported. */
    static String describe(Failure failure) {
        return "playbook: " + (failure.kind() == Failure.Kind.INTERNAL
                ? "internal error: " + failure.message() + " (please report it)" : failure.message());
    }

    /** One line per step of the pipeline with how long it took. */
    static void timings(Outcome outcome, PrintWriter err) {
        timings(outcome.millis(), outcome instanceof Outcome.Built built ? built.summary() : null, err);
    }

    /** @param summary what was drawn, or null for a run that drew nothing */
    static void timings(Map<String, Long> millis, SiteRenderer.Summary summary, PrintWriter err) {
        StringBuilder line = new StringBuilder("timings:");
        millis.forEach((step, ms) -> line.append(' ').append(step).append(' ').append(ms).append(" ms"));
        if (summary != null) {
            line.append("; diagrams drawn ").append(summary.diagramsDrawn()).append(", from cache ")
                    .append(summary.diagramsCached());
        }
        err.println(line);
        err.flush();
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
