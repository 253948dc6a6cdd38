package dev.playbook.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A cache folder is pruned of entries nobody used for a month, and of nothing else: it may be a
 * folder the user keeps other files in, and an entry still in use must survive.
 */
class CacheUpkeepTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofDays(45));
    private static final Instant RECENT = NOW.minus(Duration.ofDays(3));
    private static final String KEY = "ab" + "0123456789abcdef".repeat(4).substring(2);
    private static final String OTHER_KEY = "cd" + "fedcba9876543210".repeat(4).substring(2);

    private static Path file(Path folder, String name, byte[] content, Instant time) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(time));
        return file;
    }

    private static Path entry(Path folder, String name, String label, Instant time) throws IOException {
        return file(folder, name, CacheEntry.of(label, "<svg/>".getBytes(StandardCharsets.UTF_8)), time);
    }

    @Test
    void entriesUnusedForAMonthGoOfEveryVersionAndRecentOnesStay(@TempDir Path cache) throws IOException {
        Path oldDiagram = entry(cache, "ab/" + KEY + ".svg", "playbook-diagram-3", OLD);
        Path olderVersion = entry(cache, "cd/" + OTHER_KEY + ".svg", "playbook-diagram-1", OLD);
        Path recentDiagram = entry(cache, "ab/" + KEY.replace('0', '9') + ".svg", "playbook-diagram-3", RECENT);
        Path oldPack = entry(cache, "pdf/ab/" + KEY + ".pack", "playbook-pack-2 12", OLD);
        Path recentPack = entry(cache, "pdf/cd/" + OTHER_KEY + ".pack", "playbook-pack-2 3", RECENT);

        assertEquals(3, CacheUpkeep.pruneIfDue(cache, NOW));

        assertFalse(Files.exists(oldDiagram));
        assertFalse(Files.exists(olderVersion));
        assertFalse(Files.exists(oldPack));
        assertTrue(Files.exists(recentDiagram));
        assertTrue(Files.exists(recentPack));
        assertFalse(Files.exists(cache.resolve("cd")), "a folder emptied by pruning goes too");
        assertTrue(Files.exists(cache.resolve("pdf/cd")));
    }

    @Test
    void onlyFilesThisToolWroteAreRemovedHoweverOldTheOthersAre(@TempDir Path cache) throws IOException {
        byte[] svg = "<svg/>".getBytes(StandardCharsets.UTF_8);
        Path notOurLabel = file(cache, "ab/" + KEY + ".svg", svg, OLD);
        Path notesBeside = file(cache, "ab/notes.txt", "mine".getBytes(StandardCharsets.UTF_8), OLD);
        Path wrongFolder = entry(cache, "cd/" + KEY + ".svg", "playbook-diagram-3", OLD);
        Path notAKeyFolder = entry(cache, "drawings/" + KEY + ".svg", "playbook-diagram-3", OLD);
        Path otherExtension = entry(cache, "ab/" + KEY + ".png", "playbook-diagram-3", OLD);
        Path packLabelOnDiagram = entry(cache, "ab/" + KEY.replace('1', '2') + ".svg", "playbook-pack-2 1", OLD);
        Path inTheFolderItself = entry(cache, KEY + ".svg", "playbook-diagram-3", OLD);

        assertEquals(0, CacheUpkeep.pruneIfDue(cache, NOW));

        for (Path kept : new Path[] {notOurLabel, notesBeside, wrongFolder, notAKeyFolder, otherExtension,
                packLabelOnDiagram, inTheFolderItself}) {
            assertTrue(Files.exists(kept), kept::toString);
        }
    }

    @Test
    void aLinkNamedLikeAnEntryIsNeitherFollowedNorRemoved(@TempDir Path dir) throws IOException {
        Path cache = dir.resolve("cache");
        Path outside = entry(dir, "outside/" + KEY + ".svg", "playbook-diagram-3", OLD);
        Files.createDirectories(cache.resolve("ab"));
        Path link;
        Path folderLink;
        try {
            link = Files.createSymbolicLink(cache.resolve("ab/" + KEY + ".svg"), outside);
            folderLink = Files.createSymbolicLink(cache.resolve("cd"), outside.getParent());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system has no symbolic links");
            return;
        }

        assertEquals(0, CacheUpkeep.pruneIfDue(cache, NOW));

        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isSymbolicLink(folderLink));
        assertTrue(Files.exists(outside));
    }

    @Test
    void aWriteCutOffLeavesATemporaryFileThatGoesOnceOld(@TempDir Path cache) throws IOException {
        Path cutOffEmpty = file(cache, "ab/" + KEY + ".svg1234567890.tmp", new byte[0], OLD);
        Path cutOffHalfway = file(cache, "pdf/ab/" + KEY + ".pack42.tmp",
                "playbook-pack-2 3 9999 0".getBytes(StandardCharsets.US_ASCII), OLD);
        Path beingWritten = file(cache, "ab/" + KEY + ".svg777.tmp", new byte[0], NOW.minusSeconds(5));
        Path someoneElses = file(cache, "ab/" + KEY + ".svg55.tmp", "not ours".getBytes(StandardCharsets.UTF_8), OLD);

        assertEquals(2, CacheUpkeep.pruneIfDue(cache, NOW));

        assertFalse(Files.exists(cutOffEmpty));
        assertFalse(Files.exists(cutOffHalfway));
        assertTrue(Files.exists(beingWritten));
        assertTrue(Files.exists(someoneElses));
    }

    @Test
    void theCacheIsLookedThroughAtMostOnceADay(@TempDir Path cache) throws IOException {
        assertEquals(0, CacheUpkeep.pruneIfDue(cache, NOW));
        Path old = entry(cache, "ab/" + KEY + ".svg", "playbook-diagram-3", OLD);

        assertEquals(-1, CacheUpkeep.pruneIfDue(cache, NOW.plus(Duration.ofHours(20))));
        assertTrue(Files.exists(old));

        assertEquals(1, CacheUpkeep.pruneIfDue(cache, NOW.plus(Duration.ofHours(25))));
        assertFalse(Files.exists(old));
    }

    @Test
    void aMissingCacheFolderIsLeftMissing(@TempDir Path dir) {
        assertEquals(-1, CacheUpkeep.pruneIfDue(dir.resolve("never-made"), NOW));
        assertFalse(Files.exists(dir.resolve("never-made")));
    }

    @Test
    void anEntryReadBackIsMarkedAsUsedAtMostOnceADay(@TempDir Path cache) throws IOException {
        Path old = entry(cache, "ab/" + KEY + ".svg", "playbook-diagram-3", OLD);
        CacheEntry.markUsed(old, FileTime.from(OLD), NOW);
        assertEquals(NOW, Files.getLastModifiedTime(old).toInstant());

        Instant hoursAgo = NOW.minus(Duration.ofHours(5));
        Files.setLastModifiedTime(old, FileTime.from(hoursAgo));
        CacheEntry.markUsed(old, FileTime.from(hoursAgo), NOW);
        assertEquals(hoursAgo, Files.getLastModifiedTime(old).toInstant(), "used today already: not written again");
    }
}
