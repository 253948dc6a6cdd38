package dev.playbook.browser;

import dev.playbook.model.Language;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader's pages at a desktop width and on a 390 px phone: nothing moves when the script
 * starts and restores a deal's ticks, the deal-name field shows its whole hint, tick boxes are
 * big enough to hit, and the flowchart can be seen at its full size.
 */
class ReaderLayoutBrowserTest {
    static final List<Integer> WIDTHS = List.of(1280, 390);

    @TempDir
    static Path temp;

    static Browser browser;
    static ExampleSite site;

    @BeforeAll
    static void start() {
        if (!Browser.available()) return; // each test then skips
        site = ExampleSite.build(temp);
        browser = Browser.start(temp);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void installed() {
        Browser.requireInstalled();
    }

    @AfterEach
    void desktop() {
        if (browser != null) width(1280);
    }

    @Test
    void nothingMovesWhenTheScriptRestoresADeal() {
        Playbook pb = playbook(Language.EN);
        Stage stage = pb.route().mainPath().get(1);
        List<String> shifts = new ArrayList<>();
        for (int width : WIDTHS) shiftsAt(width, pb, stage, shifts);
        assertEquals(List.of(), shifts, "layout shift while the page's script starts (a later issue wants CLS 0)");
        browser.assertNoPageErrors("the checklist and a stage page");
    }

    @Test
    void thePageStaysPutWhetherOrNotItIsLongEnoughToScroll() {
        // on a slow machine the first paint can come before the page is long enough to scroll; a
        // scrollbar arriving then must not move the centred page (CI once saw that as a shift)
        width(1280);
        browser.open(site.playbookFile(playbook(Language.EN), "checklist.html"));
        String left = "return Math.round(document.querySelector('main').getBoundingClientRect().left * 10) / 10;";
        Object scrolling = browser.script(left);
        browser.script("document.querySelectorAll('main > *').forEach(function (e) { e.style.display = 'none'; });"
                + "document.querySelector('.site-footer').style.display = 'none';");
        assertEquals(Boolean.TRUE, browser.script("return document.documentElement.scrollHeight <= window.innerHeight;"),
                "the emptied page fits the window, so it has nothing to scroll");
        assertEquals(scrolling, browser.script(left), "the page's left edge with and without a scrollbar");
    }

    private static void shiftsAt(int width, Playbook pb, Stage stage, List<String> shifts) {
        width(width);
        browser.open(site.playbookFile(pb, "checklist.html"));
        // a deal with ticks, one of them made on an item that is gone: everything the script can add
        List<String> keys = List.of(key(0), key(1), key(5), stage.id() + "/exit-1");
        browser.script("window.localStorage.setItem('playbook-checklist:' + arguments[0], JSON.stringify("
                + "{deals: ['My deal', 'Acme Corporation International'], current: 'Acme Corporation International',"
                + " ticks: {'Acme Corporation International': arguments[1]}}));", pb.id(), keys);
        for (Path page : List.of(site.playbookFile(pb, "checklist.html"), site.stagePage(pb, stage))) {
            browser.open(page);
            browser.wait("the deal to be shown", () -> !browser.findAll("#deal-select option").isEmpty());
            Map<String, Object> shift = shiftsSoFar();
            if (((Number) shift.get("total")).doubleValue() > 0) {
                shifts.add(site.root().relativize(page) + " at " + width + " px: " + shift.get("total") + ", moved: "
                        + shift.get("moved"));
            }
        }
    }

    @Test
    void theSearchFormComesIntoAPlaceKeptForIt() {
        // the script puts the form in after the page's end: its place must already be the form's size
        Playbook pb = playbook(Language.PL);
        List<String> moved = new ArrayList<>();
        for (int width : WIDTHS) {
            width(width);
            for (Path page : List.of(site.file("index.html"), site.playbookFile(pb, "flow.html"))) {
                browser.open(page);
                assertFalse(browser.findAll(".search-slot form.search #search-input").isEmpty(),
                        site.root().relativize(page) + ": the script did not put the search form in");
                @SuppressWarnings("unchecked")
                Map<String, Object> sizes = (Map<String, Object>) browser.script("""
                        var slot = document.querySelector('.search-slot'), form = slot.querySelector('form.search');
                        var main = function () { return document.querySelector('main').getBoundingClientRect().top; };
                        var withForm = {main: main(), slot: slot.getBoundingClientRect().height, form: form.getBoundingClientRect().height};
                        slot.removeChild(form);
                        var without = {main: main(), slot: slot.getBoundingClientRect().height};
                        slot.appendChild(form);
                        return {withForm: withForm, without: without};""");
                Map<?, ?> withForm = (Map<?, ?>) sizes.get("withForm");
                Map<?, ?> without = (Map<?, ?>) sizes.get("without");
                if (!withForm.get("main").equals(without.get("main")) || !withForm.get("slot").equals(without.get("slot"))) {
                    moved.add(site.root().relativize(page) + " at " + width + " px: with the form " + withForm + ", before it " + without);
                }
            }
        }
        assertEquals(List.of(), moved, "the search form's place is not its size, so the page moves when it comes");
    }

    @Test
    void onAPhoneTheBuyerViewIsReadDownwardsWithEachCellNamed() {
        List<String> problems = new ArrayList<>();
        for (Language language : List.of(Language.EN, Language.PL)) {
            Path page = site.playbookFile(playbook(language), "buyer.html");
            String where = site.root().relativize(page).toString();
            width(390);
            browser.open(page);
            if (!Boolean.TRUE.equals(browser.script(
                    "var t = document.querySelector('.table-scroll'); return t.scrollWidth <= t.clientWidth + 1;"))) {
                problems.add(where + " at 390 px: the stages must be scrolled sideways");
            }
            // each cell, shown under the one before, says which column it is
            @SuppressWarnings("unchecked")
            List<String> unnamed = (List<String>) browser.script("""
                    var heads = Array.from(document.querySelectorAll('table.aligned thead th')).map(function (th) { return th.textContent.trim(); });
                    var unnamed = [];
                    document.querySelectorAll('table.aligned tbody tr').forEach(function (row) {
                      Array.from(row.children).forEach(function (cell, i) {
                        if (i === 0) return;
                        var shown = getComputedStyle(cell, '::before').content;
                        if (shown !== JSON.stringify(heads[i])) unnamed.push(row.getAttribute('data-stage') + ' #' + i + ': ' + shown);
                      });
                    });
                    return unnamed;""");
            unnamed.forEach(cell -> problems.add(where + " at 390 px: a cell does not say its column: " + cell));
            width(1280);
            browser.open(page);
            if (!"table".equals(browser.script("return getComputedStyle(document.querySelector('table.aligned')).display;"))
                    || !browser.find("table.aligned thead th").isDisplayed()) {
                problems.add(where + " at 1280 px: the stages are not a table with its column headers");
            }
            if (!"none".equals(browser.script("return getComputedStyle(document.querySelector('table.aligned td'), '::before').content;"))) {
                problems.add(where + " at 1280 px: a cell repeats its column's name beside the header");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void onAPhoneNoWordSpillsOverTheEdgeOfAProcessMapColumn() {
        width(390);
        List<String> spilled = new ArrayList<>();
        for (Playbook pb : site.model().playbooks()) {
            browser.open(site.playbookFile(pb, "index.html"));
            @SuppressWarnings("unchecked")
            List<String> wide = (List<String>) browser.script("""
                    // the lines of each column (the column itself overflows on purpose, by the arrow to the next)
                    return Array.from(document.querySelectorAll('.map-phase, .map-stage-title, .map-tasks li'))
                      .filter(function (e) { return e.scrollWidth > e.clientWidth + 1; })
                      .map(function (e) { return e.textContent.trim().slice(0, 40); });""");
            wide.forEach(stage -> spilled.add(pb.id() + ": " + stage));
        }
        assertEquals(List.of(), spilled, "process map columns whose text spills over their edge at 390 px");
    }

    @Test
    void theShiftCheckNoticesAShift() throws IOException {
        // guards the check above against passing because it sees nothing
        Path page = temp.resolve("shifting.html");
        Files.writeString(page, "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p>first</p><p id=\"second\">second</p>"
                + "<script>setTimeout(function () { var p = document.createElement('p'); p.id = 'late'; p.style.height = '200px';"
                + " document.body.insertBefore(p, document.body.firstChild); }, 300);</script></body></html>");
        browser.open(page);
        browser.wait("the late paragraph", () -> !browser.findAll("#late").isEmpty());
        browser.wait("the shift to be recorded", () -> layoutShift() > 0);
    }

    @Test
    void theDealNameAndSearchFieldsShowTheirWholeHints() {
        List<String> cut = new ArrayList<>();
        for (Language language : List.of(Language.EN, Language.PL)) {
            for (int width : WIDTHS) {
                width(width);
                browser.open(site.playbookFile(playbook(language), "checklist.html"));
                for (String field : List.of("deal-name", "search-input")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fit = (Map<String, Object>) browser.script("""
                            var input = document.getElementById(arguments[0]);
                            var style = getComputedStyle(input);
                            var context = document.createElement('canvas').getContext('2d');
                            context.font = style.fontStyle + ' ' + style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
                            var room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                            return {text: input.placeholder, needs: context.measureText(input.placeholder).width, room: room};""", field);
                    double needs = ((Number) fit.get("needs")).doubleValue();
                    double room = ((Number) fit.get("room")).doubleValue();
                    if (needs > room) {
                        cut.add(field + ", " + language + " at " + width + " px: `" + fit.get("text") + "` needs " + needs + " px, has " + room);
                    }
                }
            }
        }
        assertEquals(List.of(), cut, "a text field cuts its hint off");
    }

    @Test
    void tickBoxesAreAtLeast24PixelsSquare() {
        Playbook pb = playbook(Language.PL);
        List<String> small = new ArrayList<>();
        for (int width : WIDTHS) {
            width(width);
            for (Path page : List.of(site.playbookFile(pb, "checklist.html"), site.stagePage(pb, pb.route().mainPath().get(0)))) {
                browser.open(page);
                for (WebElement box : browser.findAll("input.check-box")) {
                    if (!box.isDisplayed()) continue;
                    Rectangle r = box.getRect();
                    if (r.getWidth() < 24 || r.getHeight() < 24) {
                        small.add(site.root().relativize(page) + " at " + width + " px: " + box.getDomAttribute("data-key")
                                + " is " + r.getWidth() + "x" + r.getHeight());
                    }
                }
            }
        }
        assertEquals(List.of(), small, "tick boxes smaller than 24x24 CSS px (WCAG 2.2 target size)");
    }

    @Test
    void onAPhoneTheFlowchartCanBeSeenAtFullSize() {
        width(390);
        for (String view : List.of("index.html", "flow.html")) {
            browser.open(site.playbookFile(playbook(Language.EN), view));
            // the flowchart page holds the drawing inline; the overview shows the picture of flow.svg,
            // put in as the reader nears it
            browser.script("document.getElementById('flow-diagram').scrollIntoView();");
            browser.wait(view + ": the flowchart", () -> !browser.findAll("#flow-diagram .diagram-svg").isEmpty());
            WebElement svg = browser.find("#flow-diagram .diagram-svg");
            assertEquals(view.equals("flow.html") ? "svg" : "img", svg.getTagName(), view);
            double drawn = ((Number) browser.script("var d = arguments[0]; return d.tagName.toLowerCase() === 'img'"
                    + " ? Number(d.getAttribute('width')) : d.viewBox.baseVal.width;", svg)).doubleValue();
            assertTrue(drawn > 390, view + ": the example's flowchart is drawn wider than a phone");
            assertTrue(svg.getRect().getWidth() < drawn, view + ": the flowchart should fit the phone's screen at first");
            WebElement button = browser.find("[data-zoom=\"flow-diagram\"]");
            assertTrue(button.isDisplayed(), view + ": no way to see the flowchart at full size");
            button.click();
            assertEquals("true", button.getDomAttribute("aria-pressed"));
            assertEquals(Math.round(drawn), svg.getRect().getWidth(), 1.0, view + ": at full size the flowchart keeps the width it was drawn at");
            assertEquals(true, browser.script("var f = document.getElementById('flow-diagram'); return f.scrollWidth > f.clientWidth;"),
                    view + ": the flowchart at full size should scroll within its frame, not widen the page");
            assertEquals(true, browser.script("return document.documentElement.scrollWidth <= window.innerWidth;"),
                    view + ": the page itself should not scroll sideways");
            button.click();
            assertTrue(svg.getRect().getWidth() < drawn, view + ": a second press fits it to the screen again");
        }
        browser.assertNoPageErrors("the flowchart");
    }

    @Test
    void theOverviewFetchesItsFlowchartPictureOnlyAsTheReaderNearsIt() {
        Path overview = site.playbookFile(playbook(Language.EN), "index.html");
        // with scripts on, a browser keeps what is in <noscript> as text: a picture there is no element, and is not fetched
        String held = "return document.querySelectorAll('#flow-diagram noscript').length === 1"
                + " && document.querySelectorAll('#flow-diagram img').length === 0;";
        String height = "return document.getElementById('flow-diagram').getBoundingClientRect().height;";
        for (int width : WIDTHS) {
            width(width);
            browser.open(overview);
            browser.waitUntilLoaded();
            // more than a screen below the window's bottom; on a phone it is always that far
            boolean far = Boolean.TRUE.equals(browser.script(
                    "return document.getElementById('flow-diagram').getBoundingClientRect().top > 2.2 * window.innerHeight;"));
            assertTrue(far || width > 390, "on a phone the overview's flowchart should start more than two screens down");
            if (far) {
                assertEquals(true, browser.script(held), width + " px: the flowchart picture is in the page before the reader nears it");
            }
            double space = ((Number) browser.script(height)).doubleValue();
            browser.script("document.getElementById('h-flow').scrollIntoView();");
            browser.wait(width + " px: the flowchart picture", () -> Boolean.TRUE.equals(browser.script(
                    "var p = document.querySelector('#flow-diagram img.diagram-svg'); return !!p && p.complete && p.naturalWidth > 0;")));
            assertEquals(space, ((Number) browser.script(height)).doubleValue(), 0.5,
                    width + " px: the space held for the picture should be the picture's, so nothing moves when it comes");
            assertEquals(false, browser.script(held), width + " px: the held space is still there");
        }
        // printing, without scrolling there first: the picture is put in at once
        browser.open(overview);
        browser.waitUntilLoaded();
        browser.script("window.dispatchEvent(new Event('beforeprint'));");
        assertEquals("eager", browser.find("#flow-diagram img.diagram-svg").getDomAttribute("loading"), "a printed picture must not wait");
        browser.assertNoPageErrors("the overview");
    }

    @Test
    void theFlowPagePutsInItsSwimlanesOnlyAsTheReaderNearsThem() throws IOException {
        List<Path> pages = new ArrayList<>();
        for (Playbook pb : site.model().playbooks()) {
            Path flow = site.playbookFile(pb, "flow.html");
            if (Files.readString(flow).contains("id=\"roles-diagram\"")) pages.add(flow);
        }
        assertFalse(pages.isEmpty(), "no example playbook has swimlanes");
        // with scripts on, what is in <noscript> is text: the drawing is no element yet, and costs the load nothing
        String held = "return document.querySelectorAll('#roles-diagram noscript').length === 1"
                + " && document.querySelectorAll('#roles-diagram svg').length === 0;";
        String height = "return document.getElementById('roles-diagram').getBoundingClientRect().height;";
        for (Path page : pages) {
            String where = site.root().relativize(page).toString();
            for (int width : WIDTHS) {
                width(width);
                browser.open(page);
                boolean far = Boolean.TRUE.equals(browser.script(
                        "return document.getElementById('roles-diagram').getBoundingClientRect().top > 1.6 * window.innerHeight;"));
                assertTrue(far, where + " at " + width + " px: the example's swimlanes should start well below the first screen");
                assertEquals(true, browser.script(held), where + " at " + width + " px: the swimlanes are in the page before the reader nears them");
                double space = ((Number) browser.script(height)).doubleValue();
                browser.script("document.getElementById('h-roles-diagram').scrollIntoView();");
                browser.wait(where + " at " + width + " px: the swimlanes", () -> !browser.findAll("#roles-diagram svg.diagram-svg").isEmpty());
                assertEquals(space, ((Number) browser.script(height)).doubleValue(), 0.5,
                        where + " at " + width + " px: the room kept for the swimlanes should be theirs, so nothing moves when they come");
                assertEquals(false, browser.script(held), where + ": the held room is still there");
            }
            // the full-size button, pressed before the reader came near: the drawing is put in, at its own width
            width(390);
            browser.open(page);
            assertEquals(true, browser.script(held), where + ": the swimlanes are in the page at once on a phone");
            WebElement button = browser.find("[data-zoom=\"roles-diagram\"]");
            browser.script("arguments[0].click();", button);
            WebElement svg = browser.find("#roles-diagram svg.diagram-svg");
            double drawn = ((Number) browser.script("return arguments[0].viewBox.baseVal.width;", svg)).doubleValue();
            assertEquals(Math.round(drawn), svg.getRect().getWidth(), 1.0, where + ": at full size the swimlanes keep the width they were drawn at");
            // printing, without scrolling there first: the drawing is put in at once
            browser.open(page);
            browser.script("window.dispatchEvent(new Event('beforeprint'));");
            assertFalse(browser.findAll("#roles-diagram svg.diagram-svg").isEmpty(), where + ": printed swimlanes must not wait for the reader");
        }
        browser.assertNoPageErrors("the flow page");
    }

    @Test
    void onAPhoneALongPageDrawsItsSectionsAsTheReaderNearsThem() {
        width(390);
        Playbook pb = playbook(Language.EN);
        for (String view : List.of("index.html", "checklist.html")) {
            browser.open(site.playbookFile(pb, view));
            String sections = view.equals("index.html") ? "main > section" : ".checklist-stage";
            List<WebElement> all = browser.findAll(sections);
            assertTrue(all.size() > 3, view + ": the example should be long enough to have sections off the screen");
            WebElement first = all.get(0);
            WebElement last = all.get(all.size() - 1);
            assertEquals(true, drawn(first), view + ": the first section is on the screen and drawn");
            assertEquals(false, drawn(last), view + ": the last section is far below the screen and not drawn yet");
            browser.script("arguments[0].scrollIntoView();", last);
            browser.wait(view + ": the last section to be drawn once scrolled to", () -> drawn(last));
            assertTrue(last.getRect().getHeight() > 0, view + ": the last section has its real height once drawn");
        }
        browser.assertNoPageErrors("the overview and the checklist on a phone");
    }

    @Test
    void aSectionWithADiagramIsLaidOutAtItsRealHeightEvenBeforeTheReaderNearsIt() {
        // skipped at its guessed height, such a section let its white figure lie over the next
        // section's heading for whoever measured it then: Lighthouse's contrast check did
        width(390);
        String spill = "var out = []; document.querySelectorAll('main > section').forEach(function (s) {"
                + " var f = s.querySelector('.diagram'); if (!f) return;"
                + " var style = getComputedStyle(s).contentVisibility;"
                + " var over = f.getBoundingClientRect().bottom - s.getBoundingClientRect().bottom;"
                + " if (style !== 'visible' || over > 1) out.push((s.getAttribute('aria-labelledby') || '?') + ': '"
                + " + style + ', figure ' + Math.round(over) + ' px past its section'); }); return out.join('; ');";
        for (Language language : List.of(Language.EN, Language.PL)) {
            Playbook pb = playbook(language);
            for (String view : List.of("index.html", "flow.html")) {
                browser.open(site.playbookFile(pb, view));
                assertTrue(!browser.findAll("main > section .diagram").isEmpty(), view + ": the page should have a diagram");
                assertEquals("", browser.script(spill), language + " " + view + ": on load, before any scrolling");
            }
        }
        browser.assertNoPageErrors("the overview and the flowchart page on a phone");
    }

    @Test
    void aReloadedPageKeepsTheReadersPlace() {
        // the live preview reloads a page on every save; sections drawn only near the screen would
        // otherwise have the browser restore an offset measured against their guessed heights
        width(390);
        Playbook pb = playbook(Language.EN);
        List<String> moved = new ArrayList<>();
        for (String view : List.of("checklist.html", "index.html")) {
            browser.open(site.playbookFile(pb, view));
            List<String> headings = browser.findAll("main h2[id], main h3[id]").stream()
                    .map(h -> h.getDomAttribute("id")).toList();
            for (String id : headings.subList(headings.size() / 2, headings.size() - 1)) {
                browser.script("var h = document.getElementById(arguments[0]); h.scrollIntoView(); window.scrollBy(0, 40);", id);
                long before = top(id);
                browser.reload();
                long[] lastSeen = {Long.MIN_VALUE};
                browser.wait(view + ": the place to settle after a reload", () -> settled(id, lastSeen));
                long after = top(id);
                if (Math.abs(after - before) > 2) moved.add(view + " #" + id + ": " + before + " px before, " + after + " px after");
            }
        }
        assertEquals(List.of(), moved, "headings that a reload moved on a phone");
        browser.assertNoPageErrors("reloading the checklist and the overview");
    }

    // ---------------------------------------------------------------------------------------------

    private static long top(String id) {
        return ((Number) browser.script("return Math.round(document.getElementById(arguments[0]).getBoundingClientRect().top);", id)).longValue();
    }

    /** Whether the element has stayed where it is since the last look, a few frames ago. */
    private static boolean settled(String id, long[] lastSeen) {
        browser.script("return new Promise(function (done) { requestAnimationFrame(function () { requestAnimationFrame(done); }); });");
        long now = top(id);
        boolean same = now == lastSeen[0];
        lastSeen[0] = now;
        return same;
    }

    /** Whether the browser lays out and paints a section's content, rather than skipping it until it is near the screen. */
    private static boolean drawn(WebElement section) {
        return Boolean.TRUE.equals(browser.script(
                "return arguments[0].firstElementChild.checkVisibility({contentVisibilityAuto: true});", section));
    }

    private static Playbook playbook(Language language) {
        return site.model().playbooks().stream().filter(pb -> pb.language() == language).findFirst()
                .orElseThrow(() -> new AssertionError("no example playbook in " + language));
    }

    /** The page's layout shift so far that no input of the reader caused: what CLS adds up. */
    private static double layoutShift() {
        return ((Number) shiftsSoFar().get("total")).doubleValue();
    }

    /**
     * The page's layout shift so far that no input of the reader caused (what CLS adds up), and
     * which elements moved from where to where, for the message when there is any.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> shiftsSoFar() {
        // layout shifts are only handed to an observer; buffered, it gets those from before it existed
        return (Map<String, Object>) browser.script("""
                var total = 0, moved = [];
                var observer = new PerformanceObserver(function () {});
                observer.observe({type: 'layout-shift', buffered: true});
                observer.takeRecords().forEach(function (e) {
                  if (e.hadRecentInput) return;
                  total += e.value;
                  (e.sources || []).forEach(function (s) {
                    var n = s.node, r = s.previousRect, c = s.currentRect;
                    moved.push((n && n.nodeName ? n.nodeName.toLowerCase() + (n.className ? '.' + String(n.className).replace(/ /g, '.') : '')
                      : '?') + ' (' + r.x + ',' + r.y + ' ' + r.width + 'x' + r.height + ' to ' + c.x + ',' + c.y + ' ' + c.width
                      + 'x' + c.height + ')');
                  });
                });
                observer.disconnect();
                return {total: total, moved: moved.join('; ')};""");
    }

    /** The data-key of the n-th box of the checklist open now. */
    private static String key(int n) {
        return browser.findAll(".checklist input.check-box").get(n).getDomAttribute("data-key");
    }

    private static void width(int width) {
        browser.driver.manage().window().setSize(new Dimension(width, 900));
    }
}
