package dev.playbook.render.pdf;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.Loader;
import dev.playbook.model.PaperSize;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.SiteSettings;
import dev.playbook.render.Theme;
import dev.playbook.resolve.Resolver;
import dev.playbook.testing.DiagnosticSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A pack's cache key is found without drawing the pack, so it must follow everything the pack is
 * made of: a key that stayed the same over a change would hand out a stale PDF.
 */
class PackKeyTest {
    private static final String GENERATOR = "Playbook test";
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 20\"><title>Flowchart</title>"
            + "<rect width=\"40\" height=\"20\"/></svg>";

    private static Site site(Path folder) {
        Diagnostics diagnostics = new Diagnostics();
        Site site = new Resolver().resolve(new Loader().load(folder, folder.toString(), diagnostics), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        return site;
    }

    @Test
    void everyBundledExampleAndTheHostileFixtureHasAKey() throws IOException {
        PackKey keys = new PackKey(new Theme(null), GENERATOR);
        for (Path folder : List.of(Path.of("process-definitions"), DiagnosticSpec.resource("pdf/hostile"))) {
            Site site = site(folder);
            assertFalse(site.playbooks().isEmpty());
            for (Playbook p : site.playbooks()) {
                assertNotNull(keys.of(p, site.settings(), SVG, null), () -> "no key for " + p.id() + " of " + folder);
            }
        }
    }

    @Test
    void twoRunsOfTheSameInputAgreeOnTheKey() throws IOException {
        Site first = site(Path.of("process-definitions"));
        Site second = site(Path.of("process-definitions"));
        for (int i = 0; i < first.playbooks().size(); i++) {
            assertSame(new PackKey(new Theme(null), GENERATOR).of(first.playbooks().get(i), first.settings(), SVG, null),
                    new PackKey(new Theme(null), GENERATOR).of(second.playbooks().get(i), second.settings(), SVG, null),
                    first.playbooks().get(i).id());
        }
    }

    /** Where a definition was written never shows in its pack: the same pack, whichever way its folder was named. */
    @Test
    void theKeyIgnoresHowTheFolderWasNamedAndWhereInItsFileEachPartWas(@TempDir Path elsewhere) throws IOException {
        Site plain = site(Path.of("process-definitions"));
        Site absolute = site(Path.of("process-definitions").toAbsolutePath());
        Path moved = Files.createDirectories(elsewhere.resolve("defs"));
        try (var files = Files.list(Path.of("process-definitions"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                // a comment line first: every position in the file moves one line down
                Files.writeString(moved.resolve(f.getFileName()), f.toString().endsWith(".yaml") ? "# moved\n" + text : text);
            }
        }
        Site shifted = site(moved);
        PackKey keys = new PackKey(new Theme(null), GENERATOR);
        for (int i = 0; i < plain.playbooks().size(); i++) {
            Playbook p = plain.playbooks().get(i);
            assertNotEquals(p.sourceFile(), absolute.playbooks().get(i).sourceFile());
            if (p.summary() != null) assertNotEquals(p.summary().at(), shifted.playbooks().get(i).summary().at());
            PackKey.Key key = keys.of(p, plain.settings(), SVG, null);
            assertSame(key, keys.of(absolute.playbooks().get(i), absolute.settings(), SVG, null), p.id() + " by another path");
            assertSame(key, keys.of(shifted.playbooks().get(i), shifted.settings(), SVG, null), p.id() + " a line down");
        }
    }

    @Test
    void theKeyFollowsThePlaybookTheSettingsTheFlowchartAndTheTool() throws IOException {
        Site site = site(Path.of("process-definitions"));
        Playbook playbook = site.playbooks().get(0);
        SiteSettings settings = site.settings();
        PackKey keys = new PackKey(new Theme(null), GENERATOR);
        PackKey.Key base = keys.of(playbook, settings, SVG, null);

        assertDiffers(base, keys.of(site.playbooks().get(1), settings, SVG, null), "another playbook");
        assertDiffers(base, keys.of(retitled(playbook, playbook.title() + "!"), settings, SVG, null), "a new title");
        SiteSettings letter = new SiteSettings(settings.title(), settings.language(), settings.baseUrl(),
                settings.auditQuestions(), settings.footer(), settings.robots(), settings.pdf(),
                settings.paper() == PaperSize.A4 ? PaperSize.LETTER : PaperSize.A4, settings.titles(), settings.footers());
        assertDiffers(base, keys.of(playbook, letter, SVG, null), "other paper");
        assertDiffers(base, keys.of(playbook, settings, SVG.replace("40", "41"), null), "another flowchart");
        assertDiffers(base, keys.of(playbook, settings, null, null), "no flowchart");
        assertDiffers(base, new PackKey(new Theme(null), GENERATOR + " 2").of(playbook, settings, SVG, null), "another version");
        assertSame(base, keys.of(playbook, settings, SVG, null), "asked again");
    }

    @Test
    void anotherBuildOfTheToolHasItsOwnCacheEntriesButPrintsTheSameDocumentIdentifier() throws IOException {
        Site site = site(Path.of("process-definitions"));
        Playbook playbook = site.playbooks().get(0);
        PackKey.Key one = new PackKey(new Theme(null), GENERATOR, () -> List.of("playbook.jar 100 1"))
                .of(playbook, site.settings(), SVG, null);
        PackKey.Key other = new PackKey(new Theme(null), GENERATOR, () -> List.of("playbook.jar 100 2"))
                .of(playbook, site.settings(), SVG, null);
        assertArrayEquals(one.content(), other.content(), "what the pack shows, which seeds its identifier");
        assertNotEquals(one.entry(), other.entry(), "a rebuilt tool may draw differently, so it draws its own");
        assertEquals(null, new PackKey(new Theme(null), GENERATOR, () -> {
            throw new IOException("no place");
        }).of(playbook, site.settings(), SVG, null), "a build that cannot be told apart gets no key, so no cache");
    }

    @Test
    void theKeyFollowsEveryFileOfTheUsersTheme(@TempDir Path theme) throws IOException {
        Site site = site(Path.of("process-definitions"));
        Playbook playbook = site.playbooks().get(0);
        PackKey.Key bundled = new PackKey(new Theme(null), GENERATOR).of(playbook, site.settings(), SVG, null);
        PackKey.Key empty = new PackKey(new Theme(theme), GENERATOR).of(playbook, site.settings(), SVG, null);
        assertSame(bundled, empty, "an empty folder changes nothing");

        Files.createDirectories(theme.resolve("print"));
        Files.writeString(theme.resolve("print/extra.ftlh"), "<p>one</p>");
        PackKey.Key one = new PackKey(new Theme(theme), GENERATOR).of(playbook, site.settings(), SVG, null);
        assertOtherEntry(bundled, one, "a file in the theme, even one the pack may not use");
        Files.writeString(theme.resolve("print/extra.ftlh"), "<p>two</p>");
        assertOtherEntry(one, new PackKey(new Theme(theme), GENERATOR).of(playbook, site.settings(), SVG, null), "its content");
    }

    @Test
    void aCachedPackIsHandedOutWithoutBeingDrawnAgain(@TempDir Path cache) throws Exception {
        Site site = site(Path.of("process-definitions"));
        Playbook playbook = site.playbooks().get(0);
        OnboardingPack first = new OnboardingPack(new Theme(null), GENERATOR, PackCache.in(cache, true));
        OnboardingPack.Pack drawn = first.render(playbook, site.settings(), SVG, source -> null);
        assertEquals(1, first.drawn());

        // the next run: a new theme and pack maker, and a site loaded again
        Site again = site(Path.of("process-definitions"));
        OnboardingPack second = new OnboardingPack(new Theme(null), GENERATOR, PackCache.in(cache, true));
        OnboardingPack.Pack cached = second.render(again.playbooks().get(0), again.settings(), SVG, source -> null);
        assertEquals(0, second.drawn());
        assertArrayEquals(drawn.pdf(), cached.pdf());
        assertEquals(drawn.pages(), cached.pages());

        second.render(retitled(again.playbooks().get(0), "Another title"), again.settings(), SVG, source -> null);
        assertEquals(1, second.drawn(), "a changed playbook is drawn");
        try (Stream<Path> files = Files.walk(cache)) {
            assertEquals(2, files.filter(Files::isRegularFile).count());
        }
    }

    private static Playbook retitled(Playbook p, String title) {
        return new Playbook(p.id(), title, p.language(), p.version(), p.owner(), p.summary(), p.extendsId(), p.roles(),
                p.buyerJourney(), p.lossReasons(), p.stages(), p.tracks(), p.sourceFile(), p.crm(), p.pdf(), p.lastChanged());
    }

    private static void assertDiffers(PackKey.Key a, PackKey.Key b, String why) {
        assertNotNull(a, why);
        assertNotNull(b, why);
        assertFalse(Arrays.equals(a.content(), b.content()), why);
        assertNotEquals(a.entry(), b.entry(), why);
    }

    /**
     * Another cache entry, but the same document identifier: a theme that only changes the pages
     * must leave the pack's bytes alone, and one that changes the pack changes it through its output.
     */
    private static void assertOtherEntry(PackKey.Key a, PackKey.Key b, String why) {
        assertNotNull(a, why);
        assertNotNull(b, why);
        assertArrayEquals(a.content(), b.content(), why);
        assertNotEquals(a.entry(), b.entry(), why);
    }

    private static void assertSame(PackKey.Key a, PackKey.Key b, String why) {
        assertNotNull(a, why);
        assertArrayEquals(a.content(), b.content(), why);
        assertEquals(a.entry(), b.entry(), why);
    }
}
