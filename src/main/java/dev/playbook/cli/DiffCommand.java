package dev.playbook.cli;

import dev.playbook.changes.Comparer;
import dev.playbook.changes.Comparison;
import dev.playbook.changes.Revision;
import dev.playbook.changes.RevisionException;
import dev.playbook.changes.Revisions;
import dev.playbook.changes.report.JsonReport;
import dev.playbook.changes.report.MarkdownReport;
import dev.playbook.changes.report.TextReport;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Severity;
import dev.playbook.model.Site;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Tells what changed in the playbooks between two versions: stages, tasks, exit criteria, "
                + "probabilities and the rest, matched by id, in plain words.",
                "A version is a git revision of the repository that holds the source folder (a tag, branch, commit "
                        + "or HEAD~1; no git program needed) or a folder of definitions. Exits 0 whether or not "
                        + "anything changed."})
final class DiffCommand implements Callable<Integer> {
    @Option(names = "--source", paramLabel = "DIR", defaultValue = "process-definitions",
            description = "Folder of playbook definitions in the working tree; a revision is read at the same path. "
                    + "Default: ${DEFAULT-VALUE}.")
    Path source;

    @Option(names = "--from", paramLabel = "REF", required = true,
            description = "The baseline: a revision (v2026.1, origin/main, HEAD~1) or a folder of definitions.")
    String from;

    @Option(names = "--to", paramLabel = "REF",
            description = "The newer version, the same way. Default: the source folder as it is now.")
    String to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text (for a terminal), markdown (for a pull-request comment) or json (for tools). "
                    + "Default: ${DEFAULT-VALUE}.")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    enum Format { TEXT, MARKDOWN, JSON }

    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("`" + value + "` is not a format; use text, markdown or json");
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!Files.isDirectory(source)) {
                err.println("playbook: the source folder `" + source + "` does not exist or is not a folder");
                return Main.USAGE_OR_FAILURE;
            }
            Revisions revisions = new Revisions();
            Revision before;
            Revision after;
            try {
                before = revisions.resolve(from, source);
                after = to == null ? Revisions.workingTree(source, SourceOptions.shown(source)) : revisions.resolve(to, source);
            } catch (RevisionException e) {
                err.println("playbook: " + e.getMessage());
                return Main.USAGE_OR_FAILURE;
            }
            Diagnostics diagnostics = new Diagnostics();
            Site old;
            Site now;
            try {
                old = revisions.read(before, diagnostics);
                now = revisions.read(after, diagnostics);
            } catch (RevisionException e) {
                err.println("playbook: " + e.getMessage());
                return Main.USAGE_OR_FAILURE;
            }
            if (diagnostics.hasErrors()) {
                for (Diagnostic d : diagnostics.sorted()) {
                    if (d.severity() == Severity.ERROR) err.println(d);
                }
                err.println(Reporter.plural(diagnostics.count(Severity.ERROR), "error")
                        + "; the versions cannot be compared until the definitions load");
                return Main.DEFINITION_ERRORS;
            }
            Comparison comparison = new Comparer().compare(before.label(), old, after.label(), now);
            out.print(switch (format) {
                case TEXT -> new TextReport().write(comparison);
                case MARKDOWN -> new MarkdownReport().write(comparison);
                case JSON -> new JsonReport().write(comparison);
            });
            return Main.OK;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
