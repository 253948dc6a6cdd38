package dev.playbook.browser;

import com.deque.html.axecore.results.Results;
import dev.playbook.model.Language;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every kind of page of the example site passes axe-core's WCAG 2.1 A and AA rules, in the light
 * and in the dark colour scheme; and the checklist can be used with the keyboard alone.
 */
@ExtendWith(SharedSite.class)
class AccessibilityBrowserTest {
    /** The deal controls of the checklist, each of which a keyboard user must be able to reach. */
    static final List<String> DEAL_CONTROLS = List.of("deal-name", "deal-add", "deal-select", "checklist-reset");
    /** Tab presses allowed from the top of the checklist page to its first task box. */
    static final int TABS_TO_FIRST_BOX = 60;

    static Browser browser;
    static ExampleSite site;
    static Playbook polish;
    static Playbook english;

    @BeforeAll
    static void start(ExampleSite shared, Browser sharedBrowser) {
        site = shared;
        polish = playbookIn(Language.PL);
        english = playbookIn(Language.EN);
        browser = sharedBrowser;
    }

    @BeforeEach
    void installed() {
        Browser.requireInstalled();
    }

    @ParameterizedTest(name = "{0} colour scheme")
    @ValueSource(strings = {"light", "dark"})
    void everyKindOfPagePassesWcag21AA(String scheme) {
        List<String> violations = new ArrayList<>();
        List<Path> pages = pages();
        for (Path page : pages) {
            String where = site.root().relativize(page) + " (" + scheme + ")";
            colourScheme(scheme);
            browser.open(page);
            if (page.getFileName().toString().equals("checklist.html")) {
                // check the page as its reader sees it: with the deal controls the script shows
                browser.wait("the deal bar to appear", () -> browser.find(".deal-bar").isDisplayed());
            }
            assertEquals(true, browser.script("return window.matchMedia('(prefers-color-scheme: " + scheme + ")').matches;"),
                    "the " + scheme + " colour scheme is not in effect on " + where);
            // as a reader who has scrolled through it sees it: far sections drawn, held drawings put in (axe
            // scrolls to what it checks, but looks before the page has drawn what came into view)
            browser.scrollThrough();
            Results results = Axe.analyze(browser.driver);
            violations.addAll(Axe.describe(where, results.getViolations()));
            // what axe could not decide (contrast over an image, say) is no failure, but is worth a look
            results.getIncomplete().forEach(rule -> System.out.println(
                    where + ": axe could not decide " + rule.getId() + " on " + rule.getNodes().size() + " element(s)"));
        }
        if (!violations.isEmpty()) {
            fail(violations.size() + " WCAG 2.1 A/AA violation(s) found by axe-core on " + pages.size() + " pages, "
                    + scheme + " colour scheme:\n  " + String.join("\n  ", violations));
        }
    }

    @ParameterizedTest(name = "{0} colour scheme")
    @ValueSource(strings = {"light", "dark"})
    void axeNoticesAnInaccessiblePage(String scheme, @TempDir Path temp) throws java.io.IOException {
        // guards the check above against passing because it checks nothing
        Path page = temp.resolve("inaccessible.html");
        java.nio.file.Files.writeString(page, "<!DOCTYPE html><html lang=\"en\"><head><title>t</title><style>"
                + "p { color: #777; background: #888; } @media (prefers-color-scheme: dark) { p { color: #444; background: #333; } }"
                + "</style></head><body><main><p>faint text</p><input type=\"text\"></main></body></html>");
        colourScheme(scheme);
        browser.open(page);
        List<String> rules = Axe.analyze(browser.driver).getViolations().stream().map(r -> r.getId()).toList();
        assertTrue(rules.contains("color-contrast"), "axe missed text of too little contrast: " + rules);
        assertTrue(rules.contains("label"), "axe missed a field without a label: " + rules);
    }

