package dev.playbook.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Draws many diagrams at once: each distinct source once, from the cache where it can, the rest
 * in parallel on every core. Counts what it drew and what it took from the cache.
 */
public final class DiagramBatch {
    private final PlantUmlEngine engine;
    private final DiagramCache cache;
    private final AtomicInteger drawn = new AtomicInteger();
    private final AtomicInteger cached = new AtomicInteger();

    private final dev.playbook.progress.Progress progress;

    public DiagramBatch(PlantUmlEngine engine, DiagramCache cache) {
        this(engine, cache, dev.playbook.progress.Progress.NONE);
    }

    public DiagramBatch(PlantUmlEngine engine, DiagramCache cache, dev.playbook.progress.Progress progress) {
        this.engine = engine;
        this.cache = cache;
        this.progress = progress;
    }

    public int drawn() {
        return drawn.get();
    }

    public int cached() {
        return cached.get();
    }

    /** A finished drawing of each source: raw PlantUML SVG, or the error. Keyed by source text. */
    public Map<String, DiagramResult> draw(List<String> sources) {
        Map<String, DiagramResult> results = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String source : sources) {
            if (results.containsKey(source) || missing.contains(source)) continue;
            String svg = cache.get(DiagramCache.key(source));
            if (svg != null) {
                results.put(source, DiagramResult.drawn(svg));
                cached.incrementAndGet();
            } else {
                missing.add(source);
            }
        }
        int total = results.size() + missing.size();
        progress.advance("diagrams", results.size(), total);
        if (missing.isEmpty()) return results;
        int threads = Math.max(1, Math.min(missing.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "playbook-diagram");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<DiagramResult>> futures = new ArrayList<>();
            for (String source : missing) futures.add(pool.submit(() -> engine.draw(source)));
            for (int i = 0; i < missing.size(); i++) {
                DiagramResult result = await(futures.get(i));
                results.put(missing.get(i), result);
                if (!result.failed()) {
                    cache.put(DiagramCache.key(missing.get(i)), result.svg());
                    drawn.incrementAndGet();
                }
                progress.advance("diagrams", total - missing.size() + i + 1, total);
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private static DiagramResult await(Future<DiagramResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DiagramResult.failed("interrupted", 0);
        } catch (ExecutionException e) {
            return DiagramResult.failed("PlantUML failed: " + e.getCause(), 0);
        }
    }
}
