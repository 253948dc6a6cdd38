package dev.playbook.serve;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.Loader;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.plan.Planner;
import dev.playbook.plan.SitePlan;
import dev.playbook.render.DiagramCache;
import dev.playbook.render.RenderException;
import dev.playbook.render.RenderScope;
import dev.playbook.render.RenderedFile;
import dev.playbook.render.SiteRenderer;
import dev.playbook.render.Theme;
import dev.playbook.resolve.Resolver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pipeline for a live preview: the site is kept in memory, and each rebuild draws only what
 * an edit touched: the pages of the playbooks whose model changed and the pages that list every
 * playbook. A rebuild with errors leaves the last good site as it was.
 */
public final class LiveBuild {

    /** What one rebuild did; {@code rendered} are the site paths drawn anew. */
    public record Outcome(int version, List<Diagnostic> diagnostics, boolean ok, String failure, List<String> rendered) {
        public Outcome {
            diagnostics = List.copyOf(diagnostics);
            rendered = List.copyOf(rendered);
        }
    }

    private final Path source;
    private final String sourceShown;
    private final Path templates;
    private final DiagramCache cache;
    private final String generator;

    private final Loader loader = new Loader();
    private final Resolver resolver = new Resolver();
    private SiteRenderer renderer;
    private Site site;
    private Map<String, byte[]> files = Map.of();
    private Outcome last = new Outcome(0, List.of(), false, "not built yet", List.of());
    private int filesVersion;

    public LiveBuild(Path source, String sourceShown, Path templates, Path cacheFolder, String generator) {
        this.source = source;
        this.sourceShown = sourceShown;
        this.templates = templates;
        this.cache = new DiagramCache(cacheFolder);
        this.generator = generator;
    }

    /** The last good site: path to bytes, never changed in place. */
    public synchronized Map<String, byte[]> files() {
        return files;
    }

    public synchronized Outcome last() {
        return last;
    }

    /** The rebuild that made the files now served. */
    public synchronized int filesVersion() {
        return filesVersion;
    }

    /**
     * Rebuilds after a change.
     *
     * @param themeChanged whether templates, words or assets changed, which touches every page
     */
    public synchronized Outcome rebuild(boolean themeChanged) {
        int version = last.version() + 1;
        Diagnostics diagnostics = new Diagnostics();
        Site next = resolver.resolve(loader.load(source, sourceShown, diagnostics), diagnostics);
        if (diagnostics.hasErrors()) return remember(new Outcome(version, diagnostics.sorted(), false, null, List.of()));
        try {
            if (renderer == null || themeChanged) {
                renderer = new SiteRenderer(new Theme(templates), generator, cache);
                site = null;
            }
            RenderScope scope = scope(site, next);
            SitePlan plan = new Planner().plan(next);
            List<RenderedFile> drawn = renderer.render(plan, diagnostics, scope);
            if (diagnostics.hasErrors()) return remember(new Outcome(version, diagnostics.sorted(), false, null, List.of()));
            Map<String, byte[]> merged = scope.playbooks() == null ? new TreeMap<>() : new TreeMap<>(files);
            if (scope.playbooks() != null) dropRemovedPlaybooks(merged, next);
            // a redrawn playbook's files are all in `drawn`: what is not there is gone (e.g. a pack turned off)
            if (scope.playbooks() != null) merged.keySet().removeIf(path -> scope.playbooks().contains(path.split("/")[0]));
            List<String> rendered = new ArrayList<>();
            for (RenderedFile f : drawn) {
                merged.put(f.path(), f.content());
                if (f.path().endsWith(".html")) rendered.add(f.path());
            }
            files = Collections.unmodifiableMap(merged);
            filesVersion = version;
            site = next;
            return remember(new Outcome(version, diagnostics.sorted(), true, null, rendered));
        } catch (RenderException | IOException e) {
            return remember(new Outcome(version, diagnostics.sorted(), false, e.getMessage(), List.of()));
        }
    }

    private Outcome remember(Outcome outcome) {
        last = outcome;
        return outcome;
    }

    /** What a change from {@code before} to {@code after} touches; everything when there is no before. */
    static RenderScope scope(Site before, Site after) {
        if (before == null || !before.settings().equals(after.settings())) return RenderScope.ALL;
        Map<String, Playbook> old = new HashMap<>();
        for (Playbook p : before.playbooks()) old.put(p.id(), p);
        Set<String> changed = new HashSet<>();
        for (Playbook p : after.playbooks()) {
            if (!p.equals(old.remove(p.id()))) changed.add(p.id());
        }
        boolean listChanged = !changed.isEmpty() || !old.isEmpty();
        return new RenderScope(changed, listChanged);
    }

    private void dropRemovedPlaybooks(Map<String, byte[]> merged, Site next) {
        Set<String> kept = new HashSet<>();
        for (Playbook p : next.playbooks()) kept.add(p.id());
        for (Playbook p : site.playbooks()) {
            if (!kept.contains(p.id())) merged.keySet().removeIf(path -> path.startsWith(p.id() + "/"));
        }
    }
}
