package dev.playbook.render.pdf;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.model.Language;
import dev.playbook.model.Playbook;
import dev.playbook.model.Resource;
import dev.playbook.model.Stage;
import dev.playbook.model.StageStatus;
import dev.playbook.model.Task;
import dev.playbook.model.Track;
import dev.playbook.plan.SitePaths;
import dev.playbook.render.Messages;
import dev.playbook.render.Theme;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The onboarding packs of the bundled examples, built as `build` builds them and read back with PDFBox. */
class OnboardingPackExamplesTest {
    private static final String GENERATOR = "Playbook test";

    @TempDir
    static Path temp;
    private static Path site;
    private static Outcome.Built report;
    private static Map<Language, Messages> words;

    @BeforeAll
    static void build() throws IOException {
        site = temp.resolve("site");
        Outcome outcome = Builds.build(Path.of("process-definitions"), "process-definitions", site, null, temp.resolve("cache"));
        assertTrue(outcome.succeeded(), () -> outcome.failureMessage() + " " + outcome.diagnostics().sorted());
        report = (Outcome.Built) outcome;
        words = new Theme(null).messages();
    }

    private static List<Playbook> playbooks() {
        return report.site().playbooks();
    }

    private static PdfFile pack(Playbook playbook) throws IOException {
        return PdfFile.open(site.resolve(SitePaths.onboardingPack(playbook.id())));
    }

    @Test
    void everyPlaybookHasAPackAndItsOverviewAndChecklistLinkToItWithItsPageCount() throws IOException {
        assertEquals(4, playbooks().size());
        for (Playbook playbook : playbooks()) {
            int pages;
            try (PdfFile pdf = pack(playbook)) {
                pages = pdf.pages();
            }
            assertTrue(pages > 5, playbook.id() + " has " + pages + " pages");
            Messages w = words.get(playbook.language());
            String expected = w.get("pack.link").replace("{0}", w.plural("pages", pages));
            for (String page : List.of(SitePaths.playbook(playbook.id()), SitePaths.checklist(playbook.id()))) {
                Document html = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
                Element link = html.selectFirst("a[href$=.pdf]");
                assertNotNull(link, page + " has no link to the pack");
                assertEquals(playbook.id() + ".pdf", link.attr("href"), page);
                assertEquals(expected, link.text(), page);
            }
        }
        String english = Jsoup.parse(site.resolve("transactional/index.html").toFile(), "UTF-8").selectFirst("a[href$=.pdf]").text();
        assertTrue(english.matches("Onboarding pack \\(PDF, \\d+ pages\\)"), english);
    }

    @Test
    void theOutlineHasAnEntryPerPartAndOnePerStage() throws IOException {
        for (Playbook playbook : playbooks()) {
            Messages w = words.get(playbook.language());
            try (PdfFile pdf = pack(playbook)) {
                Map<String, List<String>> outline = pdf.outline();
                for (String part : List.of("pack.cover", "pack.howTo", "map.title", "flow.title", "playbook.stages",
                        "buyer.title", "audit.title")) {
                    assertTrue(outline.containsKey(w.get(part)), playbook.id() + " outline lacks " + part + ": " + outline);
                }
                List<String> mainPath = new ArrayList<>();
                for (Stage s : playbook.stages()) if (s.status() != StageStatus.LOST) mainPath.add(s.title());
                assertEquals(mainPath, outline.get(w.get("playbook.stages")).stream().map(t -> t.replaceFirst("^\\d+\\. ", "")).toList());
                List<String> sides = outline.getOrDefault(w.get("playbook.tracks"), List.of());
                for (Stage s : playbook.stages()) {
                    if (s.status() == StageStatus.LOST) assertTrue(sides.stream().anyMatch(t -> t.endsWith(". " + s.title())), s.title());
                }
                for (Track track : playbook.tracks()) {
                    PDOutlineItem entry = childNamed(pdf, w.get("playbook.tracks"), track.title());
                    assertEquals(track.stages().stream().map(Stage::title).toList(),
                            PdfFile.titles(entry).stream().map(t -> t.replaceFirst("^\\d+\\. ", "")).toList());
                }
            }
        }
    }

    private static PDOutlineItem childNamed(PdfFile pdf, String parent, String title) {
        for (var child : pdf.outlineEntry(parent).children()) if (child.getTitle().equals(title)) return child;
        throw new AssertionError("no outline entry " + title + " under " + parent);
    }

