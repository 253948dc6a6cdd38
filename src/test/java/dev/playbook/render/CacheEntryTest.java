package dev.playbook.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CacheEntryTest {
    private static final byte[] BODY = "<svg>zażółć</svg>\nsecond line".getBytes(StandardCharsets.UTF_8);

    @Test
    void anEntryReadsBackAsItWasWritten(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("ab/abc.svg");
        CacheEntry.write(file, "playbook-pack-2 23", BODY);
        CacheEntry.Contents read = CacheEntry.read(Files.readAllBytes(file));
        assertEquals("playbook-pack-2 23", read.label());
        assertArrayEquals(BODY, read.body());
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file is left beside the entry");
        }
    }

    @Test
    void damageIsCaught() {
        byte[] entry = CacheEntry.of("label", BODY);
        byte[] changed = entry.clone();
        changed[changed.length - 1] ^= 1;
        for (byte[] bad : new byte[][] {new byte[0], Arrays.copyOf(entry, entry.length - 1), changed,
                BODY, "label\n".getBytes(StandardCharsets.US_ASCII), "x".repeat(1000).getBytes(StandardCharsets.US_ASCII)}) {
            assertThrows(CacheEntry.Damaged.class, () -> CacheEntry.read(bad), new String(bad, StandardCharsets.UTF_8));
        }
    }

    @Test
    void anEmptyBodyIsAnEntryToo() throws IOException, CacheEntry.Damaged {
        assertEquals(0, CacheEntry.read(CacheEntry.of("label", new byte[0])).body().length);
    }
}
