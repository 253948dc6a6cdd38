package dev.playbook.render.diagram;

import dev.playbook.render.RenderFixtures;
import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diagram cache is input, not truth: what is read back from it is checked before it is published. */
class DiagramCacheTrustTest {
    private static final String PLANTED = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert('planted')</script></svg>";

    static Stream<Arguments> damage() {
        return Stream.of(
                Arguments.of("a planted script", (UnaryOperator<byte[]>) b -> PLANTED.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("an emptied file", (UnaryOperator<byte[]>) b -> new byte[0]),
                Arguments.of("a file cut in half", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length / 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damage")
    void aDamagedEntryIsDrawnAgainWithAWarningAndNeverPublished(String what, UnaryOperator<byte[]> damage,
                                                               @TempDir Path temp) throws IOException {
        Path site = temp.resolve("site");
        Path cache = temp.resolve("cache");
        Outcome first = Builds.build(RenderFixtures.folder("flow"), "flow", site, null, cache);
        assertTrue(first.succeeded(), () -> first.diagnostics().sorted() + " " + first.failureMessage());
        Map<String, byte[]> published = published(site);
        assertTrue(published.containsKey("flow/flow.svg") && published.containsKey("flow/roles.svg"), published.keySet()::toString);

        List<Path> entries = cacheFiles(cache);
        assertEquals(2, entries.size(), entries.toString());
        for (Path entry : entries) Files.write(entry, damage.apply(Files.readAllBytes(entry)));

        Outcome second = Builds.build(RenderFixtures.folder("flow"), "flow", site, null, cache);
        assertTrue(second.succeeded(), () -> second.diagnostics().sorted() + " " + second.failureMessage());
        assertEquals(2, Builds.summary(second).diagramsDrawn(), "both damaged entries are drawn again");
        assertEquals(0, Builds.summary(second).diagramsCached());
        List<Diagnostic> warnings = second.diagnostics().sorted().stream()
                .filter(d -> d.severity() == Severity.WARNING && d.message().contains("cached diagram")).toList();
        assertEquals(2, warnings.size(), second.diagnostics().sorted().toString());
        for (Diagnostic warning : warnings) {
            assertTrue(entries.stream().anyMatch(e -> e.toString().equals(warning.at().file())),
                    () -> "the warning names the cache file: " + warning);
        }
        Map<String, byte[]> again = published(site);
        assertEquals(published.keySet(), again.keySet());
        for (String file : published.keySet()) {
            assertArrayEquals(published.get(file), again.get(file), () -> what + " in the cache changed " + file);
        }

        Outcome third = Builds.build(RenderFixtures.folder("flow"), "flow", site, null, cache);
        assertEquals(2, Builds.summary(third).diagramsCached(), "the entries drawn again replaced the damaged ones");
        assertEquals(first.diagnostics().sorted(), third.diagnostics().sorted(), "no warning about the cache any more");
    }

    @Test
    void anEntryWithAMatchingDigestMustStillBeSafe(@TempDir Path folder) {
        // whoever plants a file can also write its digest: the content is checked on every read
        String key = DiagramCache.key("planted");
        new DiagramCache(folder).put(key, PLANTED);
        DiagramCache.Lookup found = new DiagramCache(folder).get(key);
        assertNull(found.svg());
        assertNotNull(found.refused());
        assertTrue(found.problem().contains("<script>"), found.problem());
    }

    @Test
    void aCleanedDiagramComesBackWhole(@TempDir Path folder) {
        String svg = new SvgCleaner().clean(new PlantUmlEngine().draw("start\n:Zadzwoń & <umów>;\n"
                + ":[[https://example.com/ link]];\nstop").svg(), "p", "Tytuł", "Opis");
        String key = DiagramCache.key("drawn");
        new DiagramCache(folder).put(key, svg);
        DiagramCache.Lookup found = new DiagramCache(folder).get(key);
        assertNull(found.refused(), found.problem());
        assertEquals(svg, found.svg());
    }

    @Test
    void theSafetyCheckRefusesWhatTheCleanerWouldHaveRemoved() {
        SvgSafetyCheck check = new SvgSafetyCheck();
        String open = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">";
        String clean = new SvgCleaner().clean(open + "<a href=\"stages/a.html\"><text>a &amp; b</text></a></svg>",
                "p", "T", "D");
        assertNull(check.problem(clean), clean);
        for (String bad : List.of(
                "",
                open + "<SCRIPT>alert(1)</SCRIPT></svg>",
                open + "<g onload=\"alert(1)\"/></svg>",
                open + "<g ONCLICK=\"alert(1)\"/></svg>",
                open + "<a href=\" javascript:alert(1)\"><text>x</text></a></svg>",
                open + "<a HREF=\"javascript:alert(1)\"><text>x</text></a></svg>",
                open + "<a xlink:href=\"stages/a.html\"><text>x</text></a></svg>",
                open + "<foreignObject><div>x</div></foreignObject></svg>",
                open + "<a href=\"#\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a></svg>",
                open + "<!-- --><text>x</text></svg>",
                open + "<?x ><script>alert(1)</script>?></svg>",
                "<!DOCTYPE svg [<!ENTITY x \"y\">]>" + open + "<text>&x;</text></svg>",
                open + "<text>cut sh",
                // a page's labels go in after the root's start tag: nothing may come before it
                "<?xml version=\"1.0\"?>" + open + "<text>x</text></svg>",
                " " + open + "<text>x</text></svg>",
                "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>")) {
            assertNotNull(check.problem(bad), () -> "passed the check: " + bad);
        }
    }

    /** Every file of a site but the build's own record, which lists the warnings. */
    private static Map<String, byte[]> published(Path site) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(site)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String name = site.relativize(file).toString().replace('\\', '/');
                if (!name.startsWith(".")) files.put(name, Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static List<Path> cacheFiles(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            // the diagrams' entries only: the onboarding pack keeps its own beside them, in pdf/
            return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".svg")).sorted().toList();
        }
    }
}
