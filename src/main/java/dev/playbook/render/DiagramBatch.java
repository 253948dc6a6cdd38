package dev.playbook.render;

import dev.playbook.progress.Progress;

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
 * Draws many diagrams at once: each distinct job once, from the cache where it can, the rest in
 * parallel on every core, each drawn by PlantUML and cleaned for the page on the same thread.
 * Counts what it drew and what it took from the cache.
 */
public final class DiagramBatch {
    private final PlantUmlEngine engine;
    private final DiagramCache cache;
    private final Progress progress;
    private final SvgCleaner cleaner = new SvgCleaner();
    private final AtomicInteger drawn = new AtomicInteger();
    private final AtomicInteger cached = new AtomicInteger();

    public DiagramBatch(PlantUmlEngine engine, DiagramCache cache) {
        this(engine, cache, Progress.NONE);
    }

    public DiagramBatch(PlantUmlEngine engine, DiagramCache cache, Progress progress) {
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

    /** The finished drawing of each job: SVG ready to embed, or PlantUML's error. */
    Map<DiagramJob, DiagramResult> draw(List<DiagramJob> jobs) {
        Map<DiagramJob, DiagramResult> results = new LinkedHashMap<>();
        List<DiagramJob> missing = new ArrayList<>();
        for (DiagramJob job : jobs) {
            if (results.containsKey(job) || missing.contains(job)) continue;
            String svg = cache.get(job.key());
            if (svg != null) {
                results.put(job, DiagramResult.drawn(svg));
                cached.incrementAndGet();
            } else {
                missing.add(job);
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
            for (DiagramJob job : missing) futures.add(pool.submit(() -> drawAndClean(job)));
            for (int i = 0; i < missing.size(); i++) {
                DiagramResult result = await(futures.get(i));
                results.put(missing.get(i), result);
                if (!result.failed()) {
                    cache.put(missing.get(i).key(), result.svg());
                    drawn.incrementAndGet();
                }
                progress.advance("diagrams", total - missing.size() + i + 1, total);
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private DiagramResult drawAndClean(DiagramJob job) {
        DiagramResult raw = engine.draw(job.source());
        if (raw.failed()) return raw;
        return DiagramResult.drawn(cleaner.clean(raw.svg(), job.idPrefix(), job.title(), job.description()));
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
