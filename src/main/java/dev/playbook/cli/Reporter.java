package dev.playbook.cli;

import dev.playbook.SiteBuild;
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
        if (report.failure() != null) {
            return report.failure().contains("template error") ? Main.DEFINITION_ERRORS : Main.USAGE_OR_FAILURE;
        }
        return Main.OK;
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
