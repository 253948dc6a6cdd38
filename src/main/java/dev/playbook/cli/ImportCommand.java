package dev.playbook.cli;

import dev.playbook.crm.ExportFile;
import dev.playbook.crm.OutputFolder;
import dev.playbook.crm.hubspot.HubSpotImport;
import dev.playbook.crm.salesforce.SalesforceImport;
import dev.playbook.crm.starter.BadInputException;
import dev.playbook.crm.starter.ImportedPipeline;
import dev.playbook.crm.starter.StarterPlaybooks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Turns a CRM's existing pipeline into a starter playbook: one YAML file per Salesforce sales "
                + "process or HubSpot deal pipeline, which builds at once; `check` then lists what each stage still needs.",
                "Salesforce: a retrieved OpportunityStage.standardValueSet-meta.xml, or a project folder, where "
                        + "--process picks one sales process.",
                "HubSpot: a response of GET /crm/v3/pipelines/deals, or one pipeline; --pipeline picks one.",
                "Never overwrites a file without --force."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CRM", description = "salesforce or hubspot.")
    String crm;

    @Parameters(index = "1", paramLabel = "FILE|FOLDER", description = "What the CRM gave: a file, or (Salesforce) a project folder.")
    Path input;

    @Option(names = "--process", paramLabel = "NAME", description = "Salesforce only: import just this sales process.")
    String process;

    @Option(names = "--pipeline", paramLabel = "ID|LABEL", description = "HubSpot only: import just this pipeline.")
    String pipeline;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "process-definitions",
            description = "Folder to write the playbooks into. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--force", description = "Replace playbook files that exist.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String system = crm.toLowerCase(Locale.ROOT);
        if (!system.equals("salesforce") && !system.equals("hubspot")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "`" + crm + "` is not a CRM the import knows; "
                    + "use salesforce or hubspot (a Pipedrive pipeline is not imported)");
        }
        if (process != null && !system.equals("salesforce")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--process is for Salesforce; for HubSpot use --pipeline");
        }
        if (pipeline != null && !system.equals("hubspot")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pipeline is for HubSpot; for Salesforce use --process");
        }
        String shownInput = CrmCommands.shown(input);
        List<String> notes = new ArrayList<>();
        String shownOutput = CrmCommands.shown(output);
        List<StarterPlaybooks.Starter> starters;
        try {
            List<ImportedPipeline> pipelines = system.equals("salesforce")
                    ? new SalesforceImport(notes::add).read(input, shownInput, process)
                    : new HubSpotImport(notes::add).read(input, shownInput, pipeline);
            starters = new StarterPlaybooks(Clock.systemUTC()).make(pipelines, StarterPlaybooks.existing(output),
                    system.equals("salesforce") ? "Salesforce" : "HubSpot", shownInput);
        } catch (BadInputException e) {
            err.println(e.getMessage());
            err.println("nothing was written");
            err.flush();
            return Main.DEFINITION_ERRORS;
        }
        List<ExportFile> files = starters.stream().map(StarterPlaybooks.Starter::file).toList();
        OutputFolder folder = new OutputFolder(output, shownOutput);
        OutputFolder.Outcome outcome;
        try {
            outcome = folder.write(files, force);
        } catch (OutputFolder.Refused e) {
            err.println("playbook: " + e.getMessage());
            err.flush();
            return Main.USAGE_OR_FAILURE;
        } catch (IOException e) {
            err.println("playbook: cannot write into " + shownOutput + ": " + e.getMessage());
            err.flush();
            return Main.USAGE_OR_FAILURE;
        }
        if (!quiet) {
            for (String note : notes) out.println("note: " + note);
            long warnings = 0;
            for (StarterPlaybooks.Starter s : starters) {
                String file = folder.shown(s.file().path());
                out.println((outcome.unchanged().contains(file) ? "Unchanged " : "Wrote ") + file + ": playbook `" + s.id()
                        + "`, " + Reporter.plural(s.stages(), "stage"));
                warnings += s.warnings();
            }
            out.println("It builds as it is; `playbook check` lists " + Reporter.plural(warnings, "warning")
                    + ", the to-do list of what the stages still need.");
            out.flush();
        }
        return Main.OK;
    }
}
