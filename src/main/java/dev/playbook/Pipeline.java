package dev.playbook;

import dev.playbook.changes.Baseline;
import dev.playbook.changes.Comparison;
import dev.playbook.changes.RevisionException;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Failure;
import dev.playbook.diagnostics.Severity;
import dev.playbook.load.LoadedDefinitions;
import dev.playbook.load.Loader;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.plan.Planner;
import dev.playbook.plan.SitePlan;
import dev.playbook.progress.Progress;
import dev.playbook.render.CacheUpkeep;
import dev.playbook.render.FileSink;
import dev.playbook.render.PackPublisher;
import dev.playbook.render.Publisher;
import dev.playbook.render.RenderException;
import dev.playbook.render.RenderScope;
import dev.playbook.render.SiteRenderer;
import dev.playbook.render.Theme;
import dev.playbook.render.diagram.Diagrams;
import dev.playbook.render.pdf.OnboardingPack;
import dev.playbook.render.pdf.PackCache;
import dev.playbook.resolve.Resolver;
import dev.playbook.write.SiteWriter;
import dev.playbook.write.WriteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one pipeline every command drives, top to bottom: load, resolve, plan, render, write.
 * Each step hands the next an immutable result; a step with errors stops the run before
 * anything is written. {@code build} writes into a folder, {@code check} draws in memory and
 * throws the pages away, and the live preview keeps what it draws.
 *
 * <p>A pipeline remembers what it read and drew (see {@link Memory}), so running it again after
 * an edit only does the work the edit calls for. A one-off build simply uses a fresh one.
 */
public final class Pipeline {

    /**
     * What a site is made from.
     *
     * @param sourceShown how the source folder is named in messages
     * @param templates a folder of overriding templates, or null
     * @param cache a folder to keep drawn diagrams in between runs, or null
     * @param since the git revision or folder to mark changes against, overriding {@code changes_since}; or null
     */
    public record Input(Path source, String sourceShown, Path templates, Path cache, String since) {

        public Input(Path source, String sourceShown, Path templates, Path cache) {
            this(source, sourceShown, templates, cache, null);
        }

        /** The same input, marking changes against {@code since} (null: as site.yaml says). */
        public Input since(String since) {
            return new Input(source, sourceShown, templates, cache, since);
        }

        /**
         * Why the folders named cannot be read from, as a usage failure, or null when they can: a
         * mistyped path is the user's slip, not a mistake in a definition.
         */
        public Failure unusable() {
            if (!Files.exists(source)) {
                return Failure.usage("the source folder " + source + " does not exist; --source names the folder of "
                        + "definitions (`playbook init` creates one)");
            }
            if (!Files.isDirectory(source)) {
                return Failure.usage("the source " + source + " is not a folder; --source names the folder that holds the "
                        + "definitions (*.yaml), not a file");
            }
            if (templates != null && !Files.exists(templates)) {
                return Failure.usage("the templates folder " + templates + " does not exist");
            }
            if (templates != null && !Files.isDirectory(templates)) {
                return Failure.usage("the templates " + templates + " is not a folder; --templates names a folder of templates");
            }
            return null;
        }
    }

    /**
     * What a pipeline keeps between runs: the files it read, the renderer with its publishers
     * (the search index remembers unchanged playbooks), and the last site it drew in full, from
     * which a rerun works out which playbooks changed.
     */
    public static final class Memory {
        private final boolean packsOnRequest;
        private final Loader loader = new Loader();
        private final Resolver resolver = new Resolver();
        private final Planner planner = new Planner();
        private SiteRenderer renderer;
        private PackPublisher packs;
        private Site drawn;
        private Baseline baseline;
        private Comparison compared;

        /** The memory of a pipeline that draws every file it publishes. */
        public Memory() {
            this(false);
        }

        /**
         * @param packsOnRequest whether onboarding packs are left for the sink to draw when someone asks
         *                       for them (see {@link FileSink#acceptOnRequest}): the live preview's way
         */
        public Memory(boolean packsOnRequest) {
            this.packsOnRequest = packsOnRequest;
        }
    }

    private final Input input;
    private final String generator;
    private final Progress progress;
    private final Memory memory;
    private final boolean writesCache;

    /**
     * @param writesCache whether drawn diagrams go into the cache folder; {@code check} only reads it
     */
    public Pipeline(Input input, String generator, Progress progress, Memory memory, boolean writesCache) {
        this.input = input;
        this.generator = generator;
        this.progress = progress;
        this.memory = memory;
        this.writesCache = writesCache;
    }

    /** A pipeline for one run, remembering nothing from before. */
    public static Pipeline once(Input input, String generator, Progress progress, boolean writesCache) {
        return new Pipeline(input, generator, progress, new Memory(), writesCache);
    }

    /** Everything but writing: the definitions are checked and every page is drawn in memory. */
    public Outcome check() {
        return run(RenderScope.ALL, null, () -> file -> { }, new Steps(), new Diagnostics());
    }

