package dev.playbook.cli;

import dev.playbook.SiteBuild;
import dev.playbook.diagnostics.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Checks the definitions and writes the website.",
                "The site is built aside and swapped in whole: a build with errors leaves the output folder as it was."})
final class BuildCommand implements Callable<Integer> {
    @Mixin
    SourceOptions options;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "site",
            description = "Folder to write the site into; replaced whole on each build. Default: ${DEFAULT-VALUE}.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        SiteBuild.Report report = new SiteBuild("Playbook " + VersionProvider.version()).build(
                new SiteBuild.Options(options.source, options.sourceShown(), output, options.templates, options.cacheOrNull()));
        int code = new Reporter(spec.commandLine().getOut(), spec.commandLine().getErr()).report(report);
        if (code == Main.OK && !options.quiet) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            long warnings = report.diagnostics().count(Severity.WARNING);
            spec.commandLine().getOut().printf("Built %s (%s; %s: %d drawn, %d from cache) into %s in %d ms%s%n",
                    Reporter.plural(report.site().playbooks().size(), "playbook"),
                    Reporter.plural(report.pages(), "page"),
                    Reporter.plural(report.diagramsDrawn() + report.diagramsCached(), "diagram"),
                    report.diagramsDrawn(), report.diagramsCached(), output, ms,
                    warnings > 0 ? " with " + Reporter.plural(warnings, "warning") : "");
        }
        spec.commandLine().getOut().flush();
        return code;
    }
}
