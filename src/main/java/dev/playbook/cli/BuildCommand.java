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

    @Option(names = "--force", description = "Draw the whole site even when nothing changed since the last build.")
    boolean force;

    @Option(names = "--since", paramLabel = "REF",
            description = "Mark what changed since this git revision (tag, branch, commit) or folder of definitions: "
                    + "a \"What changed\" page per changed playbook and new/changed badges. Overrides site.yaml's changes_since.")
    String since;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The exact build of the tool that is running: the jar's size and time. Without a jar (run
     * from classes, as in development) there is none, and every build draws the whole site.
     */
    static String toolIdentity() {
        try {
            java.nio.file.Path jar = java.nio.file.Path.of(BuildCommand.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            if (!java.nio.file.Files.isRegularFile(jar)) return null;
            return jar.getFileName() + " " + java.nio.file.Files.size(jar) + " "
                    + java.nio.file.Files.getLastModifiedTime(jar).toMillis();
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        var progress = TerminalProgress.forConsole(spec.commandLine().getErr(), options.quiet);
        SiteBuild.Report report = new SiteBuild("Playbook " + VersionProvider.version(), progress, toolIdentity()).build(
                new SiteBuild.Options(options.source, options.sourceShown(), output, options.templates, options.cacheOrNull(),
                        force, since));
        if (progress instanceof TerminalProgress terminal) terminal.clear();
        int code = new Reporter(spec.commandLine().getOut(), spec.commandLine().getErr()).report(report);
        if (options.verbose) Reporter.timings(report, spec.commandLine().getErr());
        if (code == Main.OK && !options.quiet) {
            double seconds = (System.nanoTime() - start) / 1e9;
            long warnings = report.diagnostics().count(Severity.WARNING);
            int diagrams = report.diagramsDrawn() + report.diagramsCached();
            if (report.site() == null) {
                spec.commandLine().getOut().println(String.format(java.util.Locale.ROOT,
                        "Nothing changed: the %,d pages in %s are up to date (checked in %.1f s; --force draws them anew)%s",
                        report.pages(), output, seconds,
                        warnings > 0 ? ", with " + Reporter.plural(warnings, "warning") : ""));
                spec.commandLine().getOut().flush();
                return code;
            }
            spec.commandLine().getOut().println(String.format(java.util.Locale.ROOT,
                    "Built %,d pages and %,d diagrams (%,d from cache) of %s into %s in %.1f s%s",
                    report.pages(), diagrams, report.diagramsCached(),
                    Reporter.plural(report.site().playbooks().size(), "playbook"), output, seconds,
                    warnings > 0 ? ", with " + Reporter.plural(warnings, "warning") : ""));
        }
        spec.commandLine().getOut().flush();
        return code;
    }
}
