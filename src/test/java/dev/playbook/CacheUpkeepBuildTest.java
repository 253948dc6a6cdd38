package dev.playbook;

import dev.playbook.testing.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build leaves the cache holding what the site uses: entries it read are marked as used, so the
 * pruning after it removes only what no build has used for a month.
 */
class CacheUpkeepBuildTest {
    private static final String PLAYBOOK = "playbook: demo\ntitle: Demo\nstages:\n  - id: a\n    title: %s\n"
            + "    tasks: [Do]\n    exit_criteria: [Done]\n";

    private static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> walk = Files.walk(cache)) {
            return walk.filter(f -> f.toString().endsWith(".svg") || f.toString().endsWith(".pack")).sorted().toList();
        }
    }

    private static void age(List<Path> files, Duration by) throws IOException {
        FileTime then = FileTime.from(Instant.now().minus(by));
        for (Path f : files) Files.setLastModifiedTime(f, then);
    }

    @Test
    void aBuildKeepsWhatItUsedAndPrunesWhatNothingUsedForAMonth(@TempDir Path temp) throws IOException {
        Path source = Files.createDirectories(temp.resolve("defs"));
        Path cache = temp.resolve("cache");
        Path site = temp.resolve("site");
        Files.writeString(source.resolve("demo.yaml"), PLAYBOOK.formatted("First stage"));
        assertTrue(Builds.build(source, "defs", site, null, cache, false, "tool 1").succeeded());
        List<Path> first = entries(cache);
        assertFalse(first.isEmpty(), "the diagrams and the pack are cached");

        // the stage renamed: a new flowchart and a new pack; the first ones are no longer used by this site
        Files.writeString(source.resolve("demo.yaml"), PLAYBOOK.formatted("Second stage"));
        assertTrue(Builds.build(source, "defs", site, null, cache, false, "tool 1").succeeded());
        List<Path> second = entries(cache).stream().filter(f -> !first.contains(f)).toList();
        assertFalse(second.isEmpty());

        // two months on, and the pruning of a day ago is long past
        age(entries(cache), Duration.ofDays(60));
        Files.setLastModifiedTime(cache.resolve(".playbook-pruned"), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        assertTrue(Builds.build(source, "defs", site, null, cache, true, "tool 1").succeeded());

        assertEquals(second, entries(cache), "what this site uses stays; the first stage's entries are gone");
        Instant marked = Files.getLastModifiedTime(second.get(0)).toInstant();
        assertTrue(marked.isAfter(Instant.now().minus(Duration.ofHours(1))), "read back, so marked as used: " + marked);
    }

    @Test
    void aCheckNeitherMarksNorPrunes(@TempDir Path temp) throws IOException {
        Path source = Files.createDirectories(temp.resolve("defs"));
        Path cache = temp.resolve("cache");
        Files.writeString(source.resolve("demo.yaml"), PLAYBOOK.formatted("Stage"));
        assertTrue(Builds.build(source, "defs", temp.resolve("site"), null, cache, false, "tool 1").succeeded());
        List<Path> cached = entries(cache);
        age(cached, Duration.ofDays(60));
        Files.delete(cache.resolve(".playbook-pruned"));

        assertTrue(Builds.check(source, "defs", null, cache).succeeded());

        assertEquals(cached, entries(cache));
        for (Path f : cached) {
            assertTrue(Files.getLastModifiedTime(f).toInstant().isBefore(Instant.now().minus(Duration.ofDays(50))), f::toString);
        }
        assertFalse(Files.exists(cache.resolve(".playbook-pruned")));
    }
}
