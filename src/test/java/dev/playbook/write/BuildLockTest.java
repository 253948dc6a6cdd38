package dev.playbook.write;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.testing.LockHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildLockTest {
    private static final Duration LONG = Duration.ofMinutes(1);

    @Test
    void aSecondHolderInTheSameProcessWaitsThenGivesUp(@TempDir Path temp) throws Exception {
        Path file = temp.resolve(".site.lock");
        AtomicInteger waits = new AtomicInteger();
        try (BuildLock first = BuildLock.acquire(file, LONG, () -> { })) {
            assertNotNull(first);
            assertNull(BuildLock.acquire(file, Duration.ofMillis(100), waits::incrementAndGet));
        }
        assertEquals(1, waits.get(), "the waiting build was not told once that it waits");
        assertFalse(Files.exists(file), "the lock file outlived the build");
    }

    @Test
    void aWaitingHolderGoesAheadOnceTheFirstLetsGo(@TempDir Path temp) throws Exception {
        Path file = temp.resolve(".site.lock");
        BuildLock first = BuildLock.acquire(file, LONG, () -> { });
        assertNotNull(first);
        // the first lets go (and deletes the file) only once the second is known to be waiting
        try (BuildLock second = BuildLock.acquire(file, LONG, () -> close(first))) {
            assertNotNull(second, "the second never got the lock");
            assertTrue(Files.exists(file));
            assertNull(BuildLock.acquire(file, Duration.ZERO, () -> { }), "two holders at once");
        }
    }

    @Test
    void anotherProcessCannotTakeTheLockWhileThisOneHoldsIt(@TempDir Path temp) throws Exception {
        Path file = temp.resolve(".site.lock");
        try (BuildLock held = BuildLock.acquire(file, LONG, () -> { })) {
            assertNotNull(held);
            // a second build in this process gives up without touching the file: closing any handle
            // of it would drop this process's lock
            assertNull(BuildLock.acquire(file, Duration.ZERO, () -> { }));
            assertEquals("taken", LockHolder.probe(file));
        }
        assertEquals("free", LockHolder.probe(file));
    }

    @Test
    void aLockFileLeftByAKilledBuildDoesNotBlock(@TempDir Path temp) throws Exception {
        Path file = temp.resolve(".site.lock");
        Files.writeString(file, "process 1 left over\n");
        try (BuildLock lock = BuildLock.acquire(file, Duration.ZERO, () -> { })) {
            assertNotNull(lock);
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void twoBuildsAtOnceIntoOneOutputNeverMixTheirSites(@TempDir Path temp) throws Exception {
        Path site = temp.resolve("site");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> builds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                builds.add(threads.submit(() -> {
                    start.await();
                    return Builds.build(OutputFolderSafetyTest.SOURCE, "minimal", site, null);
                }));
            }
            start.countDown();
            int built = 0;
            for (Future<Outcome> build : builds) {
                Outcome report = build.get();
                if (report.succeeded()) {
                    built++;
                } else {
                    assertEquals("another build is writing " + site + "; try again when it has finished", report.failureMessage());
                }
            }
            assertTrue(built >= 1, "neither build wrote the site");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(Set.of("site"), OutputFolderSafetyTest.listing(temp), "something was left beside the output folder");
        assertTrue(Files.isRegularFile(site.resolve("index.html")));
        assertTrue(Files.readString(site.resolve(SiteWriter.MARKER)).contains("\nfile: index.html\n"));
    }

    private static void close(BuildLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
