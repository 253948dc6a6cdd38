package dev.playbook.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.playbook.SiteBuild;
import dev.playbook.diagnostics.Diagnostic;
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
    void print(SiteBuild.Report report, PrintWriter out, PrintWriter err) {
        switch (this) {
            case TEXT -> text(report, err);
            case JSON -> out.println(json(report));
            case GITHUB -> github(report, out);
        }
        out.flush();
        err.flush();
    }

    private static void text(SiteBuild.Report report, PrintWriter err) {
        for (Diagnostic d : report.diagnostics().sorted()) err.println(d);
        long errors = report.diagnostics().count(Severity.ERROR);
        long warnings = report.diagnostics().count(Severity.WARNING);
        if (errors > 0) {
            err.println(Reporter.plural(errors, "error") + (warnings > 0 ? ", " + Reporter.plural(warnings, "warning") : "")
                    + "; nothing was written");
        } else if (report.failure() != null) {
            err.println(Reporter.describe(report.failure()));
        }
    }

    private static String json(SiteBuild.Report report) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Diagnostic d : report.diagnostics().sorted()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("severity", d.severity().label());
            item.put("file", d.at().file());
            item.put("line", d.at().line());
            item.put("column", d.at().column());
            item.put("message", d.message());
            items.add(item);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("ok", report.succeeded());
        all.put("errors", report.diagnostics().count(Severity.ERROR));
        all.put("warnings", report.diagnostics().count(Severity.WARNING));
        all.put("diagnostics", items);
        all.put("failure", report.failure() == null ? null : report.failure().message());
        all.put("failureKind", report.failure() == null ? null : report.failure().kind().label());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Workflow commands: https://docs.github.com/actions (the "::error file=...::" form). */
    private static void github(SiteBuild.Report report, PrintWriter out) {
        for (Diagnostic d : report.diagnostics().sorted()) {
            out.println("::" + d.severity().label() + " file=" + property(d.at().file()) + ",line=" + d.at().line()
                    + ",col=" + d.at().column() + ",title=" + property("playbook " + d.severity().label())
                    + "::" + data(d.message()));
        }
        if (report.failure() != null) out.println("::error title=playbook::" + data(report.failure().message()));
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
