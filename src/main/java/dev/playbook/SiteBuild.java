package dev.playbook;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.LoadedDefinitions;
import dev.playbook.load.Loader;
import dev.playbook.model.Site;
import dev.playbook.plan.Planner;
import dev.playbook.plan.SitePlan;
import dev.playbook.progress.Progress;
import dev.playbook.render.DiagramCache;
import dev.playbook.render.FileSink;
import dev.playbook.render.PlantUmlEngine;
import dev.playbook.render.RenderScope;
import dev.playbook.render.RenderException;
import dev.playbook.render.RenderedFile;
import dev.playbook.render.SiteRenderer;
import dev.playbook.render.Theme;
import dev.playbook.write.SiteWriter;
import dev.playbook.write.WriteException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of the pipeline, top to bottom: load, resolve, plan, render, write. Each step hands
 * the next an immutable result; a step with errors stops the run before anything is written.
 */
public final class SiteBuild {

    /**
     * @param sourceShown how the source folder is named in messages
     * @param templates a folder of overriding templates, or null
     * @param cache a folder to keep drawn diagrams in between builds, or null
     */
    public record Options(Path source, String sourceShown, Path output, Path templates, Path cache, boolean force) {
        /** Without a diagram cache: every diagram is drawn. */
        public Options(Path source, String sourceShown, Path output, Path templates) {
            this(source, sourceShown, output, templates, null, false);
        }

        public Options(Path source, String sourceShown, Path output, Path templates, Path cache) {
            this(source, sourceShown, output, templates, cache, false);
        }
    }

    /**
     * What a run did. {@code failure} is a problem outside the definitions (a template, the output
     * folder), or null.
     */
    public record Report(Diagnostics diagnostics, Site site, int pages, int files, int diagramsDrawn,
                         int diagramsCached, String failure, java.util.Map<String, Long> millis) {
        public Report {
            millis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(millis));
        }

        public boolean succeeded() {
            return failure == null && !diagnostics.hasErrors();
        }
    }

    private final String generator;
    private final Progress progress;

    private final String toolIdentity;

    public SiteBuild(String generator) {
        this(generator, Progress.NONE, null);
    }

    public SiteBuild(String generator, Progress progress) {
        this(generator, progress, null);
    }

    /**
     * @param toolIdentity names this exact build of the tool (and theme); with it, a build whose
     *                     input has not changed since the site in the output folder was written
     *                     skips drawing it again. Null always draws.
     */
    public SiteBuild(String generator, Progress progress, String toolIdentity) {
        this.generator = generator;
        this.progress = progress;
        this.toolIdentity = toolIdentity;
    }

    /** Everything but writing: the definitions are checked and every page is drawn in memory. */
    public Report check(Options options) {
        return run(options, false);
    }

    public Report build(Options options) {
        return run(options, true);
    }

    private Report run(Options options, boolean write) {
        Diagnostics diagnostics = new Diagnostics();
        Timer timer = new Timer();
        SiteWriter writer = new SiteWriter();
        if (write) {
            try {
                writer.checkReplaceable(options.output());
            } catch (WriteException e) {
                return new Report(diagnostics, null, 0, 0, 0, 0, e.getMessage(), timer.millis);
            }
        }
        String fingerprint = write && toolIdentity != null
                ? Fingerprint.of(toolIdentity, generator, options.source(), options.templates()) : null;
        SiteWriter.Record record = options.force() ? null : writer.upToDate(options.output(), fingerprint);
        if (record != null) {
            // the site was built from exactly this input: say what that build said, and leave it be
            for (String warning : record.warnings()) replay(warning, diagnostics);
            timer.lap("up-to-date check");
            return new Report(diagnostics, null, record.pages(), 0, 0, 0, null, timer.millis);
        }
        // with no diagrams cached yet, PlantUML will be needed: let it start while the files are read
        if (isEmptyOrMissing(options.cache())) PlantUmlEngine.warmUpInBackground();
        LoadedDefinitions loaded = new Loader().load(options.source(), options.sourceShown(), diagnostics);
        timer.lap("load");
        Site site = new dev.playbook.resolve.Resolver().resolve(loaded, diagnostics);
        timer.lap("resolve");
        if (diagnostics.hasErrors()) return new Report(diagnostics, site, 0, 0, 0, 0, null, timer.millis);
        SitePlan plan = new Planner().plan(site);
        timer.lap("plan");

        // pages go to the disk as they are drawn, so a large site never sits in memory whole
        SiteWriter.Transaction transaction = null;
        try {
            if (write) transaction = writer.begin(options.output(), fingerprint);
            FileSink sink = transaction != null ? transaction : file -> { };
            DiagramCache cache = write ? new DiagramCache(options.cache()) : DiagramCache.readOnly(options.cache());
            SiteRenderer renderer = new SiteRenderer(new Theme(options.templates()), generator, cache, progress);
            int files = renderer.render(plan, diagnostics, RenderScope.ALL, sink);
            timer.lap("render");
            timer.millis.put("render.diagrams", renderer.diagramMillis());
            timer.millis.put("render.pdf", renderer.packMillis());
            int drawn = renderer.diagramsDrawn();
            int cached = renderer.diagramsCached();
            if (diagnostics.hasErrors()) return new Report(diagnostics, site, 0, 0, drawn, cached, null, timer.millis);
            if (transaction != null) {
                List<String> warnings = diagnostics.sorted().stream().map(Object::toString).toList();
                transaction.commit(new SiteWriter.Record(plan.pages().size(), warnings));
                timer.lap("write");
            }
            return new Report(diagnostics, site, plan.pages().size(), files, drawn, cached, null, timer.millis);
        } catch (RenderException e) {
            return new Report(diagnostics, site, 0, 0, 0, 0, e.getMessage(), timer.millis);
        } catch (WriteException e) {
            return new Report(diagnostics, site, 0, 0, 0, 0, e.getMessage(), timer.millis);
        } catch (IOException e) {
            return new Report(diagnostics, site, 0, 0, 0, 0, "cannot read the templates: " + e.getMessage(), timer.millis);
        } finally {
            if (transaction != null) transaction.close();
        }
    }

    /** A warning as the marker keeps it, {@code file:line:col: warning: message}, back into the diagnostics. */
    private static void replay(String line, Diagnostics diagnostics) {
        int cut = line.indexOf(": warning: ");
        String place = cut < 0 ? "" : line.substring(0, cut);
        String[] parts = place.split(":");
        try {
            if (parts.length >= 3) {
                String file = place.substring(0, place.length() - parts[parts.length - 1].length() - parts[parts.length - 2].length() - 2);
                diagnostics.warning(new dev.playbook.diagnostics.Position(file, Integer.parseInt(parts[parts.length - 2]),
                        Integer.parseInt(parts[parts.length - 1])), line.substring(cut + ": warning: ".length()));
                return;
            }
        } catch (NumberFormatException e) {
            // fall through: keep the words even if the place cannot be read
        }
        diagnostics.warning(dev.playbook.diagnostics.Position.startOf("?"), line);
    }

    private static boolean isEmptyOrMissing(Path folder) {
        if (folder == null || !java.nio.file.Files.isDirectory(folder)) return true;
        try (var entries = java.nio.file.Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }

    /** How long each step took, for --verbose. */
    private static final class Timer {
        final java.util.Map<String, Long> millis = new java.util.LinkedHashMap<>();
        private long last = System.nanoTime();

        void lap(String step) {
            long now = System.nanoTime();
            millis.put(step, (now - last) / 1_000_000);
            last = now;
        }
    }
}
