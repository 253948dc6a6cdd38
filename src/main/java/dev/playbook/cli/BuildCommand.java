package dev.playbook.cli;

import dev.playbook.Outcome;
import dev.playbook.Pipeline;
import dev.playbook.diagnostics.Severity;
import dev.playbook.render.SiteRenderer;
import dev.playbook.render.ToolCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
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
     * This build of the tool, for the up-to-date check (see {@link ToolCode#stamp()}); null when
     * run from a folder of classes (development), where every build draws the site.
     */
    static String toolIdentity() {
        try {
            return ToolCode.stamp();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        var progress = TerminalProgress.forConsole(spec.commandLine().getErr(), options.quiet);
        Outcome outcome = Pipeline.once(options.input().since(since), "Playbook " + VersionProvider.version(), progress, true)
                .build(output, force, toolIdentity());
        if (progress instanceof TerminalProgress terminal) terminal.clear();
        int code = new Reporter(spec.commandLine().getOut(), spec.commandLine().getErr()).report(outcome);
        if (options.verbose) Reporter.timings(outcome, spec.commandLine().getErr());
        if (code == Main.OK && !options.quiet) {
            double seconds = (System.nanoTime() - start) / 1e9;
            long warnings = outcome.diagnostics().count(Severity.WARNING);
            String withWarnings = warnings > 0 ? ", with " + Reporter.plural(warnings, "warning") : "";
            if (outcome instanceof Outcome.UpToDate upToDate) {
                spec.commandLine().getOut().println(String.format(Locale.ROOT,
                        "Nothing changed: the %,d pages in %s are up to date (checked in %.1f s; --force draws them anew)%s",
                        upToDate.pages(), output, seconds, withWarnings));
            } else if (outcome instanceof Outcome.Built built) {
                SiteRenderer.Summary summary = built.summary();
                spec.commandLine().getOut().println(String.format(Locale.ROOT,
                        "Built %,d pages and %,d diagrams (%,d from cache) of %s into %s in %.1f s%s",
                        summary.pages(), summary.diagramsDrawn() + summary.diagramsCached(), summary.diagramsCached(),
                        Reporter.plural(built.site().playbooks().size(), "playbook"), output, seconds, withWarnings));
            }
        }
        spec.commandLine().getOut().flush();
        return code;
    }
}
