package dev.playbook.render;

import dev.playbook.diagnostics.Position;
import dev.playbook.model.Language;
import dev.playbook.model.Markdown;
import dev.playbook.model.PaperSize;
import dev.playbook.model.Robots;
import dev.playbook.model.SiteSettings;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Equal values digest alike in any order a map or set happens to iterate; different ones, and unknown kinds, never pass for each other. */
class ValueDigestTest {
    private final ValueDigest digest = new ValueDigest();

    private record Item(String title, int weight, List<String> tags) {
    }

    private record Holder(Object value) {
    }

    private record Wrapper(Object value) {
    }

    private record Named(Object name) {
    }

    @Test
    void equalRecordsDigestAlike() throws Exception {
        assertArrayEquals(digest.of("item", new Item("Call", 2, List.of("a", "b"))),
                new ValueDigest().of("item", new Item("Call", 2, new ArrayList<>(List.of("a", "b")))));
    }

    @Test
    void aMapOrSetDigestsTheSameWhateverOrderItIteratesIn() throws Exception {
        Map<String, Object> forward = new LinkedHashMap<>();
        Map<String, Object> backward = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) forward.put("key" + i, new Item("t" + i, i, List.of()));
        for (int i = 19; i >= 0; i--) backward.put("key" + i, new Item("t" + i, i, List.of()));
        assertArrayEquals(digest.of("m", forward), digest.of("m", backward));

        LinkedHashSet<String> ab = new LinkedHashSet<>(List.of("a", "b", "c"));
        LinkedHashSet<String> ba = new LinkedHashSet<>(List.of("c", "b", "a"));
        assertArrayEquals(digest.of("s", ab), digest.of("s", ba));
    }

    @Test
    void siteSettingsWithItsCopiedMapsDigestAlikeFromAnyOrder() throws Exception {
        Map<Language, String> enFirst = new LinkedHashMap<>();
        enFirst.put(Language.EN, "Sales");
        enFirst.put(Language.PL, "Sprzedaż");
        Map<Language, String> plFirst = new LinkedHashMap<>();
        plFirst.put(Language.PL, "Sprzedaż");
        plFirst.put(Language.EN, "Sales");
        assertArrayEquals(digest.of("settings", settings(enFirst)), digest.of("settings", settings(plFirst)));
    }

    @Test
    void anyDifferenceChangesTheDigest() throws Exception {
        byte[] base = digest.of("item", new Item("Call", 2, List.of("a", "b")));
        assertDiffers(base, digest.of("item", new Item("Call ", 2, List.of("a", "b"))));
        assertDiffers(base, digest.of("item", new Item("Call", 3, List.of("a", "b"))));
        assertDiffers(base, digest.of("item", new Item("Call", 2, List.of("b", "a"))), "a list keeps its order");
        assertDiffers(base, digest.of("item", new Item("Call", 2, List.of("ab"))));
        assertDiffers(base, digest.of("other", new Item("Call", 2, List.of("a", "b"))), "the label counts");
        assertDiffers(digest.of("v", 1), digest.of("v", 1L), "an int is not a long");
        assertDiffers(digest.of("v", (Object) null), digest.of("v", ""), "nothing is not an empty text");
        assertDiffers(digest.of("v", Optional.empty()), digest.of("v", (Object) null));
        assertDiffers(digest.of("a", "b", "c", "d"), digest.of("a", "bc", "", "d"), "values do not run into each other");
        assertDiffers(digest.of("d", LocalDate.of(2026, 1, 2)), digest.of("d", LocalDate.of(2026, 2, 1)));
        assertDiffers(digest.of("m", Map.of("a", "1", "b", "2")), digest.of("m", Map.of("a", "2", "b", "1")));
        assertDiffers(digest.of("e", PaperSize.A4), digest.of("e", PaperSize.LETTER));
    }

    @Test
    void recordsOfDifferentKindsWithTheSameValuesDigestApart() throws Exception {
        byte[] holder = digest.of("v", new Holder("a"));
        assertDiffers(holder, digest.of("v", new Wrapper("a")), "another class");
        assertDiffers(holder, digest.of("v", new Named("a")), "another class and component");
        assertDiffers(digest.of("v", new Holder(new Holder("a"))), digest.of("v", new Holder(new Wrapper("a"))),
                "the kind of a nested record");
        assertArrayEquals(holder, new ValueDigest().of("v", new Holder("a")), "the same kind digests alike from another digest");
    }

    @Test
    void aKindWhoseContentItCannotSeeIsRefused() {
        assertThrows(ValueDigest.Unsupported.class, () -> digest.of("x", new Holder(new Object())));
        assertThrows(ValueDigest.Unsupported.class, () -> digest.of("x", new StringBuilder("text")));
        assertThrows(ValueDigest.Unsupported.class, () -> digest.of("x", new ArrayDeque<>(List.of("a"))),
                "a collection that is neither a list nor a set");
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThrows(ValueDigest.Unsupported.class, () -> digest.of("x", cycle));
    }

    private static SiteSettings settings(Map<Language, String> titles) {
        return new SiteSettings("Sales", Language.EN, "", List.of(new Markdown("Is it written down?", null, 1, 1)), null,
                Robots.INDEX, true, PaperSize.A4, titles, Map.of());
    }

    private static void assertDiffers(byte[] a, byte[] b) {
        assertDiffers(a, b, "");
    }

    private static void assertDiffers(byte[] a, byte[] b, String why) {
        assertFalse(java.util.Arrays.equals(a, b), why);
    }

    @Test
    void leavesOutTheTypesAndComponentsItIsToldToAndNothingElse() throws Exception {
        ValueDigest digest = new ValueDigest(Set.of(Position.class), Map.of(Item.class, Set.of("weight")));
        Item item = new Item("Call", 1, List.of("a"));
        byte[] base = digest.of("v", new Holder(List.of(item, new Position("a.yaml", 1, 1))));
        assertArrayEquals(base, digest.of("v", new Holder(List.of(new Item("Call", 2, List.of("a")), new Position("b/b.yaml", 9, 3)))));
        assertFalse(Arrays.equals(base, digest.of("v", new Holder(List.of(new Item("Call!", 1, List.of("a")),
                new Position("a.yaml", 1, 1))))), "another title");
        assertFalse(Arrays.equals(base, new ValueDigest().of("v", new Holder(List.of(item, new Position("a.yaml", 1, 1))))),
                "a digest told nothing leaves nothing out");
    }
}
