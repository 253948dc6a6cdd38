package dev.playbook.render.diagram;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
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
final class DiagramBatch {
    /**
     * The stack of each drawing thread. PlantUML draws an activity diagram recursively, a few
     * hundred bytes of stack per box: a thread's usual 1 MB runs out near 2,000 stages, while
     * this draws 3,000 and leaves room for many more than the largest flowchart
     * {@link SiteDiagrams} asks for. Only the part used is ever committed.
     */
    static final long STACK_BYTES = 16L * 1024 * 1024;

    private final PlantUmlEngine engine;
    private final DiagramCache cache;
    private final Progress progress;
    private final long stackBytes;
    private final SvgCleaner cleaner = new SvgCleaner();
    private final AtomicInteger drawn = new AtomicInteger();
    private final AtomicInteger cached = new AtomicInteger();

    public DiagramBatch(PlantUmlEngine engine, DiagramCache cache) {
        this(engine, cache, Progress.NONE);
    }

    public DiagramBatch(PlantUmlEngine engine, DiagramCache cache, Progress progress) {
        this(engine, cache, progress, STACK_BYTES);
    }

    /** @param stackBytes the stack of each drawing thread; a test gives a small one to see PlantUML fail */
    DiagramBatch(PlantUmlEngine engine, DiagramCache cache, Progress progress, long stackBytes) {
        this.engine = engine;
        this.cache = cache;
        this.progress = progress;
        this.stackBytes = stackBytes;
    }

    public int drawn() {
        return drawn.get();
    }

    public int cached() {
        return cached.get();
    }

    /**
     * The finished drawing of each job: SVG ready to embed, or PlantUML's error. A cache entry
     * that fails its checks is a warning in {@code diagnostics}, and its diagram is drawn again.
     * Cache entries are read and checked on the drawing threads too: at a thousand playbooks,
     * checking them one after another would leave a core idle.
     */
    Map<DiagramJob, DiagramResult> draw(List<DiagramJob> jobs, Diagnostics diagnostics) {
        List<DiagramJob> distinct = jobs.stream().distinct().toList();
        Map<DiagramJob, DiagramResult> results = new LinkedHashMap<>();
        if (distinct.isEmpty()) return results;
        int threads = Math.max(1, Math.min(distinct.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "playbook-diagram", stackBytes);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (DiagramJob job : distinct) futures.add(pool.submit(() -> fetchOrDraw(job)));
            for (int i = 0; i < distinct.size(); i++) {
                DiagramJob job = distinct.get(i);
                Outcome outcome = await(futures.get(i));
                DiagramCache.Lookup found = outcome.lookup();
                if (found.refused() != null) {
                    diagnostics.warning(Position.startOf(found.refused().toString()), "this cached diagram is not used: "
                            + found.problem() + "; it was drawn again");
                }
                if (found.svg() != null) {
                    cached.incrementAndGet();
                } else if (!outcome.result().failed()) {
                    cache.put(job.key(), outcome.result().svg());
                    drawn.incrementAndGet();
                }
                results.put(job, outcome.result());
                progress.advance("diagrams", i + 1, distinct.size());
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /**
     * Draws the jobs as {@link #draw} would, on threads like its own, but neither from nor into
     * the cache, and forgets the drawings: a long-running preview does this once at start-up, so
     * that the first diagram an edit calls for is drawn by code already compiled.
     */
    void rehearse(List<DiagramJob> jobs) {
        new DiagramBatch(engine, new DiagramCache(null), Progress.NONE, stackBytes).draw(jobs, new Diagnostics());
    }

    /** A job's drawing, and what the cache said about it. */
    private record Outcome(DiagramResult result, DiagramCache.Lookup lookup) {
    }

    private Outcome fetchOrDraw(DiagramJob job) {
        DiagramCache.Lookup found = cache.get(job.key());
        if (found.svg() != null) return new Outcome(DiagramResult.drawn(found.svg()), found);
        return new Outcome(drawAndClean(job), found);
    }

    private DiagramResult drawAndClean(DiagramJob job) {
        DiagramResult raw = engine.draw(job.source());
        if (raw.failed()) return raw;
        return DiagramResult.drawn(cleaner.clean(raw.svg(), job.idPrefix(), job.title(), job.description()));
    }

    private static Outcome await(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(DiagramResult.failed("interrupted", 0), DiagramCache.Lookup.MISS);
        } catch (ExecutionException e) {
            DiagramResult crashed = e.getCause() instanceof StackOverflowError || e.getCause() instanceof OutOfMemoryError
                    ? DiagramResult.crashed("the diagram is too large for PlantUML to draw")
                    : DiagramResult.crashed("PlantUML failed: " + e.getCause());
            return new Outcome(crashed, DiagramCache.Lookup.MISS);
        }
    }
}