    /**
     * Whether a warning tells of something this run met rather than of the input: a damaged cache
     * entry drawn again, a leftover folder tidied. A later build that finds the site up to date
     * repeats the input's warnings, and these would no longer be true.
     */
    private boolean aboutThisRun(Diagnostic warning, Path output) {
        Path at;
        try {
            at = Path.of(warning.at().file()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return false;
        }
        Path cache = input.cache() == null ? null : input.cache().toAbsolutePath().normalize();
        Path site = output.toAbsolutePath().normalize();
        return (cache != null && at.startsWith(cache)) || at.equals(site);
    }

    /**
     * Builds the site into {@code output}, or leaves it be when it was built from this very input.
     *
     * @param toolIdentity names this exact build of the tool; null never counts a site as up to date
     */
    public Outcome build(Path output, boolean force, String toolIdentity) {
        Steps steps = new Steps();
        Diagnostics diagnostics = new Diagnostics();
        Failure unusable = input.unusable();
        if (unusable != null) return steps.failed(diagnostics, unusable);
        SiteWriter writer = new SiteWriter(diagnostics);
        try {
            writer.checkReplaceable(output, input.source(), input.templates(), input.cache());
        } catch (WriteException e) {
            return steps.failed(diagnostics, Failure.output(e.getMessage()));
        }
        Baseline baseline;
        try {
            baseline = baseline(diagnostics);
        } catch (RevisionException e) {
            return steps.failed(diagnostics, Failure.usage(e.getMessage()));
        }
        if (diagnostics.hasErrors()) return steps.rejected(diagnostics);
        String fingerprint = toolIdentity == null ? null : Fingerprint.of(toolIdentity, generator, input.source(),
                input.templates(), baseline == null ? null : baseline.revision());
        SiteWriter.Record record = force ? null : writer.upToDate(output, fingerprint);
        if (record != null) {
            // the site was built from exactly this input: say what that build said, and leave it be
            record.warnings().forEach(w -> diagnostics.warning(w.at(), w.message()));
            steps.lap("up-to-date check");
            return new Outcome.UpToDate(diagnostics, record.pages(), steps.millis);
        }
        // pages go to the disk as they are drawn, so a large site never sits in memory whole; the
        // folder they go to is only made once the definitions are known to be good
        try (LazyTransaction transaction = new LazyTransaction(writer, output, fingerprint)) {
            Outcome outcome = run(RenderScope.ALL, null, transaction::open, steps, diagnostics);
            if (outcome instanceof Outcome.Built built) {
                List<Diagnostic> warnings = built.diagnostics().sorted().stream()
                        .filter(d -> d.severity() == Severity.WARNING && !aboutThisRun(d, output)).toList();
                transaction.open().commit(new SiteWriter.Record(built.summary().pages(), warnings));
                steps.lap("write");
                if (writesCache && input.cache() != null && CacheUpkeep.pruneIfDue(input.cache(), Instant.now()) >= 0) {
                    steps.lap("cache upkeep");
                }
                return new Outcome.Built(built.diagnostics(), built.site(), built.scope(), built.summary(), steps.millis);
            }
            return outcome;
        } catch (WriteException e) {
            return steps.failed(diagnostics, Failure.output(e.getMessage()));
        }
    }

    /**
     * Draws what changed since the last good run into {@code sink}: everything the first time or
     * when the theme changed, else the pages of the playbooks whose model changed and, if any
     * playbook was added, removed or retitled, the site-wide pages.
     *
     * @param changed the files that changed since the last run (absolute paths), or null when not
     *                known: only these are read again
     */
    public synchronized Outcome preview(boolean themeChanged, Set<Path> changed, FileSink sink) {
        if (themeChanged) {
            memory.renderer = null;
            memory.drawn = null;
        }
        return run(null, changed, () -> sink, new Steps(), new Diagnostics());
    }

    /**
     * Prepares a pipeline that will run again and again (the live preview) for its next run: its
     * diagrams are drawn a few times and forgotten, so that the first edit finds PlantUML's code
     * compiled. Does nothing before a good run.
     */
    public synchronized void rehearse() {
        if (memory.renderer != null && memory.drawn != null) memory.renderer.rehearse(memory.drawn);
    }

    /** Where a run's files go, opened only when there is something to write. */
    private interface Destination {
        FileSink open() throws WriteException;
    }

    /** A site transaction begun on first use, so that a run that stops early leaves no trace on disk. */
    private static final class LazyTransaction implements AutoCloseable {
        private final SiteWriter writer;
        private final Path output;
        private final String fingerprint;
        private SiteWriter.Transaction transaction;

        LazyTransaction(SiteWriter writer, Path output, String fingerprint) {
            this.writer = writer;
            this.output = output;
            this.fingerprint = fingerprint;
        }

        SiteWriter.Transaction open() throws WriteException {
            if (transaction == null) transaction = writer.begin(output, fingerprint);
            return transaction;
        }

        @Override
        public void close() {
            if (transaction != null) transaction.close();
        }
    }

    /**
     * @param scope what to draw, or null to work it out from what the memory last drew
     * @param changed the files that changed since the last run, or null to look at every one
     */
    private Outcome run(RenderScope scope, Set<Path> changed, Destination destination, Steps steps,
                        Diagnostics diagnostics) {
        Failure unusable = input.unusable();
        if (unusable != null) return steps.failed(diagnostics, unusable);
        // with no diagrams cached yet, PlantUML will be needed: let it start while the files are read
        if (isEmptyOrMissing(input.cache())) Diagrams.warmUp();
        LoadedDefinitions loaded = memory.loader.load(input.source(), input.sourceShown(), diagnostics, changed);
        steps.lap("load");
        Site site = memory.resolver.resolve(loaded, diagnostics);
        steps.lap("resolve");
        if (diagnostics.hasErrors()) return steps.rejected(diagnostics);
        Comparison changes;
        try {
            changes = compare(site, diagnostics);
        } catch (RevisionException e) {
            return steps.failed(diagnostics, Failure.usage(e.getMessage()));
        }
        steps.lap("compare");
        if (diagnostics.hasErrors()) return steps.rejected(diagnostics);
        SitePlan plan = memory.planner.plan(site, changes == null ? Set.of() : changes.withPages());
        steps.lap("plan");
        // marks of what changed touch every page of a playbook: a new comparison draws the site anew
        boolean sameChanges = Objects.equals(changes, memory.compared);
        RenderScope inScope = scope != null ? scope : sameChanges ? scope(memory.drawn, site) : RenderScope.ALL;
        try {
            FileSink sink = destination.open();
            SiteRenderer.Summary summary = renderer().render(plan, diagnostics, inScope, sink, changes);
            steps.lap("render");
            steps.millis.put("render.diagrams", summary.diagramMillis());
            steps.millis.put("render.pdf", memory.packs.millis());
            if (diagnostics.hasErrors()) return steps.rejected(diagnostics);
            memory.drawn = site;
            memory.compared = changes;
            return new Outcome.Built(diagnostics, site, inScope, summary, steps.millis);
        } catch (RenderException e) {
            return steps.failed(diagnostics, e.failure());
        } catch (WriteException e) {
            return steps.failed(diagnostics, Failure.output(e.getMessage()));
        } catch (IOException e) {
            return steps.failed(diagnostics, Failure.input("cannot read the templates: " + e.getMessage()));
        }
    }

    /**
     * The version the site marks its changes against ({@code --since}, else site.yaml's
     * {@code changes_since}), or null. A pipeline that runs again keeps what it read of the same
     * version.
     */
    private Baseline baseline(Diagnostics diagnostics) throws RevisionException {
        Baseline found;
        try {
            found = Baseline.find(input.since(), input.source(), input.sourceShown(), diagnostics);
        } catch (RevisionException e) {
            throw new RevisionException("--since: " + e.getMessage(), e);
        }
        if (found == null || !found.sameAs(memory.baseline)) memory.baseline = found;
        return memory.baseline;
    }

    /** What changed since the baseline, or null for a site without one. */
    private Comparison compare(Site site, Diagnostics diagnostics) throws RevisionException {
        Baseline baseline = baseline(diagnostics);
        return baseline == null || diagnostics.hasErrors() ? null : baseline.compare(site, diagnostics);
    }

    private SiteRenderer renderer() throws IOException {
        if (memory.renderer == null) {
            Theme theme = new Theme(input.templates());
            memory.packs = new PackPublisher(new OnboardingPack(theme, generator, PackCache.in(input.cache(), writesCache)),
                    memory.packsOnRequest);
            List<Publisher> publishers = SiteRenderer.standardPublishers(memory.packs);
            memory.renderer = new SiteRenderer(theme, generator, new Diagrams(input.cache(), writesCache, progress), progress,
                    publishers);
        }
        return memory.renderer;
    }

    /** What a change from {@code before} to {@code after} touches; everything when there is no before. */
    static RenderScope scope(Site before, Site after) {
        if (before == null || !before.settings().equals(after.settings())) return RenderScope.ALL;
        Map<String, Playbook> old = new HashMap<>();
        for (Playbook p : before.playbooks()) old.put(p.id(), p);
        Set<String> changed = new HashSet<>();
        for (Playbook p : after.playbooks()) {
            // a playbook the resolver kept is the very same object: no need to compare it field by field
            Playbook was = old.remove(p.id());
            if (p != was && !p.equals(was)) changed.add(p.id());
        }
        // the home page and the search index show every playbook, so any change redraws them
        return new RenderScope(changed, !changed.isEmpty() || !old.isEmpty());
    }

    private static boolean isEmptyOrMissing(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) return true;
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }

    /** How long each step took, for --verbose. */
    private static final class Steps {
        final Map<String, Long> millis = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void lap(String step) {
            long now = System.nanoTime();
            millis.put(step, (now - last) / 1_000_000);
            last = now;
        }

        Outcome failed(Diagnostics diagnostics, Failure failure) {
            return new Outcome.Failed(diagnostics, failure, millis);
        }

        Outcome rejected(Diagnostics diagnostics) {
            return new Outcome.Rejected(diagnostics, millis);
        }
    }
}
