package dev.playbook.cli;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Severity;
import dev.playbook.load.Loader;
import dev.playbook.model.Site;
import dev.playbook.resolve.Resolver;

import java.io.PrintWriter;
import java.nio.file.Path;

/** What the CRM commands share: reading the definitions and telling what was found. */
final class CrmCommands {
    private CrmCommands() {
    }

    /** The definitions of a folder, loaded and resolved; problems go to {@code diagnostics}. */
    static Site load(Path source, Diagnostics diagnostics) {
        return new Resolver().resolve(new Loader().load(source, shown(source), diagnostics), diagnostics);
    }

    /**
     * Prints the findings in the compiler style of {@code check}; with errors, ends with
     * {@code outcome} and returns the exit code of definition errors.
     */
    static int report(Diagnostics diagnostics, PrintWriter err, String outcome) {
        for (Diagnostic d : diagnostics.sorted()) err.println(d);
        long errors = diagnostics.count(Severity.ERROR);
        long warnings = diagnostics.count(Severity.WARNING);
        if (errors > 0) {
            err.println(Reporter.plural(errors, "error") + (warnings > 0 ? ", " + Reporter.plural(warnings, "warning") : "")
                    + "; " + outcome);
        }
        err.flush();
        return errors > 0 ? Main.DEFINITION_ERRORS : Main.OK;
    }

    /** A folder as the user named it, which is how file names appear in messages. */
    static String shown(Path folder) {
        String shown = folder.toString().replace('\\', '/');
        while (shown.endsWith("/") && shown.length() > 1) shown = shown.substring(0, shown.length() - 1);
        return shown.equals(".") ? "" : shown;
    }
}
