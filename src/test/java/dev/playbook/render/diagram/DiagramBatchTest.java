package dev.playbook.render.diagram;

import dev.playbook.diagnostics.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(120)
class DiagramBatchTest {
    private static DiagramJob job(String words) {
        return new DiagramJob("start\n:" + words + ";\nstop", "A test", words);
    }

    @Test
    void aDrawingIsHandedOverBeforeItIsCachedAndFinishWaitsForTheCache() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DiagramCache slowToWrite = new DiagramCache(null) {
            @Override
            public void put(String key, String svg) {
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.put(key, svg);
            }
        };
        DiagramBatch batch = new DiagramBatch(new PlantUmlEngine(), slowToWrite);
        DiagramJob job = job("Call the buyer");
        DiagramBatch.Running running = batch.start(List.of(job));

        DiagramResult drawn = running.await(job);
        assertTrue(drawn.svg().contains("Call the buyer"), drawn.toString());
        assertTrue(writing.await(10, TimeUnit.SECONDS), "the drawing was never cached");

        AtomicReference<Map<DiagramJob, DiagramResult>> finished = new AtomicReference<>();
        Thread finisher = new Thread(() -> finished.set(running.finish(new Diagnostics())));
        finisher.start();
        finisher.join(300);
        assertTrue(finisher.isAlive(), "finish() did not wait for the cache to be written");
        release.countDown();
        finisher.join(10_000);
        assertFalse(finisher.isAlive());
        assertEquals(Set.of(job), finished.get().keySet());
        assertEquals(drawn, running.await(job), "a finished batch still hands out each drawing with its labels");
        assertEquals(1, batch.drawn());
    }

    @Test
    void theDrawingThreadsOutlastABatch() {
        Set<Thread> drawingThreads = ConcurrentHashMap.newKeySet();
        DiagramCache watched = new DiagramCache(null) {
            @Override
            public Lookup get(String key) {
                drawingThreads.add(Thread.currentThread());
                return super.get(key);
            }
        };
        DiagramBatch batch = new DiagramBatch(new PlantUmlEngine(), watched);
        int cores = Runtime.getRuntime().availableProcessors();
        for (int round = 0; round < 3; round++) {
            List<DiagramJob> jobs = new ArrayList<>();
            for (int i = 0; i < cores; i++) jobs.add(job("Round " + round + ", step " + i));
            Map<DiagramJob, DiagramResult> results = batch.draw(jobs, new Diagnostics());
            results.values().forEach(result -> assertFalse(result.failed(), result.toString()));
        }
        assertEquals(3 * cores, batch.drawn());
        assertTrue(drawingThreads.size() <= cores,
                "each batch started threads of its own: " + drawingThreads.size() + " threads for " + cores + " cores");
    }

    @Test
    void newLabelsOnAnUnchangedSourceAreNotDrawnAgain(@TempDir Path folder) {
        String source = "start\n:Call the buyer;\nstop";
        DiagramJob first = new DiagramJob(source, "Flowchart: Old name", "Stages in order: Call");
        DiagramJob renamed = new DiagramJob(source, "Flowchart: New & <better> name", "Stages in order: Call");

        DiagramBatch before = new DiagramBatch(new PlantUmlEngine(), new DiagramCache(folder));
        Map<DiagramJob, DiagramResult> drawn = before.draw(List.of(first, renamed), new Diagnostics());
        assertEquals(1, before.drawn(), "one source, drawn once for both labels");
        assertTrue(drawn.get(first).svg().contains(">Flowchart: Old name</title>"), drawn.get(first).svg());
        assertTrue(drawn.get(renamed).svg().contains(">Flowchart: New &amp; &lt;better&gt; name</title>"));

        // a later build, in a new process, with the playbook renamed
        DiagramBatch after = new DiagramBatch(new PlantUmlEngine(), new DiagramCache(folder));
        Diagnostics diagnostics = new Diagnostics();
        DiagramResult again = after.draw(List.of(renamed), diagnostics).get(renamed);
        assertEquals(0, after.drawn());
        assertEquals(1, after.cached());
        assertEquals(drawn.get(renamed), again);
        assertTrue(diagnostics.sorted().isEmpty(), diagnostics.sorted().toString());
        assertFalse(again.svg().contains("Old name"));
    }
}
