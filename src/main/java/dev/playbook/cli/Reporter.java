package dev.playbook.cli;

import dev.playbook.SiteBuild;
import dev.playbook.diagnostics.Failure;
import dev.playbook.diagnostics.Severity;

import java.io.PrintWriter;

/** Prints what a run found, by default in the compiler style editors and CI logs turn into links. */
final class Reporter {
    private final PrintWriter out;
    private final PrintWriter err;

    Reporter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Prints the findings and returns the exit code they call for. */
    int report(SiteBuild.Report report) {
        return report(report, ReportFormat.TEXT);
    }

    int report(SiteBuild.Report report, ReportFormat format) {
        format.print(report, out, err);
        if (report.diagnostics().count(Severity.ERROR) > 0) return Main.DEFINITION_ERRORS;
        return report.failure() == null ? Main.OK : exitCode(report.failure().kind());
    }

    /** Mistakes in definitions and templates are diagnostics (exit 1); a failure is always outside them. */
    static int exitCode(Failure.Kind kind) {
        return switch (kind) {
            case USAGE, INPUT, OUTPUT, INTERNAL -> Main.USAGE_OR_FAILURE;
        };
    }

    /** A failure as one line for people; a fault of the tool asks to be reported. */
    static String describe(Failure failure) {
        return "playbook: " + (failure.kind() == Failure.Kind.INTERNAL
                ? "internal error: " + failure.message() + " (please report it)" : failure.message());
    }

    /** One line per step of the pipeline with how long it took. */
    static void timings(SiteBuild.Report report, PrintWriter err) {
        StringBuilder line = new StringBuilder("timings:");
        report.millis().forEach((step, ms) -> line.append(' ').append(step).append(' ').append(ms).append(" ms"));
        line.append("; diagrams drawn ").append(report.diagramsDrawn()).append(", from cache ").append(report.diagramsCached());
        err.println(line);
        err.flush();
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
