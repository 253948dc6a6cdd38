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
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders (and every folder below them) and reports a change once a burst of events has
 * settled, so that an editor saving by rename, or many files saved at once, cause one rebuild.
 */
public final class SourceWatcher implements AutoCloseable {

    /**
     * One settled burst of changes.
     *
     * @param theme whether the theme (rather than only the definitions) changed
     * @param paths every path the events named, absolute; null when the system lost count of them
     */
    public record Change(boolean theme, Set<Path> paths) {
        public Change {
            paths = paths == null ? null : Set.copyOf(paths);
        }
    }

    /**
     * Quiet time after the last event before a rebuild starts: an editor's save (write, or write
     * aside and rename) is over within a few milliseconds, and every one of these is waited for.
     */
    static final long SETTLE_MILLIS = 30;

    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Map<Path, Boolean> themeRoots = new HashMap<>();
    private final Thread thread;

    /** @param onChange told of each settled burst */
    public SourceWatcher(Path definitions, Path theme, Consumer<Change> onChange) throws IOException {
        service = FileSystems.getDefault().newWatchService();
        register(definitions, false);
        if (theme != null && Files.isDirectory(theme)) register(theme, true);
        thread = new Thread(() -> loop(onChange), "playbook-watch");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
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

    private void loop(Consumer<Change> onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                Set<Path> paths = new HashSet<>();
                boolean theme = handle(key, paths);
                // collect the rest of the burst
                WatchKey more;
                while ((more = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) theme |= handle(more, paths);
                onChange.accept(new Change(theme, paths.contains(null) ? null : paths));
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
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
        thread.interrupt();
        service.close();
    }
}
