package dev.playbook.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playbook.Outcome;
import dev.playbook.model.Language;
import dev.playbook.render.Messages;
import dev.playbook.render.Theme;
import dev.playbook.testing.Builds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ticks across an author's edit, in a real browser: the site of
 * {@code src/test/resources/browser/ticks/before} is ticked, then rebuilt in place from
 * {@code after}, where items were inserted above the ticked ones and some reworded. A tick never
 * moves to another item; ticks whose item is gone are reported until the rep discards them.
 */
class TickKeysBrowserTest {
    static final Path FIXTURES = Path.of("src/test/resources/browser/ticks");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    static Browser browser;
    static Messages words;
    static Path site;

    @BeforeAll
    static void start() throws IOException {
        if (!Browser.available()) return; // each test then skips
        words = new Theme(null).messages().get(Language.EN);
        site = temp.resolve("site");
        browser = Browser.start(temp);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void freshSite() {
        Browser.requireInstalled();
        build("before");
        browser.open(site.resolve("ticks/checklist.html"));
        browser.script("window.localStorage.clear();");
        browser.reload();
    }

    @Test
    void aTickStaysWithItsItemWhenItemsAreInsertedAboveIt() throws IOException {
        for (String label : List.of("Call the lead", "Send the summary", "The budget is confirmed.", "The decision-maker is known.")) {
            tick(label);
        }
        String reworded = keyOf("The decision-maker is known.");

        build("after");
        browser.reload();

        assertEquals(List.of("Call the lead", "Send a short summary", "The budget is confirmed."), tickedLabels(),
                "the ticks should stay with their items: none moved to the items inserted above, none kept by a reworded criterion");
        String notice = words.plural("staleTicks", 1);
        assertEquals(notice, browser.find("#stale-ticks p").getText(), "the reworded criterion's tick should be reported");
        assertTrue(storedTicks().contains(reworded), "the old tick is kept until the rep discards it");

        browser.find("#stale-ticks .notice-action").click();
        assertTrue(browser.findAll("#stale-ticks").isEmpty(), "the notice should go once the old ticks are discarded");
        assertFalse(storedTicks().contains(reworded), "discarding should forget the old tick");
        assertEquals(List.of("Call the lead", "Send a short summary", "The budget is confirmed."), tickedLabels(),
                "discarding touches no tick on the page");
        browser.reload();
        assertTrue(browser.findAll("#stale-ticks").isEmpty(), "the discarded ticks stay discarded");
        browser.assertNoPageErrors("the checklist");
    }

    @Test
    void ticksKeptByPositionInAnEarlierReleaseAreReportedNotMoved() throws IOException {
        // what the previous release kept: exit criteria by their position in the stage
        String deal = words.get("checklist.defaultDeal");
        browser.script("window.localStorage.setItem('playbook-checklist:ticks', JSON.stringify("
                + "{deals: [arguments[0]], current: arguments[0], ticks: {[arguments[0]]: ['qualify/exit-1', 'qualify/exit-2', 'qualify/call-the-lead']}}));", deal);
        browser.reload();

        assertEquals(List.of("Call the lead"), tickedLabels(), "a tick kept by position must not land on whatever stands there now");
        assertEquals(words.plural("staleTicks", 2), browser.find("#stale-ticks p").getText());

        browser.open(site.resolve("ticks/stages/qualify.html"));
        assertEquals(words.plural("staleTicks", 2), browser.find("#stale-ticks p").getText(),
                "the stage page reports the old ticks of its stage too");
        assertEquals(List.of("qualify/exit-1", "qualify/exit-2", "qualify/call-the-lead"), storedTicks(),
                "nothing is dropped without asking");
        browser.assertNoPageErrors("the stage page");
    }

    // ---------------------------------------------------------------------------------------------

    private static void build(String version) {
        Outcome outcome = Builds.build(FIXTURES.resolve(version), "ticks/" + version, site, null);
        assertTrue(outcome.succeeded(), () -> "building " + version + " failed: " + outcome.failureMessage() + " "
                + outcome.diagnostics().sorted());
    }

    private static String keyOf(String label) {
        return String.valueOf(browser.script("var want = arguments[0];"
                + " var found = Array.prototype.filter.call(document.querySelectorAll('.checklist label'),"
                + " function (l) { return l.textContent.trim() === want; });"
                + " return found.length === 1 ? document.getElementById(found[0].htmlFor).getAttribute('data-key') : 'no single box for ' + want;",
                label));
    }

    private static void tick(String label) {
        String key = keyOf(label);
        browser.find(".checklist input[data-key=\"" + key + "\"]").click();
    }

    /** The words of each ticked box of the checklist, in page order. */
    private static List<String> tickedLabels() {
        Object labels = browser.script("return Array.prototype.map.call(document.querySelectorAll('.checklist input.check-box:checked'),"
                + " function (box) { return document.querySelector('label[for=\"' + box.id + '\"]').textContent.trim(); });");
        List<String> result = new ArrayList<>();
        ((List<?>) labels).forEach(l -> result.add(String.valueOf(l)));
        return result;
    }

    /** The ticks the browser keeps for the deal in use. */
    private static List<String> storedTicks() throws IOException {
        JsonNode state = JSON.readTree(String.valueOf(browser.script("return window.localStorage.getItem('playbook-checklist:ticks');")));
        List<String> ticks = new ArrayList<>();
        state.path("ticks").path(state.path("current").asText()).forEach(t -> ticks.add(t.asText()));
        return ticks;
    }
}
