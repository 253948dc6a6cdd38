package dev.playbook.render.pdf;

import dev.playbook.Outcome;
import dev.playbook.Pipeline;
import dev.playbook.plan.SitePaths;
import dev.playbook.progress.Progress;
import dev.playbook.testing.ChangeRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The onboarding pack of a site that marks changes since {@code v2026.1} (the throw-away repository
 * of the changes tests): the badges the stage pages and the checklist carry are in the pack too, in
 * the playbook's language, and the pack cache never hands out a pack drawn with other marks.
 * The b2b playbook is switched to Polish in the working tree, whose badge words ("nowe",
 * "zmienione") its English texts never use, so every badge in the pack can be found and placed.
 */
class OnboardingPackChangesTest {
    @TempDir
    static Path work;
    static Path source;
    static Path cache;
    static Path marked;
    static Path plain;
    static Path markedAgain;
    static Path redrawn;
    static Path english;
    static Set<String> packsAfterMarked;
    static Set<String> packsAfterPlain;
    static Set<String> packsAfterMarkedAgain;

    @BeforeAll
    static void build() throws Exception {
        source = ChangeRepository.create(work.resolve("repo"));
        cache = work.resolve("cache");
        Files.writeString(source.resolve("site.yaml"), "title: Playbooki\nlanguage: pl\n");
        Path b2b = source.resolve("b2b.yaml");
        String inEnglish = Files.readString(b2b);
        String inPolish = inEnglish.replace("\nlanguage: en\n", "\nlanguage: pl\n");
        assertNotEquals(inEnglish, inPolish);
        Files.writeString(b2b, inPolish);

        marked = build("marked", ChangeRepository.BASELINE);
        packsAfterMarked = packs();
        plain = build("plain", null);
        packsAfterPlain = packs();
        markedAgain = build("marked-again", ChangeRepository.BASELINE);
        packsAfterMarkedAgain = packs();
        // without the packs it kept (the diagrams stay), the marked pack is drawn anew
        delete(cache.resolve("pdf"));
        redrawn = build("redrawn", ChangeRepository.BASELINE);

        Files.writeString(b2b, inEnglish);
        english = build("english", ChangeRepository.BASELINE);
    }

    private static Path build(String name, String since) {
        Path output = work.resolve(name);
        Outcome built = Pipeline.once(new Pipeline.Input(source, ChangeRepository.FOLDER, null, cache, since),
                "Playbook test", Progress.NONE, true).build(output, false, null);
        assertTrue(built.succeeded(), () -> built.failureMessage() + " " + built.diagnostics().sorted());
        return output;
    }

    private static Set<String> packs() throws IOException {
        try (Stream<Path> files = Files.walk(cache.resolve("pdf"))) {
            return files.filter(p -> p.toString().endsWith(".pack")).map(p -> p.getFileName().toString())
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static byte[] pack(Path site, String playbook) throws IOException {
        return Files.readAllBytes(site.resolve(SitePaths.onboardingPack(playbook)));
    }

    private static String text(Path site, String playbook) throws IOException {
        try (PdfFile pdf = PdfFile.of(pack(site, playbook))) {
            return pdf.text();
        }
    }

    /**
     * Each badge word in the text, in reading order, as "item: badge", where item is the first of
     * {@code items} the text before the badge ends with (else the 40 characters before it).
     */
    private static List<String> badges(String text, List<String> items) {
        List<String> found = new ArrayList<>();
        Matcher badge = Pattern.compile("(?<= )(nowe|zmienione)(?= |$)").matcher(text);
        while (badge.find()) {
            String before = text.substring(0, badge.start() - 1);
            String item = items.stream().filter(before::endsWith).findFirst()
                    .orElse(before.substring(Math.max(0, before.length() - 40)));
            found.add(item + ": " + badge.group());
        }
        return found;
    }

    @Test
    void theMarkedPackCarriesABadgeAtExactlyTheChangedItems() throws IOException {
        List<String> expected = List.of(
                "Co się zmieniło: zmienione",
                "1. Lead: zmienione",
                "2. Qualify: zmienione",
                "3. Discovery: nowe",
                "5. Demo: zmienione",
                "na stronach etapów:: nowe",
                "etapów: nowe: zmienione",
                "1. Lead: zmienione",
                "Call the lead within an hour: zmienione",
                "Log the call: zmienione",
                "A budget holder is known.: nowe",
                "The need is written down.: zmienione",
                "Takes the first call this week.: zmienione",
                "Who signs?: zmienione",
                "2. Qualify: zmienione",
                "Send a summary: zmienione",
                "Ask the BANT questions: zmienione",
                "Check the fit with the ideal customer profile: nowe",
                "3. Discovery: nowe",
                "5. Demo: zmienione",
                "Run the product demo: zmienione",
                "1. Winback call: nowe");
        List<String> items = expected.stream().map(e -> e.substring(0, e.lastIndexOf(": "))).toList();
        assertEquals(expected, badges(text(marked, "b2b"), items),
                "the cover, the contents' stages, the summary's key, then the stages' own items, as the pages mark them");
    }

    @Test
    void withoutABaselineThePackHasNoBadgeAndNoSummary() throws IOException {
        String text = text(plain, "b2b");
        assertEquals(List.of(), badges(text, List.of()));
        assertFalse(text.contains("Co się zmieniło"), text);
        assertFalse(text(plain, "new-one").contains("What changed"));
    }

    @Test
    void aPlaybookNewAsAWholeSaysSoOnItsCoverAndMarksNothingInside() throws IOException {
        String text = text(english, "new-one");
        assertTrue(text.contains("What changed new since v2026.1"), text);
        assertFalse(text.contains("Start new"), text);
        assertFalse(text.contains("Begin new"), text);
    }

    @Test
    void anEnglishPackUsesTheEnglishWords() throws IOException {
        String text = text(english, "b2b");
        for (String badge : List.of("What changed changed since 2026.1", "1. Lead changed", "Call the lead within an hour changed",
                "A budget holder is known. new", "The need is written down. changed", "Takes the first call this week. changed",
                "Who signs? changed", "Check the fit with the ideal customer profile new", "3. Discovery new",
                "Run the product demo changed", "1. Winback call new")) {
            assertTrue(text.contains(badge), badge);
        }
        assertFalse(text.contains("BuyerCommitment["), "a commitment shows its words");
        assertTrue(text.contains("What changed since 2026.1 Version 2026.1 → 2026.2"), "the summary of the changes");
        assertTrue(text.contains("Goal changed · Lead (p. "), "a change names the page of its stage");
        assertFalse(text.contains("4. Proposal new") || text.contains("4. Proposal changed"), "an unchanged stage has no badge");
    }

    @Test
    void theCacheNeverHandsOutAPackDrawnWithOtherMarks() throws IOException {
        assertFalse(Arrays.equals(pack(marked, "b2b"), pack(plain, "b2b")));
        assertTrue(packsAfterPlain.containsAll(packsAfterMarked));
        assertEquals(packsAfterMarked.size() + 2, packsAfterPlain.size(), "both playbooks drawn again without marks");
        assertEquals(packsAfterPlain, packsAfterMarkedAgain, "the marked packs came from the cache");
        assertArrayEquals(pack(marked, "b2b"), pack(markedAgain, "b2b"));
        assertArrayEquals(pack(marked, "new-one"), pack(markedAgain, "new-one"));
    }

    @Test
    void aMarkedPackIsTheSameBuildToBuild() throws IOException {
        assertArrayEquals(pack(marked, "b2b"), pack(redrawn, "b2b"));
        assertArrayEquals(pack(marked, "new-one"), pack(redrawn, "new-one"));
    }
}