    @Test
    void everyStageTaskAndResourceAddressIsInTheText() throws IOException {
        for (Playbook playbook : playbooks()) {
            try (PdfFile pdf = pack(playbook)) {
                String text = pdf.text();
                String bare = text.replace(" ", "");
                for (Stage stage : playbook.allStages()) {
                    assertTrue(text.contains(stage.title()), playbook.id() + ": stage " + stage.title());
                    for (Task task : stage.tasks()) {
                        assertTrue(text.contains(task.title().replaceAll("\\s+", " ")), playbook.id() + ": task " + task.title());
                        for (Resource r : task.resources()) {
                            assertTrue(bare.contains(r.url().replace(" ", "")), playbook.id() + ": address " + r.url());
                        }
                    }
                }
                assertTrue(text.contains(playbook.title()));
            }
        }
    }

    @Test
    void polishLettersSurviveInThePolishExample() throws IOException {
        Playbook polish = playbooks().stream().filter(p -> p.id().equals("b2b-complex")).findFirst().orElseThrow();
        assertEquals(Language.PL, polish.language());
        try (PdfFile pdf = pack(polish)) {
            String text = pdf.text();
            assertTrue(text.contains("Złożona sprzedaż B2B"), text.substring(0, 200));
            for (char c : "ąćęłńóśźż".toCharArray()) assertTrue(text.indexOf(c) >= 0, "no " + c + " in the text");
            // the cover prints it in capitals: "PAKIET WDROŻENIOWY"
            assertTrue(text.contains(words.get(Language.PL).get("pack.title").toUpperCase(Locale.ROOT)));
            assertFalse(text.contains("ﬁ") || text.contains("ﬂ"), "ligatures would break search and copying");
        }
    }

    @Test
    void everyFontIsEmbeddedAndNoneIsOneOfTheFourteenEveryViewerHas() throws IOException {
        for (Playbook playbook : playbooks()) {
            try (PdfFile pdf = pack(playbook)) {
                Map<String, PDFont> fonts = pdf.fonts();
                assertFalse(fonts.isEmpty());
                fonts.forEach((where, font) -> {
                    assertTrue(font.isEmbedded(), playbook.id() + ": " + where + " " + font.getName() + " is not embedded");
                    assertFalse(font.isStandard14(), playbook.id() + ": " + where + " " + font.getName());
                    assertTrue(font.getName().contains("DejaVu"), font.getName());
                });
            }
        }
    }

    @Test
    void everyPageButTheCoverSaysPageXOfYInThePlaybooksLanguage() throws IOException {
        for (Playbook playbook : playbooks()) {
            Messages w = words.get(playbook.language());
            try (PdfFile pdf = pack(playbook)) {
                assertFalse(pdf.pageText(1).contains(w.get("pack.page") + " 1 "), "the cover has no page number");
                for (int page = 2; page <= pdf.pages(); page++) {
                    String label = w.get("pack.page") + " " + page + " " + w.get("pack.of") + " " + pdf.pages();
                    String text = pdf.pageText(page);
                    assertTrue(text.contains(label), playbook.id() + " page " + page + " lacks " + label + ": "
                            + text.substring(Math.max(0, text.length() - 60)));
                }
            }
        }
    }

    @Test
    void theDocumentIsTaggedWithItsTitleAndLanguage() throws IOException {
        for (Playbook playbook : playbooks()) {
            try (PdfFile pdf = pack(playbook)) {
                PDDocumentCatalog catalog = pdf.document().getDocumentCatalog();
                assertEquals(words.get(playbook.language()).get("pack.title") + ": " + playbook.title(),
                        pdf.document().getDocumentInformation().getTitle());
                assertEquals(playbook.language().code(), catalog.getLanguage());
                assertTrue(catalog.getMarkInfo().isMarked());
                assertNotNull(catalog.getStructureTreeRoot());
                assertTrue(catalog.getViewerPreferences().displayDocTitle());
                assertEquals(GENERATOR, pdf.document().getDocumentInformation().getProducer());
            }
        }
    }

