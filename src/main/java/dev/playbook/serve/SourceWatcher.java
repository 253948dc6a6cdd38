package dev.playbook.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders (and every folder below them) and rebuilds after each burst of changes, so that
 * an editor saving by rename, or many files saved at once, cause one rebuild that is shown.
 *
 * <p>A rebuild starts a few milliseconds after the last event and runs while the watcher waits
 * out the rest of the quiet that tells a finished save from one still being written. Its result
 * is shown only if that quiet held; otherwise it is dropped unseen and the next rebuild, which
 * reads the files again, is shown in its place. So waiting for the quiet costs an edit nothing
 * once a rebuild takes longer than the quiet, as most do.
 */
public final class SourceWatcher implements AutoCloseable {

    /**
     * One burst of changes.
     *
     * @param theme whether the theme (rather than only the definitions) changed
     * @param paths every path the events named, absolute; null when the system lost count of them
     */
    public record Change(boolean theme, Set<Path> paths) {
        public Change {
            paths = paths == null ? null : Set.copyOf(paths);
        }
    }

    /** What the watcher runs for each burst. */
    @FunctionalInterface
    public interface Rebuilder {
        /**
         * Draws what {@code change} touched without showing it yet.
         *
         * @return what shows the result; run only if no file changed during the quiet after the burst
         */
        Runnable rebuild(Change change);
    }

    /**
     * Quiet after the last event before a rebuild starts: most saves (a write, or a write aside
     * and a rename) are over within a millisecond or two, and reading in the middle of one wastes
     * a rebuild.
     */
    static final long SETTLE_MILLIS = 5;

    /**
     * Quiet after the last event before a rebuild's result is shown: a save that is slower than
     * {@link #SETTLE_MILLIS} (a large file written in pieces) is over within this, and what was
     * read in the middle of it is never shown.
     */
    static final long QUIET_MILLIS = 30;

    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Map<Path, Boolean> themeRoots = new HashMap<>();
    private final Pending pending = new Pending();
    private final long settleNanos;
    private final long quietNanos;
    private final Thread watching;
    private final Thread rebuilding;

    /** @param rebuilder run for each burst of changes, one burst at a time */
    public SourceWatcher(Path definitions, Path theme, Rebuilder rebuilder) throws IOException {
        this(definitions, theme, rebuilder, SETTLE_MILLIS, QUIET_MILLIS);
    }

    SourceWatcher(Path definitions, Path theme, Rebuilder rebuilder, long settleMillis, long quietMillis) throws IOException {
        this.settleNanos = TimeUnit.MILLISECONDS.toNanos(settleMillis);
        this.quietNanos = TimeUnit.MILLISECONDS.toNanos(quietMillis);
        service = FileSystems.getDefault().newWatchService();
        register(definitions, false);
        if (theme != null && Files.isDirectory(theme)) register(theme, true);
        watching = new Thread(this::watch, "playbook-watch");
        watching.setDaemon(true);
        rebuilding = new Thread(() -> rebuild(rebuilder), "playbook-rebuild");
        rebuilding.setDaemon(true);
    }

    public void start() {
        watching.start();
        rebuilding.start();
    }

    private void register(Path root, boolean isTheme) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        themeRoots.put(absolute, isTheme);
        try (Stream<Path> walk = Files.walk(absolute)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) watch(dir);
        }
    }

    private void watch(Path dir) throws IOException {
        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        keys.put(key, dir);
    }

    private boolean isTheme(Path path) {
        for (Map.Entry<Path, Boolean> root : themeRoots.entrySet()) {
            if (path.startsWith(root.getKey())) return root.getValue();
        }
        return false;
    }

    /** Notes every event as it comes, with its time, even while a rebuild runs. */
    private void watch() {
        try {
            while (true) {
                WatchKey key = service.take();
                Set<Path> paths = new HashSet<>();
                boolean theme = handle(key, paths);
                pending.add(theme, paths);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the preview is stopping
        }
    }

    private void rebuild(Rebuilder rebuilder) {
        try {
            while (true) {
                Pending.Burst burst = pending.takeSettled(settleNanos);
                Runnable show = rebuilder.rebuild(burst.change());
                if (pending.quietAfter(burst.lastEvent(), quietNanos)) show.run();
            }
        } catch (InterruptedException e) {
            // closed: the preview is stopping
        }
    }

    /** Handles one key's events, adding the paths they name to {@code paths} (null for events lost). */
    private boolean handle(WatchKey key, Set<Path> paths) {
        Path dir = keys.get(key);
        boolean theme = dir != null && isTheme(dir);
        List<WatchEvent<?>> events = key.pollEvents();
        for (WatchEvent<?> event : events) {
            if (dir == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                paths.add(null);
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            paths.add(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path created = path;
                if (Files.isDirectory(created)) {
                    try {
                        register(created, theme);
                    } catch (IOException ignored) {
                        // a folder that vanished again at once
                    }
                }
            }
        }
        if (!key.reset()) keys.remove(key);
        return theme;
    }

    @Override
    public void close() throws IOException {
        watching.interrupt();
        rebuilding.interrupt();
        service.close();
    }

    /** The changes seen since the last rebuild started, handed from the watching thread to the rebuilding one. */
    private static final class Pending {
        /** A burst taken for a rebuild, and when its last event was seen ({@link System#nanoTime}). */
        record Burst(Change change, long lastEvent) {
        }

        private Set<Path> paths = new HashSet<>();
        private boolean theme;
        private boolean any;
        private long firstEvent;
        private long lastEvent;

        synchronized void add(boolean theme, Set<Path> paths) {
            long now = System.nanoTime();
            if (!any) firstEvent = now;
            any = true;
            lastEvent = now;
            this.theme |= theme;
            this.paths.addAll(paths);
            notifyAll();
        }

        /** Waits for a change and then for {@code settle} without another, and takes what was seen. */
        synchronized Burst takeSettled(long settle) throws InterruptedException {
            while (true) {
                if (!any) {
                    wait();
                    continue;
                }
                long left = lastEvent + settle - System.nanoTime();
                if (left <= 0) break;
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            Burst burst = new Burst(new Change(theme, paths.contains(null) ? null : paths), lastEvent);
            paths = new HashSet<>();
            theme = false;
            any = false;
            return burst;
        }

        /**
         * Waits until {@code quiet} has passed since {@code lastEvent}, and tells whether it held:
         * whether no event came within it. Events that came later are a burst of their own, so a
         * rebuild slower than the saves that follow it is still shown.
         */
        synchronized boolean quietAfter(long lastEvent, long quiet) throws InterruptedException {
            long end = lastEvent + quiet;
            while (!any || firstEvent - end > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) return true;
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return false;
        }
    }
}
