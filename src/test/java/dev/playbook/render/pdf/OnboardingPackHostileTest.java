package dev.playbook.render.pdf;

import dev.playbook.Outcome;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.load.Loader;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.render.TemplateMistake;
import dev.playbook.render.Theme;
import dev.playbook.resolve.Resolver;
import dev.playbook.testing.Builds;
import dev.playbook.testing.DiagnosticSpec;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text that is markup, or characters XML forbids, reach the pack as text; a broken print template is told where. */
class OnboardingPackHostileTest {
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 20\"><title>Flowchart</title>"
            + "<rect width=\"40\" height=\"20\"/></svg>";

    private static Site site() {
        return site("hostile");
    }

    private static Site site(String fixture) {
        Diagnostics diagnostics = new Diagnostics();
        Site site = new Resolver().resolve(new Loader().load(DiagnosticSpec.resource("pdf/" + fixture), fixture, diagnostics),
                diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        return site;
    }

    @Test
    void markupAndControlCharactersInTheDefinitionsArePrintedAsText() throws Exception {
        Site site = site();
        Playbook playbook = site.playbooks().get(0);
        assertTrue(playbook.title().contains("\u0001"), "the fixture has a control character");
        OnboardingPack.Pack pack = new OnboardingPack(new Theme(null), "test", PackCache.NONE)
                .render(playbook, site.settings(), SVG, source -> null);
        try (PdfFile pdf = PdfFile.of(pack.pdf())) {
            String text = pdf.text();
            assertTrue(text.contains("Odds <&> \"ends\""), text);
            assertTrue(text.contains("Call <b>now</b> & ring"), text);
            assertTrue(text.contains("Dial ]]> the number"), text);
            assertTrue(text.replace(" ", "").contains("https://example.com/a?b=1&c=%3C2%3E"), text);
            // Markdown reads "&amp;" as the ampersand it stands for
            assertTrue(text.contains("The lead answered & agreed"), text);
            assertEquals("Onboarding pack: Odds <&> \"ends\"", pdf.document().getDocumentInformation().getTitle());
        }
    }

    @Test
    void aPrintTemplateThatIsNotWellFormedIsToldAsATemplateError(@TempDir Path templates) throws IOException {
        TemplateMistake e = drawWith(templates, "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<body><p>${playbook.title}</body></html>\n");
        assertEquals(new Position(templates + "/print/pack.ftlh", 1, 1), e.at());
        assertTrue(e.getMessage().startsWith("did not give well-formed XHTML for hostile/hostile.pdf (output line 2, column "),
                e.getMessage());
    }

    @Test
    void aMistakeInThePrintTemplateIsToldWithItsPlace(@TempDir Path templates) throws IOException {
        TemplateMistake e = drawWith(templates, "<html>\n  ${playbook.nosuchfield}\n</html>\n");
        // told like a mistake in a page's template: at the author's file, in one line
        assertEquals(new Position(templates + "/print/pack.ftlh", 2, 5), e.at());
        assertTrue(e.getMessage().contains("nosuchfield") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void controlCharactersAndCdataEndsInTitlesStillGiveAFlowchartAndAPack(@TempDir Path temp) throws IOException {
        // the title holds \x01 and \x1F, a stage title \x07, a task "]]>": each once made PlantUML's SVG unreadable
        Path cache = temp.resolve("cache");
        for (int run = 0; run < 2; run++) {
            Outcome built = Builds.build(DiagnosticSpec.resource("pdf/hostile"), "hostile", temp.resolve("site"), null, cache);
            assertTrue(built.succeeded(), () -> built.failureMessage() + " " + built.diagnostics().sorted());
            assertEquals(List.of(), built.diagnostics().sorted(), "the flowchart is drawn, then taken from the cache");
            assertTrue(Files.readString(temp.resolve("site/hostile/flow.html")).contains("<svg"));
            assertTrue(Files.size(temp.resolve("site/hostile/hostile.pdf")) > 0);
        }
    }

    @Test
    void aBuildWithAMistakeInThePrintTemplateReportsItAsAnErrorAndWritesNothing(@TempDir Path temp) throws IOException {
        Path templates = Files.createDirectories(temp.resolve("theme/print"));
        Files.writeString(templates.resolve("pack.ftlh"), "<html>\n  ${playbook.nosuchfield}\n</html>\n");
        Outcome built = Builds.build(DiagnosticSpec.resource("pdf/hostile"), "hostile", temp.resolve("site"), temp.resolve("theme"));
        assertFalse(built.succeeded());
        assertEquals(null, built.failureMessage(), "a theme's mistake is the author's, not a failure of the tool");
        assertTrue(built.diagnostics().sorted().stream().anyMatch(d -> d.toString()
                .startsWith(temp.resolve("theme") + "/print/pack.ftlh:2:5: error: ")), built.diagnostics().sorted()::toString);
        assertFalse(Files.exists(temp.resolve("site")), "nothing was written");
    }

    /** Draws the hostile playbook with a theme whose print template is the one given, which must fail. */
    private static TemplateMistake drawWith(Path templates, String printTemplate) throws IOException {
        Files.createDirectories(templates.resolve("print"));
        Files.writeString(templates.resolve("print/pack.ftlh"), printTemplate);
        Site site = site();
        return assertThrows(TemplateMistake.class, () -> new OnboardingPack(new Theme(templates), "test", PackCache.NONE)
                .render(site.playbooks().get(0), site.settings(), SVG, source -> null));
    }

    @Test
    void aPlaybookTooLargeToPrintGetsNoPackAndAWarning(@TempDir Path temp) {
        Site site = site("too-large");
        Playbook playbook = site.playbooks().get(0);
        assertEquals(OnboardingPack.MAX_STAGES + 1, playbook.allStages().size());
        assertFalse(OnboardingPack.wanted(site.settings(), playbook));
        Outcome built = Builds.build(DiagnosticSpec.resource("pdf/too-large"), "too-large", temp.resolve("site"), null);
        assertTrue(built.succeeded(), () -> built.failureMessage() + " " + built.diagnostics().sorted());
        assertFalse(Files.exists(temp.resolve("site/too-large/too-large.pdf")), "a pack was drawn for 101 stages");
        Diagnostics diagnostics = new Diagnostics();
        built.diagnostics().sorted().stream().filter(d -> d.message().contains("onboarding pack"))
                .forEach(d -> diagnostics.warning(d.at(), d.message()));
        assertEquals(1, diagnostics.sorted().size());
        assertEquals("too-large/playbook.yaml:1:1: warning: playbook `too-large` has 101 stages, too many for a printed "
                + "onboarding pack (at most 100), so it gets none; `pdf: false` says so and silences this",
                diagnostics.sorted().get(0).toString());
    }

    /** A theme may name a face the pack does not carry: its text is set in DejaVu, embedded, not dropped or left to the viewer. */
    @Test
    void textInAFaceThePackDoesNotHaveIsSetInDejaVu(@TempDir Path templates) throws Exception {
        Files.createDirectories(templates.resolve("print"));
        String css = new String(OnboardingPackHostileTest.class.getResourceAsStream("/templates/print/pack.css").readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(templates.resolve("print/pack.css"), css + "\n* { font-family: 'No Such Face' !important; }\n");
        Site site = site();
        OnboardingPack maker = new OnboardingPack(new Theme(templates), "test", PackCache.NONE);
        for (int i = 0; i < 2; i++) { // the second on a thread that has parsed the faces already
            OnboardingPack.Pack pack = maker.render(site.playbooks().get(0), site.settings(), SVG, source -> null);
            try (PdfFile pdf = PdfFile.of(pack.pdf())) {
                assertTrue(pdf.text().contains("Odds <&> \"ends\""), pdf.text());
                Map<String, PDFont> fonts = pdf.fonts();
                assertFalse(fonts.isEmpty());
                fonts.forEach((where, font) -> {
                    assertTrue(font.isEmbedded(), where + " " + font.getName() + " is not embedded");
                    assertTrue(font.getName().contains("DejaVu"), where + " " + font.getName());
                });
            }
        }
    }
}
