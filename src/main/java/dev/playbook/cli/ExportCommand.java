package dev.playbook.cli;

import dev.playbook.crm.CrmExport;
import dev.playbook.crm.CrmPlaybook;
import dev.playbook.crm.CrmPlaybooks;
import dev.playbook.crm.ExportFile;
import dev.playbook.crm.ExportSettings;
import dev.playbook.crm.OutputFolder;
import dev.playbook.crm.hubspot.HubSpotExport;
import dev.playbook.crm.pipedrive.PipedriveExport;
import dev.playbook.crm.salesforce.SalesforceExport;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Track;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Writes the playbooks' stages as CRM configuration: a Salesforce DX project, HubSpot pipeline "
                + "requests, or Pipedrive stage requests.",
                "Writes only its own files into the output folder: a file that exists with other content is "
                        + "replaced only with --force, and nothing is ever deleted."})
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CRM", description = "salesforce, hubspot or pipedrive.")
    String crm;

    @Option(names = "--source", paramLabel = "DIR", defaultValue = "process-definitions",
            description = "Folder of playbook definitions. Default: ${DEFAULT-VALUE}.")
    Path source;

    @Option(names = "--playbook", paramLabel = "ID", split = ",",
            description = "Export only these playbooks (repeat the option or separate ids with commas). Default: every playbook.")
    List<String> playbookIds = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", required = true,
            description = "Folder to write into, e.g. your Salesforce project; created if missing.")
    Path output;

    @Option(names = "--api-version", paramLabel = "VERSION", defaultValue = ExportSettings.DEFAULT_SALESFORCE_API_VERSION,
            description = "Salesforce only: the Metadata API version of package.xml. Default: ${DEFAULT-VALUE}.")
    String apiVersion;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where the site is published, for links from the CRM's guidance to stage pages. "
                    + "Default: site.yaml's base_url.")
    String baseUrl;

    @Option(names = "--force", description = "Replace files that exist with other content.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and warnings.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CrmExport export = switch (crm.toLowerCase(Locale.ROOT)) {
            case "salesforce" -> new SalesforceExport();
            case "hubspot" -> new HubSpotExport();
            case "pipedrive" -> new PipedriveExport();
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "`" + crm + "` is not a CRM the export knows; use salesforce, hubspot or pipedrive");
        };
        if (!apiVersion.matches("\\d{2,3}\\.0") || Integer.parseInt(apiVersion.substring(0, apiVersion.indexOf('.'))) < 34) {
            throw new CommandLine.ParameterException(spec.commandLine(), "`--api-version " + apiVersion
                    + "` is not a Salesforce API version such as " + ExportSettings.DEFAULT_SALESFORCE_API_VERSION
                    + " (Path needs 34.0 or later)");
        }
        Diagnostics loaded = new Diagnostics();
        Site site = CrmCommands.load(source, loaded);
        if (loaded.hasErrors()) return CrmCommands.report(loaded, err, "nothing was exported");
        // the definitions' own warnings are `check`'s to tell; the export tells what concerns the CRM
        Diagnostics diagnostics = new Diagnostics();
        String base = baseUrl != null ? baseUrl : site.settings().baseUrl();
        String siteAddress = siteAddress(base, baseUrl != null);
        List<Playbook> chosen = choose(site);
        List<CrmPlaybook> pipelines = new ArrayList<>();
        for (Playbook p : chosen) {
            CrmPlaybook pipeline = CrmPlaybooks.of(p, diagnostics);
            if (pipeline != null) pipelines.add(pipeline);
        }
        List<ExportFile> files = diagnostics.hasErrors() ? List.of()
                : export.export(pipelines, new ExportSettings(siteAddress, apiVersion), diagnostics);
        if (diagnostics.hasErrors()) return CrmCommands.report(diagnostics, err, "nothing was exported");
        CrmCommands.report(diagnostics, err, null);
        String shown = CrmCommands.shown(output);
        OutputFolder.Outcome outcome;
        try {
            outcome = new OutputFolder(output, shown).write(files, force);
        } catch (OutputFolder.Refused e) {
            err.println("playbook: " + e.getMessage());
            err.flush();
            return Main.USAGE_OR_FAILURE;
        } catch (IOException e) {
            err.println("playbook: cannot write into " + shown + ": " + e.getMessage() + "; some files may be missing");
            err.flush();
            return Main.USAGE_OR_FAILURE;
        }
        if (!quiet) summary(out, pipelines, outcome, shown);
        return Main.OK;
    }

    private List<Playbook> choose(Site site) {
        if (site.playbooks().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), CrmCommands.shown(source)
                    + " has no playbooks to export; name the folder of definitions with --source");
        }
        if (playbookIds.isEmpty()) return site.playbooks();
        Set<String> wanted = new LinkedHashSet<>(playbookIds);
        List<Playbook> chosen = new ArrayList<>();
        for (String id : wanted) {
            Playbook p = site.playbooks().stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
            if (p == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no playbook `" + id + "` in "
                        + CrmCommands.shown(source) + "; its playbooks are: "
                        + String.join(", ", site.playbooks().stream().map(Playbook::id).toList()));
            }
            chosen.add(p);
        }
        return chosen;
    }

    /** The site's address with a final slash, or null; a bad one given on the command line is a usage error. */
    private String siteAddress(String base, boolean fromCommandLine) {
        if (base == null || base.isBlank()) return null;
        String trimmed = base.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return trimmed.endsWith("/") ? trimmed : trimmed + "/";
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        if (fromCommandLine) {
            throw new CommandLine.ParameterException(spec.commandLine(), "`--base-url " + base
                    + "` is not an http or https address such as https://example.com/playbooks/");
        }
        return null;
    }

    private void summary(PrintWriter out, List<CrmPlaybook> pipelines, OutputFolder.Outcome outcome, String shown) {
        out.printf("Exported %s for %s into %s: %d written, %d unchanged%s%n",
                Reporter.plural(pipelines.size(), "playbook"), crmName(), shown, outcome.written().size(),
                outcome.unchanged().size(), outcome.kept().isEmpty() ? ""
                        : ", " + String.join(", ", outcome.kept()) + " left as it was (the project's own)");
        List<String> tracks = new ArrayList<>();
        for (CrmPlaybook p : pipelines) {
            for (Track t : p.playbook().tracks()) tracks.add(p.id() + "/" + t.id());
        }
        if (!tracks.isEmpty()) {
            out.println("Side tracks are not CRM stages and were left out: " + String.join(", ", tracks));
        }
        out.flush();
    }

    private String crmName() {
        return switch (crm.toLowerCase(Locale.ROOT)) {
            case "salesforce" -> "Salesforce";
            case "hubspot" -> "HubSpot";
            default -> "Pipedrive";
        };
    }
}
