package dev.playbook.cli;

import dev.playbook.SiteBuild;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Severity;

import java.io.PrintWriter;

/** Prints what a run found in the compiler style editors and CI logs turn into links. */
final class Reporter {
    private final PrintWriter err;

    Reporter(PrintWriter err) {
        this.err = err;
    }

    /** Prints the findings and returns the exit code they call for. */
    int report(SiteBuild.Report report) {
        for (Diagnostic d : report.diagnostics().sorted()) err.println(d);
        long errors = report.diagnostics().count(Severity.ERROR);
        long warnings = report.diagnostics().count(Severity.WARNING);
        if (errors > 0) {
            err.println(plural(errors, "error") + (warnings > 0 ? ", " + plural(warnings, "warning") : "")
                    + "; nothing was written");
            err.flush();
            return Main.DEFINITION_ERRORS;
        }
        if (report.failure() != null) {
            err.println("playbook: " + report.failure());
            err.flush();
            return report.failure().contains("template error") ? Main.DEFINITION_ERRORS : Main.USAGE_OR_FAILURE;
        }
        err.flush();
        return Main.OK;
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
