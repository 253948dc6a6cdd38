package dev.playbook.render.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A cached pack is handed out only as it was put in: anything else is a miss, and the pack is drawn again. */
class PackCacheTest {
    private static final String KEY = "ab" + "0".repeat(62);
    private static final byte[] PDF = "%PDF-1.7\nsome pages\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aPackComesBackWithItsPageCount(@TempDir Path temp) {
        PackCache cache = PackCache.in(temp, true);
        cache.put(KEY, new OnboardingPack.Pack(PDF, 7));
        OnboardingPack.Pack back = cache.get(KEY);
        assertNotNull(back);
        assertArrayEquals(PDF, back.pdf());
        assertEquals(7, back.pages());
    }

    @Test
    void anAlteredPackIsNotHandedOut(@TempDir Path temp) throws IOException {
        PackCache cache = PackCache.in(temp, true);
        cache.put(KEY, new OnboardingPack.Pack(PDF, 7));
        Path entry = onlyEntry(temp);
        byte[] original = Files.readAllBytes(entry);
        byte[] bytes = original.clone();
        bytes[bytes.length - 8] ^= 1;
        Files.write(entry, bytes);
        assertNull(cache.get(KEY), "a pack whose bytes no longer match its check");

        String text = new String(Files.readAllBytes(entry), StandardCharsets.ISO_8859_1);
        Files.writeString(entry, text.substring(0, text.indexOf('\n') + 1) + "/JavaScript (app.alert(1))\n",
                StandardCharsets.ISO_8859_1);
        assertNull(cache.get(KEY), "a pack replaced under the same header");

        Files.write(entry, Arrays.copyOf(original, original.length - 3));
        assertNull(cache.get(KEY), "a pack cut short");
    }

    @Test
    void entriesWithoutACheckAreMisses(@TempDir Path temp) throws IOException {
        PackCache cache = PackCache.in(temp, true);
        cache.put(KEY, new OnboardingPack.Pack(PDF, 7));
        Path entry = onlyEntry(temp);
        // the first release's entries: a page count and no digest
        Files.write(entry, concat("playbook-pack 7\n".getBytes(StandardCharsets.US_ASCII), PDF));
        assertNull(cache.get(KEY));
        Files.writeString(entry, "not a pack at all");
        assertNull(cache.get(KEY));
    }

    @Test
    void aReadOnlyCacheKeepsNothing(@TempDir Path temp) throws IOException {
        PackCache cache = PackCache.in(temp, false);
        cache.put(KEY, new OnboardingPack.Pack(PDF, 7));
        assertNull(cache.get(KEY));
        try (Stream<Path> files = Files.walk(temp)) {
            assertEquals(List.of(temp), files.toList());
        }
    }

    private static Path onlyEntry(Path cacheFolder) throws IOException {
        try (Stream<Path> files = Files.walk(cacheFolder)) {
            List<Path> entries = files.filter(Files::isRegularFile).toList();
            assertEquals(1, entries.size(), entries::toString);
            return entries.get(0);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
