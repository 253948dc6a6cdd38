package dev.playbook.crm.starter;

import dev.playbook.crm.ExportFile;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Severity;
import dev.playbook.load.Loader;
import dev.playbook.model.Playbook;
import dev.playbook.model.Slugs;
import dev.playbook.resolve.Resolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns imported pipelines into starter playbook files: gives each playbook and stage an id (a
 * slug of its name, made unique), writes the YAML, and proves that it builds by reading it back
 * with the loader and resolver, so that the author's first {@code playbook check} shows no error,
 * only warnings: the to-do list of tasks and exit criteria still to write.
 */
public final class StarterPlaybooks {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> RESERVED = Set.of("won", "lost");
    private final Clock clock;

    public StarterPlaybooks(Clock clock) {
        this.clock = clock;
    }

    /** One written playbook: its file and how many warnings (to-dos) a check of it gives. */
    public record Starter(String id, ExportFile file, int stages, long warnings) {
    }

    /**
     * @param existing the playbooks the output folder already has: their ids, each with its file
     * @param crm the CRM's name for the header, e.g. {@code Salesforce}
     * @param source the file or folder imported, as the user named it
     */
    public List<Starter> make(List<ImportedPipeline> pipelines, Map<String, String> existing, String crm, String source)
            throws BadInputException {
        // an id is free where no other file has it: the playbook's own file is replaced (with --force) or refused
        Set<String> taken = new HashSet<>();
        existing.forEach((id, file) -> {
            if (!file.equals(id + ".yaml")) taken.add(id);
        });
        List<Starter> starters = new ArrayList<>();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(clock.instant().atZone(ZoneOffset.UTC));
        for (ImportedPipeline pipeline : pipelines) {
            String id = unique(slug(pipeline.title(), "imported-pipeline"), taken);
            taken.add(id);
            Set<String> stageIds = new HashSet<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < pipeline.stages().size(); i++) {
                String stageId = unique(slug(pipeline.stages().get(i).title(), "stage-" + (i + 1)), stageIds);
                stageIds.add(stageId);
                ids.add(stageId);
            }
            List<String> header = List.of(
                    "Imported from " + crm + " (" + pipeline.origin() + ") by `playbook import`, " + when + ",",
                    "from " + source + ".",
                    "It builds as it is. `playbook check` warns about what each stage still needs (tasks, exit",
                    "criteria): that is the to-do list for turning this pipeline into a playbook.");
            String yaml = StarterYaml.of(pipeline, id, ids, header);
            long size = yaml.getBytes(StandardCharsets.UTF_8).length;
            if (size > Loader.MAX_FILE_BYTES) {
                throw new BadInputException(source, 0, "the pipeline \"" + pipeline.title() + "\" would make a playbook file of "
                        + (size / 1024 / 1024) + " MB, more than a definition file may be (" + (Loader.MAX_FILE_BYTES / 1024 / 1024)
                        + " MB); its guidance texts are far too long to be a CRM's");
            }
            starters.add(new Starter(id, ExportFile.text(id + ".yaml", yaml), pipeline.stages().size(), warnings(id, yaml)));
        }
        return starters;
    }

    /** The playbooks of a folder of definitions, read as well as they can be: each id with its file, relative to the folder. */
    public static Map<String, String> existing(Path folder) {
        Map<String, String> ids = new HashMap<>();
        if (!Files.isDirectory(folder)) return ids;
        Diagnostics ignored = new Diagnostics();
        new Loader().load(folder, "", ignored).playbooks().forEach(p -> {
            if (p.id() != null) ids.putIfAbsent(p.id().value(), p.file());
        });
        return ids;
    }

    private static String slug(String name, String fallback) {
        String slug = Slugs.slug(name);
        if (slug.isEmpty()) slug = fallback;
        if (RESERVED.contains(slug)) slug = "closed-" + slug;
        return slug;
    }

    private static String unique(String base, Set<String> taken) {
        if (!taken.contains(base)) return base;
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String stem = base.length() + suffix.length() > 63 ? base.substring(0, 63 - suffix.length()).replaceAll("-+$", "") : base;
            String candidate = stem + suffix;
            if (!taken.contains(candidate) && ID.matcher(candidate).matches()) return candidate;
        }
    }

    /**
     * Reads the file back as the build would, alone in a folder of its own: it must give the
     * playbook without a single error. Returns its warnings.
     */
    private static long warnings(String id, String yaml) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("playbook-import-");
            Files.writeString(folder.resolve(id + ".yaml"), yaml, StandardCharsets.UTF_8);
            Diagnostics diagnostics = new Diagnostics();
            List<Playbook> built = new Resolver().resolve(new Loader().load(folder, "", diagnostics), diagnostics).playbooks();
            if (diagnostics.hasErrors() || built.size() != 1) {
                throw new IllegalStateException("the starter playbook does not build: " + diagnostics.sorted().stream()
                        .filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::toString).toList());
            }
            return diagnostics.count(Severity.WARNING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the starter playbook in a temporary folder", e);
        } finally {
            if (folder != null) delete(folder);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary folder left behind does no harm
        }
    }
}
