package dev.playbook.render.pdf;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.model.Language;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;
import dev.playbook.model.StageStatus;
import dev.playbook.plan.SitePaths;
import dev.playbook.render.Messages;
import dev.playbook.render.Theme;
import dev.playbook.testing.DiagnosticSpec;
import org.apache.pdfbox.pdmodel.PDPage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pack's switches and a large playbook: fifteen stages, one of them pages long, on US letter
 * paper, with a last-changed date; beside it a playbook with {@code pdf: false}; and a site that
 * turns packs off altogether.
 */
class OnboardingPackSwitchesTest {
    @TempDir
    static Path temp;
    private static Path site;
    private static Outcome.Built report;
    private static Messages english;

    @BeforeAll
    static void build() throws IOException {
        site = temp.resolve("switches");
        report = build("switches", site);
        english = new Theme(null).messages().get(Language.EN);
    }

    private static Outcome.Built build(String fixture, Path output) {
        Outcome built = Builds.build(DiagnosticSpec.resource("pdf/" + fixture), fixture, output, null, null);
        assertTrue(built.succeeded(), () -> built.failureMessage() + " " + built.diagnostics().sorted());
        return (Outcome.Built) built;
    }

    private static Playbook playbook(String id) {
        return report.site().playbooks().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aPlaybookWithPdfFalseGetsNoPackAndNoLinkToOne() throws IOException {
        assertFalse(Files.exists(site.resolve(SitePaths.onboardingPack("quiet"))));
        for (String page : List.of(SitePaths.playbook("quiet"), SitePaths.checklist("quiet"))) {
            assertTrue(Jsoup.parse(site.resolve(page).toFile(), "UTF-8").select("a[href$=.pdf]").isEmpty(), page);
        }
        assertTrue(Files.exists(site.resolve(SitePaths.onboardingPack("long"))));
        assertFalse(Jsoup.parse(site.resolve(SitePaths.playbook("long")).toFile(), "UTF-8").select("a[href$=.pdf]").isEmpty());
    }

    @Test
    void aSiteWithPdfFalseHasNoPackAtAll() throws IOException {
        Path off = temp.resolve("site-off");
        build("site-off", off);
        try (Stream<Path> files = Files.walk(off)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertTrue(all.stream().noneMatch(p -> p.toString().endsWith(".pdf")), all.toString());
            for (Path page : all) {
                if (page.toString().endsWith(".html")) {
                    assertTrue(Jsoup.parse(page.toFile(), "UTF-8").select("a[href$=.pdf]").isEmpty(), page.toString());
                }
            }
        }
    }

    @Test
    void fifteenStagesAllHaveTheirEntryAndTheirText() throws IOException {
        Playbook big = playbook("long");
        List<String> mainPath = big.stages().stream().filter(s -> s.status() != StageStatus.LOST).map(Stage::title).toList();
        assertEquals(16, mainPath.size(), "fifteen open stages and the won one");
        try (PdfFile pdf = PdfFile.open(site.resolve(SitePaths.onboardingPack("long")))) {
            assertEquals(mainPath, pdf.outline().get(english.get("playbook.stages")).stream()
                    .map(t -> t.replaceFirst("^\\d+\\. ", "")).toList());
            String text = pdf.text();
            for (Stage stage : big.allStages()) {
                assertTrue(text.contains(stage.title()), stage.title());
                stage.tasks().forEach(t -> assertTrue(text.contains(t.title()), t.title()));
            }
            assertTrue(text.contains("Paragraph 12 of the design notes"), "the long Markdown is there to its end");
            assertTrue(text.contains("design-review --stage solution-design --strict"), "and its code block");
        }
    }

    @Test
    void aStageThatFitsOnAPageIsNeverSplitAndALongOneGoesOn() throws IOException {
        Playbook big = playbook("long");
        try (PdfFile pdf = PdfFile.open(site.resolve(SitePaths.onboardingPack("long")))) {
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= pdf.pages(); i++) pages.add(pdf.pageText(i));
            int number = 0;
            for (Stage stage : big.stages()) {
                number++;
                if (stage.questions().isEmpty()) continue;
                String heading = number + ". " + stage.title();
                String last = stage.questions().get(stage.questions().size() - 1).source().strip();
                int starts = firstPageWith(pages, heading + " " + english.get("stage.buyerPhase"));
                int ends = firstPageWith(pages, last);
                if (stage.id().equals("s07")) {
                    assertTrue(ends > starts, "the long stage runs over several pages");
                } else {
                    assertEquals(starts, ends, "stage " + heading + " is split across pages");
                }
            }
        }
    }

    private static int firstPageWith(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) if (pages.get(i).contains(text)) return i + 1;
        throw new AssertionError("no page has " + text);
    }

    @Test
    void letterPaperAndTheLastChangedDayReachThePaperAndTheDocument() throws IOException {
        try (PdfFile pdf = PdfFile.open(site.resolve(SitePaths.onboardingPack("long")))) {
            for (PDPage page : pdf.document().getPages()) {
                float w = page.getMediaBox().getWidth();
                float h = page.getMediaBox().getHeight();
                assertEquals(List.of(612L, 792L), List.of((long) Math.round(Math.min(w, h)), (long) Math.round(Math.max(w, h))));
            }
            assertTrue(pdf.pageText(1).contains(english.get("pack.lastChanged") + " 2026-01-15"), pdf.pageText(1));
            Calendar created = pdf.document().getDocumentInformation().getCreationDate();
            assertEquals("2026-01-15", created.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        assertNull(playbook("quiet").lastChanged());
    }
}
