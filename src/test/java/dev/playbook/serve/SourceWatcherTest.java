package dev.playbook.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A burst of saves leads to one rebuild that is shown; a rebuild that read a save still being written is never shown. */
class SourceWatcherTest {
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path temp;

    private final BlockingQueue<SourceWatcher.Change> drafts = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> shown = new LinkedBlockingQueue<>();

    /** A rebuilder that notes each change, runs {@code during} for the n-th (from 1), and notes n when shown. */
    private SourceWatcher.Rebuilder noting(IntConsumer during) {
        List<Integer> count = new CopyOnWriteArrayList<>();
        return change -> {
            drafts.add(change);
            count.add(0);
            int n = count.size();
            during.accept(n);
            return () -> shown.add(n);
        };
    }

    @FunctionalInterface
    private interface IntConsumer {
        void accept(int n);
    }

    private SourceWatcher.Change nextDraft() throws InterruptedException {
        SourceWatcher.Change change = drafts.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(change, "no rebuild");
        return change;
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSaveIsRebuiltOnceAndShown() throws Exception {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Path file = source.resolve("demo.yaml");
        // settling long enough that a slow machine cannot split the save's own events into two bursts
        try (SourceWatcher watcher = new SourceWatcher(source, null, noting(n -> { }), 200, 400)) {
            watcher.start();
            write(file, "id: demo\n");
            SourceWatcher.Change change = nextDraft();
            assertEquals(java.util.Set.of(absolute(file)), change.paths());
            assertFalse(change.theme());
            assertEquals(1, shown.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertNull(drafts.poll(300, TimeUnit.MILLISECONDS), "one save, one rebuild");
        }
    }

    @Test
    void aRebuildDuringWhichAFileChangedIsDroppedAndTheNextOneShown() throws Exception {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Path first = source.resolve("first.yaml");
        Path second = source.resolve("second.yaml");
        // a long quiet, so that the second save surely falls within it however slow the machine
        try (SourceWatcher watcher = new SourceWatcher(source, null, noting(n -> {
            if (n == 1) write(second, "id: second\n");
        }), 5, 2_000)) {
            watcher.start();
            write(first, "id: first\n");
            assertEquals(java.util.Set.of(absolute(first)), nextDraft().paths());
            assertEquals(java.util.Set.of(absolute(second)), nextDraft().paths(), "the file changed during the rebuild is read again");
            assertEquals(2, shown.poll(WAIT_SECONDS, TimeUnit.SECONDS), "the rebuild that read a file still changing is not shown");
            assertNull(shown.poll(300, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void aRebuildSlowerThanTheQuietIsShownThoughASaveFollowsIt() throws Exception {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Path first = source.resolve("first.yaml");
        Path second = source.resolve("second.yaml");
        // the second save comes well after the quiet that follows the first: it is an edit of its own
        try (SourceWatcher watcher = new SourceWatcher(source, null, noting(n -> {
            if (n == 1) {
                sleep(600);
                write(second, "id: second\n");
                sleep(300);
            }
        }), 5, 200)) {
            watcher.start();
            write(first, "id: first\n");
            assertEquals(1, shown.poll(WAIT_SECONDS, TimeUnit.SECONDS), "an author saving often still sees each rebuild");
            assertEquals(2, shown.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(java.util.Set.of(absolute(first)), nextDraft().paths());
            assertEquals(java.util.Set.of(absolute(second)), nextDraft().paths());
        }
    }

    @Test
    void aBurstOfSavesIsOneRebuild() throws Exception {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        try (SourceWatcher watcher = new SourceWatcher(source, null, noting(n -> { }), 1_000, 1_000)) {
            watcher.start();
            for (int i = 0; i < 5; i++) write(source.resolve("p" + i + ".yaml"), "id: p" + i + "\n");
            SourceWatcher.Change change = nextDraft();
            assertEquals(5, change.paths().size(), change::toString);
            assertEquals(1, shown.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertNull(drafts.poll(300, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void aChangeInTheThemeIsMarkedAndAFolderMadeLaterIsWatched() throws Exception {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Path theme = Files.createDirectories(temp.resolve("theme"));
        try (SourceWatcher watcher = new SourceWatcher(source, theme, noting(n -> { }), 200, 400)) {
            watcher.start();
            write(theme.resolve("home.ftlh"), "<p>home</p>");
            assertTrue(nextDraft().theme());
            assertEquals(1, shown.poll(WAIT_SECONDS, TimeUnit.SECONDS));

            Path folder = Files.createDirectories(source.resolve("team"));
            SourceWatcher.Change made = nextDraft();
            assertFalse(made.theme());
            assertTrue(made.paths().contains(absolute(folder)), made::toString);
            assertEquals(2, shown.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            Path inside = folder.resolve("demo.yaml");
            write(inside, "id: demo\n");
            assertEquals(java.util.Set.of(absolute(inside)), nextDraft().paths());
        }
    }

    @Test
    void nothingIsRebuiltOnceClosed() throws Exception {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        SourceWatcher watcher = new SourceWatcher(source, null, noting(n -> { }));
        watcher.start();
        watcher.close();
        write(source.resolve("demo.yaml"), "id: demo\n");
        assertNull(drafts.poll(500, TimeUnit.MILLISECONDS));
    }
}
