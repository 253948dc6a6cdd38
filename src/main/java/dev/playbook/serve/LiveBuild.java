package dev.playbook.serve;

import dev.playbook.Outcome;
import dev.playbook.Pipeline;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Failure;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.progress.Progress;
import dev.playbook.render.SiteRenderer;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site a live preview serves, kept in memory: each rebuild runs the pipeline, which draws
 * only what an edit touched, and the pages it drew replace their old versions. A rebuild with
 * errors leaves the last good site as it was.
 */
public final class LiveBuild {

    /**
     * What one rebuild did; {@code failure} is a problem outside the definitions and templates, or
     * null, and {@code rendered} are the site paths drawn anew.
     *
     * @param millis how long each step took
     * @param summary what was drawn, or null when nothing was
     */
    public record Rebuild(int version, List<Diagnostic> diagnostics, boolean ok, Failure failure, List<String> rendered,
                          Map<String, Long> millis, SiteRenderer.Summary summary) {
        public Rebuild {
            diagnostics = List.copyOf(diagnostics);
            rendered = List.copyOf(rendered);
            millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
        }
    }

    private final Pipeline pipeline;
    private Site site;
    private Map<String, byte[]> files = Map.of();
    private Rebuild last = new Rebuild(0, List.of(), false, Failure.internal("not built yet"), List.of(), Map.of(), null);
    private int filesVersion;

    public LiveBuild(Pipeline.Input input, String generator) {
        this.pipeline = new Pipeline(input, generator, Progress.NONE, new Pipeline.Memory(), true);
    }

    /** The last good site: path to bytes, never changed in place. */
    public synchronized Map<String, byte[]> files() {
        return files;
    }

    public synchronized Rebuild last() {
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
    public Rebuild rebuild(boolean themeChanged) {
        return rebuild(themeChanged, null);
    }

    /** Rebuilds after the change a watcher saw. */
    public Rebuild rebuild(SourceWatcher.Change change) {
        return rebuild(change.theme(), change.paths());
    }

    /** @param changed the files that changed since the last rebuild, or null when not known */
    private synchronized Rebuild rebuild(boolean themeChanged, Set<Path> changed) {
        int version = last.version() + 1;
        Map<String, byte[]> drawn = new ConcurrentHashMap<>();
        Outcome outcome = pipeline.preview(themeChanged, changed, file -> drawn.put(file.path(), file.content()));
        List<Diagnostic> diagnostics = outcome.diagnostics().sorted();
        if (!(outcome instanceof Outcome.Built built)) {
            Failure failure = outcome instanceof Outcome.Failed failed ? failed.failure() : null;
            return remember(new Rebuild(version, diagnostics, false, failure, List.of(), outcome.millis(), null));
        }
        // looked up by path, never listed in order: a hash map, copied in a moment even at a thousand playbooks
        Map<String, byte[]> merged = built.scope().playbooks() == null ? new HashMap<>() : new HashMap<>(files);
        if (built.scope().playbooks() != null) {
            dropRemovedPlaybooks(merged, built.site());
            // a redrawn playbook's files are all in `drawn`: what is not there is gone (e.g. a pack turned off)
            Set<String> redrawn = built.scope().playbooks();
            merged.keySet().removeIf(path -> redrawn.contains(path.substring(0, Math.max(path.indexOf('/'), 0))));
        }
        merged.putAll(drawn);
        List<String> rendered = drawn.keySet().stream().filter(path -> path.endsWith(".html")).sorted().toList();
        files = Collections.unmodifiableMap(merged);
        filesVersion = version;
        site = built.site();
        return remember(new Rebuild(version, diagnostics, true, null, rendered, outcome.millis(), built.summary()));
    }

    /** Gets the next rebuild's work ready ahead of time: see {@link Pipeline#rehearse()}. */
    public void rehearse() {
        pipeline.rehearse();
    }

    private Rebuild remember(Rebuild outcome) {
        last = outcome;
        return outcome;
    }

    private void dropRemovedPlaybooks(Map<String, byte[]> merged, Site next) {
        Set<String> kept = new HashSet<>();
        for (Playbook p : next.playbooks()) kept.add(p.id());
        for (Playbook p : site.playbooks()) {
            if (!kept.contains(p.id())) merged.keySet().removeIf(path -> path.startsWith(p.id() + "/"));
        }
    }
}
