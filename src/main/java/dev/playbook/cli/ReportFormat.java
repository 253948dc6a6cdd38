package dev.playbook.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.playbook.Outcome;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.DiagnosticJson;
import dev.playbook.diagnostics.Failure;
import dev.playbook.diagnostics.Severity;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How `check` tells what it found: for people, for tools, or for GitHub Actions' annotations. */
enum ReportFormat {
    TEXT, JSON, GITHUB;

    /** Prints the findings: text to the error stream, the machine formats to standard output. */
    void print(Outcome report, PrintWriter out, PrintWriter err) {
        switch (this) {
            case TEXT -> text(report, err);
            case JSON -> out.println(json(report));
            case GITHUB -> github(report, out);
        }
        out.flush();
        err.flush();
    }

    private static void text(Outcome report, PrintWriter err) {
        for (Diagnostic d : report.diagnostics().sorted()) err.println(d);
        long errors = report.diagnostics().count(Severity.ERROR);
        long warnings = report.diagnostics().count(Severity.WARNING);
        if (errors > 0) {
            err.println(Reporter.plural(errors, "error") + (warnings > 0 ? ", " + Reporter.plural(warnings, "warning") : "")
                    + "; nothing was written");
        } else if (report instanceof Outcome.Failed failed) {
            err.println(Reporter.describe(failed.failure()));
        }
    }

    private static String json(Outcome report) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Diagnostic d : report.diagnostics().sorted()) items.add(DiagnosticJson.toMap(d));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("ok", Reporter.exitCode(report) == Main.OK);
        all.put("errors", report.diagnostics().count(Severity.ERROR));
        all.put("warnings", report.diagnostics().count(Severity.WARNING));
        all.put("diagnostics", items);
        Failure failure = report instanceof Outcome.Failed failed ? failed.failure() : null;
        all.put("failure", failure == null ? null : failure.message());
        all.put("failureKind", failure == null ? null : failure.kind().label());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Workflow commands: https://docs.github.com/actions (the "::error file=...::" form). */
    private static void github(Outcome report, PrintWriter out) {
        for (Diagnostic d : report.diagnostics().sorted()) {
            out.println("::" + d.severity().label() + " file=" + property(d.at().file()) + ",line=" + d.at().line()
                    + ",col=" + d.at().column() + ",title=" + property("playbook " + d.severity().label())
                    + "::" + data(d.message()));
        }
        String failure = report.failureMessage();
        if (failure != null) out.println("::error title=playbook::" + data(failure));
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
