package dev.playbook.render.diagram;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.progress.Progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws many diagrams at once: each distinct source once, from the cache where it can, the rest in
 * parallel on every core, each drawn by PlantUML, cleaned for the page and cached on the same thread.
 * Counts what it drew and what it took from the cache.
 *
 * <p>The drawing threads outlast a batch, for a while: a live preview's edits come seconds apart,
 * and each would otherwise start threads anew, whose parsers and serializers for cleaning
 * (kept per thread) would be made anew too, all while the author waits. Idle threads end on
 * their own, and never keep the JVM from exiting.
 */
final class DiagramBatch {
    /**
     * The stack of each drawing thread. PlantUML draws an activity diagram recursively, a few
     * hundred bytes of stack per box: a thread's usual 1 MB runs out near 2,000 stages, while
     * this draws 3,000 and leaves room for many more than the largest flowchart
     * {@link SiteDiagrams} asks for. Only the part used is ever committed.
     */
    static final long STACK_BYTES = 16L * 1024 * 1024;
    /** How long a drawing thread waits for the next batch before it ends. */
    private static final long IDLE_SECONDS = 60;

    private final PlantUmlEngine engine;
    private final DiagramCache cache;
    private final Progress progress;
    private final ThreadPoolExecutor threads;
    private final SvgCleaner cleaner;
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
        this(engine, cache, progress, drawingThreads(stackBytes), new SvgCleaner());
    }

    private DiagramBatch(PlantUmlEngine engine, DiagramCache cache, Progress progress, ThreadPoolExecutor threads,
                         SvgCleaner cleaner) {
        this.engine = engine;
        this.cache = cache;
        this.progress = progress;
        this.threads = threads;
        this.cleaner = cleaner;
    }

    private static ThreadPoolExecutor drawingThreads(long stackBytes) {
        int cores = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(cores, cores, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(null, r, "playbook-diagram", stackBytes);
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
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
        Running running = start(jobs);
        Map<DiagramJob, DiagramResult> drawings = running.finish(diagnostics);
        Map<DiagramJob, DiagramResult> labelled = new LinkedHashMap<>();
        for (DiagramJob job : drawings.keySet()) labelled.put(job, running.await(job));
        return labelled;
    }

    /**
     * Starts drawing the jobs, as {@link #draw} does, and returns at once: the caller can take
     * each drawing as it is done, and must {@link Running#finish} the batch in any case.
     */
    Running start(List<DiagramJob> jobs) {
        // one drawing per source, whatever labels its jobs give it
        Map<String, DiagramJob> bySource = new LinkedHashMap<>();
        for (DiagramJob job : jobs) bySource.putIfAbsent(job.source(), job);
        List<DiagramJob> distinct = List.copyOf(bySource.values());
        AtomicLong lastDone = new AtomicLong(System.nanoTime());
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        List<Future<?>> tasks = new ArrayList<>();
        try {
            for (DiagramJob job : distinct) {
                CompletableFuture<Outcome> outcome = new CompletableFuture<>();
                outcomes.add(outcome);
                tasks.add(threads.submit(() -> {
                    try {
                        fetchOrDraw(job, outcome);
                    } catch (RuntimeException | Error e) {
                        outcome.completeExceptionally(e);
                    } finally {
                        lastDone.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                }));
            }
        } catch (RuntimeException e) {
            cancel(tasks, outcomes);
            throw e;
        }
        return new Running(List.copyOf(jobs), distinct, outcomes, tasks, lastDone);
    }

    private static void cancel(List<Future<?>> tasks, List<CompletableFuture<Outcome>> outcomes) {
        tasks.forEach(task -> task.cancel(true));
        outcomes.forEach(outcome -> outcome.cancel(true));
    }

    /** A batch being drawn. */
    final class Running {
        /** Every job asked for, labels and all. */
        private final List<DiagramJob> asked;
        /** One job per source: what is drawn. */
        private final List<DiagramJob> jobs;
        /** Each source's drawing, unlabelled, handed over as soon as it is drawn, before it is cached. */
        private final List<CompletableFuture<Outcome>> outcomes;
        /** Each source's whole work, its caching included. */
        private final List<Future<?>> tasks;
        private final Map<String, Integer> index = new HashMap<>();
        private final AtomicLong lastDone;

        private Running(List<DiagramJob> asked, List<DiagramJob> jobs, List<CompletableFuture<Outcome>> outcomes,
                        List<Future<?>> tasks, AtomicLong lastDone) {
            this.asked = asked;
            this.jobs = jobs;
            this.outcomes = outcomes;
            this.tasks = tasks;
            this.lastDone = lastDone;
            for (int i = 0; i < jobs.size(); i++) index.put(jobs.get(i).source(), i);
        }

        /** When the last drawing (so far) was done, as {@link System#nanoTime}; the batch's start when none was. */
        long lastDone() {
            return lastDone.get();
        }

        /** Waits for one job's drawing, with its labels; safe on any thread. */
        DiagramResult await(DiagramJob job) {
            Integer i = index.get(job.source());
            if (i == null) throw new IllegalArgumentException("not in this batch: " + job);
            Outcome outcome = DiagramBatch.await(outcomes.get(i));
            return job.labelled(outcome.result(), outcome.key());
        }

        /**
         * Waits for every job, its caching included, counts what was drawn and reports what the
         * cache refused, on the caller's thread (diagnostics are for one thread). A job still
         * running when this ends early (interrupted) is cancelled. The drawings come without
         * their labels, which {@link #await} puts in: labelling copies a whole drawing, and at the
         * end of a build nothing reads most of them again.
         */
        Map<DiagramJob, DiagramResult> finish(Diagnostics diagnostics) {
            Map<String, DiagramResult> drawings = new HashMap<>();
            try {
                for (int i = 0; i < jobs.size(); i++) {
                    DiagramJob job = jobs.get(i);
                    awaitEnd(tasks.get(i));
                    Outcome outcome = DiagramBatch.await(outcomes.get(i));
                    DiagramCache.Lookup found = outcome.lookup();
                    if (found.refused() != null) {
                        diagnostics.warning(Position.startOf(found.refused().toString()), "this cached diagram is not used: "
                                + found.problem() + "; it was drawn again");
                    }
                    if (found.svg() != null) {
                        cached.incrementAndGet();
                    } else if (!outcome.result().failed()) {
                        drawn.incrementAndGet();
                    }
                    drawings.put(job.source(), outcome.result());
                    progress.advance("diagrams", i + 1, jobs.size());
                }
            } finally {
                cancel(tasks, outcomes);
            }
            Map<DiagramJob, DiagramResult> results = new LinkedHashMap<>();
            for (DiagramJob job : asked) {
                DiagramResult drawing = drawings.get(job.source());
                if (drawing != null) results.putIfAbsent(job, drawing);
            }
            return results;
        }
    }

    /**
     * Draws the jobs as {@link #draw} would, on threads like its own, but neither from nor into
     * the cache, and forgets the drawings: a long-running preview does this once at start-up, so
     * that the first diagram an edit calls for is drawn by code already compiled.
     */
    void rehearse(List<DiagramJob> jobs) {
        // on the same threads and with the same cleaner, so that their parsers are made too
        new DiagramBatch(engine, new DiagramCache(null), Progress.NONE, threads, cleaner).draw(jobs, new Diagnostics());
    }

    /** A job's drawing, what the cache said about it, and its key (worked out once: it digests the whole source; null for a failure). */
    private record Outcome(DiagramResult result, DiagramCache.Lookup lookup, String key) {
    }

    /**
     * Takes a job's drawing from the cache, or draws it, hands it over and then caches it, on a
     * drawing thread: a page waiting for the drawing need not wait for the disk as well.
     */
    private void fetchOrDraw(DiagramJob job, CompletableFuture<Outcome> outcome) {
        String key = job.key();
        DiagramCache.Lookup found = cache.get(key);
        if (found.svg() != null) {
            outcome.complete(new Outcome(DiagramResult.drawn(found.svg()), found, key));
            return;
        }
        DiagramResult result = drawAndClean(job, key);
        outcome.complete(new Outcome(result, found, key));
        if (!result.failed()) cache.put(key, result.svg());
    }

    private DiagramResult drawAndClean(DiagramJob job, String key) {
        DiagramResult raw = engine.draw(job.source());
        if (raw.failed()) return raw;
        return DiagramResult.drawn(cleaner.cleanDrawing(raw.svg(), DiagramJob.idPrefix(key)));
    }

    /** Waits for a job's whole work to end; what it drew, or how it failed, is its outcome's. */
    private static void awaitEnd(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            // the outcome says what went wrong
        }
    }

    private static Outcome await(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException | CancellationException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return new Outcome(DiagramResult.failed("interrupted", 0), DiagramCache.Lookup.MISS, null);
        } catch (ExecutionException e) {
            DiagramResult crashed = e.getCause() instanceof StackOverflowError || e.getCause() instanceof OutOfMemoryError
                    ? DiagramResult.crashed("the diagram is too large for PlantUML to draw")
                    : DiagramResult.crashed("PlantUML failed: " + e.getCause());
            return new Outcome(crashed, DiagramCache.Lookup.MISS, null);
        }
    }
}
