package dev.playbook.serve;

import dev.playbook.Outcome;
import dev.playbook.Pipeline;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Failure;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.progress.Progress;
import dev.playbook.render.FileSink;
import dev.playbook.render.RenderException;
import dev.playbook.render.RenderedFile;
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
import java.util.concurrent.TimeUnit;

/**
 * The site a live preview serves, kept in memory: each rebuild runs the pipeline, which draws
 * only what an edit touched, and the pages it drew replace their old versions. A rebuild with
 * errors leaves the last good site as it was. A rebuild can be drawn without being shown, and
 * shown a moment later ({@link #draft}, {@link #show}); requests are answered from what is shown
 * while the next rebuild runs.
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

    /** What the preview serves: the files of a rebuild that was published, and the last rebuild published. */
    private record Shown(Map<String, byte[]> files, Map<String, LaterFile> later, int filesVersion, Rebuild last) {
    }

    private final Pipeline pipeline;
    /** Held while a rebuild runs, so that requests are answered meanwhile from what is shown. */
    private final Object drafting = new Object();
    // the latest rebuild's site, which the next rebuild builds on, shown or not (guarded by `drafting`)
    private Site site;
    private Map<String, byte[]> files = Map.of();
    /** Files drawn only when someone asks for them (the onboarding packs), by path. */
    private Map<String, LaterFile> later = Map.of();
    private Rebuild last = new Rebuild(0, List.of(), false, Failure.internal("not built yet"), List.of(), Map.of(), null);
    // guarded by `this`: the latest rebuild as it would be shown, what is shown, and whether a rebuild is being drawn
    private Shown latest = new Shown(files, later, 0, last);
    private Shown shown = latest;
    private boolean drawing;

    public LiveBuild(Pipeline.Input input, String generator) {
        this.pipeline = new Pipeline(input, generator, Progress.NONE, new Pipeline.Memory(true), true);
    }

    /** The last good site shown: path to bytes, never changed in place. */
    public synchronized Map<String, byte[]> files() {
        return shown.files();
    }

    /**
     * The bytes of one file of the last good site, drawing it now if it waits to be asked for, or
     * null when the site has no such file.
     *
     * @throws RenderException when a file drawn on request cannot be drawn
     */
    public byte[] file(String path) throws RenderException {
        LaterFile waiting;
        synchronized (this) {
            byte[] drawn = shown.files().get(path);
            if (drawn != null) return drawn;
            waiting = shown.later().get(path);
        }
        // drawn outside the lock, so that a slow pack holds up neither rebuilds nor other requests
        return waiting == null ? null : waiting.content();
    }

    /** Whether the last good site has a file at {@code path}, drawn or waiting to be asked for. */
    public synchronized boolean has(String path) {
        return shown.files().containsKey(path) || shown.later().containsKey(path);
    }

    /** The last rebuild shown. */
    public synchronized Rebuild last() {
        return shown.last();
    }

    /** The rebuild that made the files now served. */
    public synchronized int filesVersion() {
        return shown.filesVersion();
    }

    /**
     * Rebuilds after a change and shows the result.
     *
     * @param themeChanged whether templates, words or assets changed, which touches every page
     */
    public Rebuild rebuild(boolean themeChanged) {
        return show(draft(themeChanged, null));
    }

    /** Rebuilds after the change a watcher saw and shows the result. */
    public Rebuild rebuild(SourceWatcher.Change change) {
        return show(draft(change));
    }

    /**
     * Rebuilds after the change a watcher saw without showing the result: what is served stays as
     * it was until {@link #show} is called. The next rebuild builds on this one, shown or not.
     */
    public Rebuild draft(SourceWatcher.Change change) {
        return draft(change.theme(), change.paths());
    }

    /**
     * Serves what {@code rebuild} drew (or, when it failed, keeps serving the last good site
     * shown, and reports its errors). Only the latest rebuild can be shown: an older one is
     * ignored, since the site has moved on from it.
     *
     * @return {@code rebuild}
     */
    public synchronized Rebuild show(Rebuild rebuild) {
        if (rebuild != latest.last()) return rebuild;
        shown = rebuild.ok() ? latest : new Shown(shown.files(), shown.later(), shown.filesVersion(), rebuild);
        drawing = false;
        notifyAll();
        return rebuild;
    }

    /**
     * Waits, at most {@code millis}, while a rebuild is drawn and not yet shown, so that a page
     * asked for just after a save is answered with what the save made rather than with the page
     * before it. A rebuild dropped unshown keeps callers waiting for the one that follows it.
     *
     * @return whether what is shown now is up to date with the last rebuild begun
     */
    public synchronized boolean awaitShown(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (drawing) {
            long left = end - System.nanoTime();
            if (left <= 0) return false;
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** @param changed the files that changed since the last rebuild, or null when not known */
    private Rebuild draft(boolean themeChanged, Set<Path> changed) {
        synchronized (drafting) {
            synchronized (this) {
                drawing = true;
            }
            Rebuild rebuild;
            try {
                rebuild = drawChanges(themeChanged, changed);
            } catch (RuntimeException e) {
                // a fault of ours: reported like the errors of an edit, and the preview goes on watching
                rebuild = remember(new Rebuild(last.version() + 1, List.of(), false,
                        Failure.internal("the rebuild stopped: " + e), List.of(), Map.of(), null));
            } catch (Error e) {
                synchronized (this) {
                    drawing = false;
                    notifyAll();
                }
                throw e;
            }
            synchronized (this) {
                latest = new Shown(files, later, rebuild.ok() ? rebuild.version() : latest.filesVersion(), rebuild);
            }
            return rebuild;
        }
    }

    private Rebuild drawChanges(boolean themeChanged, Set<Path> changed) {
        int version = last.version() + 1;
        Map<String, byte[]> drawn = new ConcurrentHashMap<>();
        Map<String, LaterFile> drawnLater = new ConcurrentHashMap<>();
        Outcome outcome = pipeline.preview(themeChanged, changed, new FileSink() {
            @Override
            public void accept(RenderedFile file) {
                drawn.put(file.path(), file.content());
            }

            @Override
            public void acceptOnRequest(String path, Recipe recipe) {
                drawnLater.put(path, new LaterFile(recipe));
            }
        });
        List<Diagnostic> diagnostics = outcome.diagnostics().sorted();
        if (!(outcome instanceof Outcome.Built built)) {
            Failure failure = outcome instanceof Outcome.Failed failed ? failed.failure() : null;
            return remember(new Rebuild(version, diagnostics, false, failure, List.of(), outcome.millis(), null));
        }
        Set<String> redrawn = built.scope().playbooks();
        files = Collections.unmodifiableMap(merge(files, drawn, redrawn, built.site()));
        later = Collections.unmodifiableMap(merge(later, drawnLater, redrawn, built.site()));
        List<String> rendered = drawn.keySet().stream().filter(path -> path.endsWith(".html")).sorted().toList();
        site = built.site();
        return remember(new Rebuild(version, diagnostics, true, null, rendered, outcome.millis(), built.summary()));
    }

    /**
     * The files served after a rebuild: what it drew, and, when it drew only some playbooks
     * ({@code redrawn}), the other playbooks' files from before.
     */
    private <T> Map<String, T> merge(Map<String, T> before, Map<String, T> drawn, Set<String> redrawn, Site next) {
        // looked up by path, never listed in order: a hash map, copied in a moment even at a thousand playbooks
        Map<String, T> merged = redrawn == null ? new HashMap<>() : new HashMap<>(before);
        if (redrawn != null) {
            dropRemovedPlaybooks(merged, next);
            // a redrawn playbook's files are all in `drawn`: what is not there is gone (e.g. a pack turned off)
            merged.keySet().removeIf(path -> redrawn.contains(path.substring(0, Math.max(path.indexOf('/'), 0))));
        }
        merged.putAll(drawn);
        return merged;
    }

    /** Gets the next rebuild's work ready ahead of time: see {@link Pipeline#rehearse()}. */
    public void rehearse() {
        pipeline.rehearse();
    }

    private Rebuild remember(Rebuild outcome) {
        last = outcome;
        return outcome;
    }

    private void dropRemovedPlaybooks(Map<String, ?> merged, Site next) {
        Set<String> kept = new HashSet<>();
        for (Playbook p : next.playbooks()) kept.add(p.id());
        for (Playbook p : site.playbooks()) {
            if (!kept.contains(p.id())) merged.keySet().removeIf(path -> path.startsWith(p.id() + "/"));
        }
    }

    /** A file drawn the first time it is asked for, then kept while its playbook is unchanged. */
    private static final class LaterFile {
        private final FileSink.Recipe recipe;
        private byte[] content;

        LaterFile(FileSink.Recipe recipe) {
            this.recipe = recipe;
        }

        synchronized byte[] content() throws RenderException {
            if (content == null) content = recipe.draw();
            return content;
        }
    }
}
