package dev.playbook.cli;

import dev.playbook.SiteBuild;
import dev.playbook.diagnostics.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Checks the definitions (and draws every page in memory) without writing anything."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    SourceOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SiteBuild.Report report = new SiteBuild("Playbook " + VersionProvider.version()).check(
                new SiteBuild.Options(options.source, options.sourceShown(), null, options.templates, options.cacheOrNull()));
        int code = new Reporter(spec.commandLine().getErr()).report(report);
        if (code == Main.OK && !options.quiet) {
            long warnings = report.diagnostics().count(Severity.WARNING);
            spec.commandLine().getOut().printf("%s checked: no errors%s%n",
                    Reporter.plural(report.site().playbooks().size(), "playbook"),
                    warnings > 0 ? ", " + Reporter.plural(warnings, "warning") : "");
        }
        spec.commandLine().getOut().flush();
        return code;
    }
}