    @Test
    void theProcessMapIsOnALandscapePageAndTheRestIsPortraitA4() throws IOException {
        for (Playbook playbook : playbooks()) {
            String heading = words.get(playbook.language()).get("map.title");
            try (PdfFile pdf = pack(playbook)) {
                int landscape = 0;
                for (int i = 0; i < pdf.pages(); i++) {
                    PDPage page = pdf.document().getPage(i);
                    float w = page.getMediaBox().getWidth();
                    float h = page.getMediaBox().getHeight();
                    if (w > h) {
                        landscape++;
                        assertTrue(pdf.pageText(i + 1).contains(heading), playbook.id() + " page " + (i + 1));
                        assertEquals(842, Math.round(w), "A4 landscape");
                    } else {
                        assertEquals(595, Math.round(w), "A4");
                        assertEquals(842, Math.round(h), "A4");
                    }
                }
                assertEquals(1, landscape, playbook.id());
            }
        }
    }

    @Test
    void withoutALastChangedDateThePackHasNoDateAtAll() throws IOException {
        for (Playbook playbook : playbooks()) {
            assertNull(playbook.lastChanged());
            try (PdfFile pdf = pack(playbook)) {
                assertNull(pdf.document().getDocumentInformation().getCreationDate());
                assertNull(pdf.document().getDocumentInformation().getModificationDate());
                String xmp = new String(pdf.document().getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
                assertFalse(xmp.contains("CreateDate") || xmp.contains("ModifyDate"), xmp);
            }
        }
    }

    @Test
    void drawingAPackAgainGivesTheSameBytes() throws Exception {
        Playbook playbook = playbooks().stream().filter(p -> p.id().equals("transactional")).findFirst().orElseThrow();
        byte[] built = Files.readAllBytes(site.resolve(SitePaths.onboardingPack(playbook.id())));
        String standalone = Files.readString(site.resolve(SitePaths.diagramFile(playbook.id(), "flow.svg")));
        String flowSvg = standalone.substring(standalone.indexOf("<svg")).strip();
        OnboardingPack.Pack again = new OnboardingPack(new Theme(null), GENERATOR, PackCache.NONE)
                .render(playbook, report.site().settings(), flowSvg, source -> null);
        assertArrayEquals(built, again.pdf());
        try (PdfFile pdf = PdfFile.of(again.pdf())) {
            assertEquals(pdf.pages(), again.pages());
        }
    }

    /** A thread keeps the faces it parsed for its next pack: that pack comes out as if drawn on a thread of its own. */
    @Test
    void aPackDrawnAfterAnotherOnTheSameThreadHasTheSameBytes() throws Exception {
        OnboardingPack maker = new OnboardingPack(new Theme(null), GENERATOR, PackCache.NONE);
        Playbook first = playbooks().get(0);
        Playbook second = playbooks().get(playbooks().size() - 1);
        assertNotEquals(first.id(), second.id());
        FutureTask<byte[]> fresh = new FutureTask<>(() -> draw(maker, second));
        new Thread(fresh, "a thread that drew no pack before").start();
        byte[] alone = fresh.get();

        draw(maker, first);
        byte[] afterAnother = draw(maker, second);

        assertArrayEquals(alone, afterAnother);
        assertArrayEquals(Files.readAllBytes(site.resolve(SitePaths.onboardingPack(second.id()))), afterAnother);
    }

    @Test
    void packsDrawnOnTwoThreadsAtOnceAreTheSameAsPacksDrawnOneByOne() throws Exception {
        OnboardingPack maker = new OnboardingPack(new Theme(null), GENERATOR, PackCache.NONE);
        Map<String, byte[]> alone = new HashMap<>();
        for (Playbook playbook : playbooks()) alone.put(playbook.id(), draw(maker, playbook));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> atOnce = new ArrayList<>();
            List<Playbook> order = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Playbook playbook : playbooks()) {
                    order.add(playbook);
                    atOnce.add(two.submit(() -> draw(maker, playbook)));
                }
            }
            for (int i = 0; i < order.size(); i++) {
                assertArrayEquals(alone.get(order.get(i).id()), atOnce.get(i).get(), order.get(i).id());
            }
        } finally {
            two.shutdownNow();
        }
    }

    private static byte[] draw(OnboardingPack maker, Playbook playbook) throws Exception {
        String standalone = Files.readString(site.resolve(SitePaths.diagramFile(playbook.id(), "flow.svg")));
        return maker.render(playbook, report.site().settings(), standalone.substring(standalone.indexOf("<svg")).strip(),
                source -> null).pdf();
    }
}