    @Test
    void theChecklistWorksWithTheKeyboardAlone() {
        colourScheme("light");
        browser.open(site.playbookFile(polish, "checklist.html"));
        browser.script("window.localStorage.clear();");
        browser.reload();
        browser.wait("the deal bar to appear", () -> browser.find("#deal-select").isDisplayed());
        browser.script("window.scrollTo(0, 0);");
        assertEquals(true, browser.script("return document.activeElement === document.body || document.activeElement === null;"),
                "the freshly loaded page should have nothing focused");
        assertNotNull(browser.script("return document.querySelector('.checklist input.check-task');"), "the checklist has no task box");

        // Tab from the top of the page until the first task box has the focus
        List<String> stops = new ArrayList<>();
        List<String> invisible = new ArrayList<>();
        boolean reached = false;
        for (int press = 0; press < TABS_TO_FIRST_BOX && !reached; press++) {
            tab();
            Map<String, Object> focused = focused();
            stops.add(String.valueOf(focused.get("name")));
            if (!Boolean.TRUE.equals(focused.get("visible"))) invisible.add(describe(focused));
            reached = Boolean.TRUE.equals(browser.script(
                    "return document.activeElement === document.querySelector('.checklist input.check-task');"));
        }
        assertTrue(reached, "the first task box was not reached in " + TABS_TO_FIRST_BOX + " Tab presses; focus went to " + stops);
        System.out.println("Tab order to the first task box: " + stops);

        // Space ticks it, and its stage counts it
        String key = String.valueOf(browser.script("return document.activeElement.getAttribute('data-key');"));
        String stage = String.valueOf(browser.script("return document.activeElement.closest('.checklist-stage').getAttribute('data-stage');"));
        List<Integer> before = numbers(stageProgress(stage));
        List<Integer> overallBefore = numbers(browser.find("#overall-count").getText());
        new Actions(browser.driver).sendKeys(Keys.SPACE).perform();
        assertEquals(true, browser.script("return document.activeElement.checked === true;"), "Space did not tick the box " + key);
        assertEquals(true, browser.script("return document.querySelector('.checklist input[data-key=\"' + arguments[0] + '\"]').checked;", key),
                "the box " + key + " is not ticked after Space");
        List<Integer> after = numbers(stageProgress(stage));
        assertEquals(List.of(before.get(0) + 1, before.get(1)), after,
                "the progress of stage " + stage + " should count the box ticked with Space (was " + before + ")");
        List<Integer> overallAfter = numbers(browser.find("#overall-count").getText());
        assertEquals(List.of(overallBefore.get(0) + 1, overallBefore.get(1)), overallAfter,
                "the overall progress should count the box ticked with Space (was " + overallBefore + ")");
        Map<String, Object> onBox = focused();
        if (!Boolean.TRUE.equals(onBox.get("visible"))) invisible.add(describe(onBox) + " (after Space)");

        // the deal controls are in the Tab order too: go on until each has had the focus, or the page ends
        Set<String> reachedIds = new LinkedHashSet<>();
        for (String s : stops) reachedIds.add(s);
        int more = ((Number) browser.script("return document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length;"))
                .intValue() + 5;
        for (int press = 0; press < more && !reachedIds.containsAll(ids(DEAL_CONTROLS)); press++) {
            tab();
            Map<String, Object> focused = focused();
            if (Boolean.TRUE.equals(focused.get("body"))) break; // past the end of the page
            reachedIds.add(String.valueOf(focused.get("name")));
            if (!Boolean.TRUE.equals(focused.get("visible"))) invisible.add(describe(focused));
        }
        List<String> unreached = DEAL_CONTROLS.stream().filter(id -> !reachedIds.contains("#" + id)).toList();
        assertEquals(List.of(), unreached, "deal controls that Tab never reaches; it reached " + reachedIds);

        assertEquals(List.of(), invisible, "elements that take the keyboard focus without showing it (no outline, no box-shadow)");
        browser.assertNoPageErrors("the checklist used by keyboard");
    }

    // ---------------------------------------------------------------------------------------------

    /** Home, audit, and each view of a Polish and an English playbook, with one stage page of each. */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(site.file("index.html"), site.file("audit.html")));
        for (Playbook pb : List.of(polish, english)) {
            for (String view : List.of("index.html", "flow.html", "checklist.html", "buyer.html")) {
                pages.add(site.playbookFile(pb, view));
            }
            pages.add(site.stagePage(pb, richestStage(pb)));
        }
        return pages;
    }

    private static Playbook playbookIn(Language language) {
        return site.model().playbooks().stream()
                .filter(pb -> pb.language() == language)
                .filter(pb -> pb.allStages().stream().anyMatch(s -> !s.tasks().isEmpty()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no example playbook in " + language + " with tasks"));
    }

    /** The stage with the most on its page: tasks and exit criteria. */
    private static Stage richestStage(Playbook pb) {
        return pb.allStages().stream()
                .max(java.util.Comparator.comparingInt(s -> s.tasks().size() + s.exitCriteria().size()))
                .orElseThrow();
    }

    /** Lets the page's CSS see {@code prefers-color-scheme: light} or {@code dark}, on screen. */
    private static void colourScheme(String scheme) {
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static void tab() {
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
    }

    /** What has the focus now, and whether its computed style shows it (an outline or a box-shadow). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> focused() {
        return (Map<String, Object>) browser.script("""
                var e = document.activeElement;
                if (!e || e === document.body || e === document.documentElement) return {name: 'body', body: true, visible: true};
                var s = getComputedStyle(e);
                var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                var shadow = s.boxShadow && s.boxShadow !== 'none';
                var name = e.id ? '#' + e.id : e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')
                    + (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '');
                return {name: name, body: false, visible: !!(outline || shadow),
                        outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, shadow: s.boxShadow,
                        html: e.outerHTML.slice(0, 160)};
                """);
    }

    private static String describe(Map<String, Object> focused) {
        return focused.get("name") + " (outline: " + focused.get("outline") + "; box-shadow: " + focused.get("shadow") + ") "
                + focused.get("html");
    }

    private static List<String> ids(List<String> ids) {
        return ids.stream().map(id -> "#" + id).toList();
    }

    private static String stageProgress(String stage) {
        return browser.find(".checklist [data-stage=\"" + stage + "\"] .stage-progress").getText();
    }

    /** "2/7", "2 of 7" ... as [2, 7]. */
    private static List<Integer> numbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+").matcher(text);
        while (m.find()) numbers.add(Integer.parseInt(m.group()));
        assertFalse(numbers.size() < 2, "no count of the form `done/all` in `" + text + "`");
        return numbers;
    }
}
