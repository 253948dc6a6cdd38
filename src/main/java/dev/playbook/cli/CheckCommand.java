package dev.playbook.cli;

import dev.playbook.Outcome;
import dev.playbook.Pipeline;
import dev.playbook.diagnostics.Severity;
import dev.playbook.progress.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Checks the definitions (and draws every page in memory) without writing anything."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    SourceOptions options;

    @CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class,
            description = "How to report: text (for people, on stderr), json (for tools) or github "
                    + "(GitHub Actions annotations), the last two on stdout. Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("`" + value + "` is not a format; use text, json or github");
            }
        }
    }

    @Override
    public Integer call() {
        Outcome report = Pipeline.once(options.input(), "Playbook " + VersionProvider.version(), Progress.NONE, false)
                .check();
        int code = new Reporter(spec.commandLine().getOut(), spec.commandLine().getErr()).report(report, format);
        if (code == Main.OK && !options.quiet && format == ReportFormat.TEXT) {
            long warnings = report.diagnostics().count(Severity.WARNING);
            spec.commandLine().getOut().printf("%s checked: no errors%s%n",
                    Reporter.plural(((Outcome.Built) report).site().playbooks().size(), "playbook"),
                    warnings > 0 ? ", " + Reporter.plural(warnings, "warning") : "");
        }
        spec.commandLine().getOut().flush();
        return code;
    }
}
