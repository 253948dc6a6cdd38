package dev.playbook.render;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The head of every page: a description of its own in plain words, and the theme's icons linked
 * relatively, so that no browser asks the server for a {@code /favicon.ico}.
 */
class PageHeadTest {
    static final Path THEME_ASSETS = Path.of("templates/assets");

    @TempDir
    static Path temp;
    static Path site;

    @BeforeAll
    static void build() {
        site = temp.resolve("site");
        Outcome report = Builds.build(RenderFixtures.folder("descriptions"), "descriptions", site, null);
        assertTrue(report.succeeded(), () -> report.failureMessage() + " " + report.diagnostics().sorted());
    }

    private static String description(String page) throws IOException {
        Document doc = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
        Element meta = doc.selectFirst("head > meta[name=description]");
        assertNotNull(meta, page + " has no meta description");
        return meta.attr("content");
    }

    @Test
    void aPlaybookIsDescribedByTheFirstParagraphOfItsSummaryInPlainWords() throws IOException {
        // markup, link addresses and the table after the paragraph are left out; the text fits, so it stays whole
        assertEquals("The whole process for deals that need a CRM record and a \"signed\" <order>. Second sentence of the summary.",
                description("deals/index.html"));
    }

    @Test
    void theDescriptionIsEscapedInTheAttribute() throws IOException {
        String html = Files.readString(site.resolve("deals/index.html"));
        String line = html.lines().filter(l -> l.startsWith("<meta name=\"description\"")).findFirst().orElseThrow();
        assertTrue(line.contains("&quot;signed&quot; &lt;order&gt;"), line);
        assertTrue(Files.readString(site.resolve("deals/flow.html")).contains("content=\"Deals &quot;A&quot; &amp; &lt;B&gt; — "),
                "the playbook's title is escaped in the flowchart page's description");
    }

    @Test
    void aStageIsDescribedByItsGoalElseItsDescriptionElseItsTitle() throws IOException {
        assertEquals("Reach the buyer on the phone. Then write it down.", description("deals/stages/call.html"));
        // one sentence longer than a result line: cut at a word, with an ellipsis
        String offer = description("deals/stages/offer.html");
        assertTrue(offer.startsWith("Send the offer within a day, as the buyer asked"), offer);
        assertTrue(offer.endsWith("…") && offer.length() <= PageDescription.LIMIT, offer);
        assertEquals("Signed — Deals \"A\" & <B>", description("deals/stages/signed.html"));
    }

    @Test
    void viewsOfAPlaybookNameItAndSayWhatTheyShowInItsLanguage() throws IOException {
        // the playbook is Polish, the site English: its pages speak Polish
        String checklist = description("deals/checklist.html");
        assertTrue(checklist.startsWith("Deals \"A\" & <B> — "), checklist);
        assertFalse(checklist.contains("Work through"), "the Polish checklist is described in English: " + checklist);
        assertTrue(description("bare/checklist.html").startsWith("Bare — Work through the stages"));
        assertTrue(description("bare/buyer.html").startsWith("Bare — "));
        // no summary: the stages tell what the playbook is
        assertEquals("Bare — First → Won", description("bare/index.html"));
    }

    @Test
    void everyPageHasADescriptionThatFitsAResultLine() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path page : pages()) {
            String text = description(site.relativize(page).toString());
            if (text.isBlank() || text.length() > PageDescription.LIMIT) problems.add(site.relativize(page) + ": `" + text + "`");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPageLinksTheThemeIconsRelatively() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path page : pages()) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            for (String rel : List.of("icon", "apple-touch-icon")) {
                Element link = doc.selectFirst("head > link[rel=" + rel + "]");
                String href = link == null ? "" : link.attr("href");
                if (href.isEmpty() || href.startsWith("/") || href.contains(":")) {
                    problems.add(site.relativize(page) + ": " + rel + " `" + href + "`");
                } else if (!Files.isRegularFile(page.getParent().resolve(href).normalize())) {
                    problems.add(site.relativize(page) + ": " + rel + " `" + href + "` is not in the site");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theIconsAreASmallPngATouchIconAndAnSvgMark() throws IOException {
        // the tab's icon: a PNG of a tab's size, since a browser decodes it in the page's own process on every load
        assertPng(site.resolve("assets/favicon.png"), 48);
        // the touch icon: what phones put on a home screen
        assertPng(site.resolve("assets/icon.png"), 180);
        Document svg = Jsoup.parse(Files.readString(site.resolve("assets/icon.svg")), "", Parser.xmlParser());
        Element root = svg.selectFirst("svg");
        assertNotNull(root, "icon.svg has no svg element");
        assertEquals("http://www.w3.org/2000/svg", root.attr("xmlns"));
        assertFalse(root.attr("viewBox").isEmpty(), "icon.svg has no viewBox, so it does not scale");
    }

    @Test
    void theTabsIconIsThePngNotTheSvg() throws IOException {
        for (Path page : pages()) {
            Element link = Jsoup.parse(page.toFile(), "UTF-8").selectFirst("head > link[rel=icon]");
            assertNotNull(link, site.relativize(page) + " has no icon");
            assertTrue(link.attr("href").endsWith("favicon.png"), site.relativize(page) + ": " + link);
            assertEquals("image/png", link.attr("type"), site.relativize(page) + ": " + link);
            assertEquals("48x48", link.attr("sizes"), site.relativize(page) + ": " + link);
        }
    }

    /** A PNG of {@code size} × {@code size} pixels, by its signature and its IHDR chunk. */
    private static void assertPng(Path file, int size) throws IOException {
        byte[] png = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), file.getFileName() + " is not a PNG");
        assertEquals(size, readInt(png, 16), file.getFileName() + "'s width");
        assertEquals(size, readInt(png, 20), file.getFileName() + "'s height");
    }

    @Test
    void theDefaultThemeListsEveryAssetItShips() throws IOException {
        try (Stream<Path> files = Files.list(THEME_ASSETS)) {
            List<String> shipped = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(shipped, Theme.DEFAULT_ASSETS.stream().sorted().toList());
        }
        for (String name : Theme.DEFAULT_ASSETS) {
            assertArrayEquals(Files.readAllBytes(THEME_ASSETS.resolve(name)), Files.readAllBytes(site.resolve("assets").resolve(name)),
                    name + " is not copied into the site as it is");
        }
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            List<Path> pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            assertFalse(pages.isEmpty(), "the fixture built no pages");
            return pages;
        }
    }
}
