package dev.playbook.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playbook.model.Playbook;
import dev.playbook.model.Route;
import dev.playbook.model.Stage;
import dev.playbook.model.Task;
import dev.playbook.model.Track;
import dev.playbook.render.Messages;
import dev.playbook.render.Theme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checklist of a playbook in a real browser, opened from disk: ticks are remembered per deal
 * in the browser, progress counts what a deal needs, clearing and deleting can be undone, stage
 * pages show and switch the deal, and a deal travels to another browser as a file.
 */
class ChecklistBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    static Browser browser;
    static ExampleSite site;
    static Playbook playbook;
    static Messages words;
    /** Two required tasks of one main-path stage, and a required task of another. */
    static Stage first;
    static Stage second;
    static String firstA;
    static String firstB;
    static String secondA;
    /** A track with a required task, for the side paths' own count. */
    static Track track;

    @BeforeAll
    static void start() throws IOException {
        if (!Browser.available()) return; // each test then skips
        site = ExampleSite.build(temp);
        for (Playbook pb : site.model().playbooks()) {
            List<Stage> main = pb.route().mainPath().stream().filter(s -> required(s).size() >= 1).toList();
            Stage two = main.stream().filter(s -> required(s).size() >= 2).findFirst().orElse(null);
            Stage other = main.stream().filter(s -> s != two).findFirst().orElse(null);
            Track side = pb.tracks().stream().filter(t -> t.stages().stream().anyMatch(s -> !required(s).isEmpty()))
                    .findFirst().orElse(null);
            if (two == null || other == null || side == null) continue;
            playbook = pb;
            first = two;
            second = other;
            track = side;
            break;
        }
        assertNotNull(playbook, "no example playbook has two main-path stages with required tasks and a track with tasks");
        firstA = first.id() + "/" + required(first).get(0).id();
        firstB = first.id() + "/" + required(first).get(1).id();
        secondA = second.id() + "/" + required(second).get(0).id();
        words = new Theme(null).messages().get(playbook.language());
        browser = Browser.start(temp);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void freshChecklist() {
        Browser.requireInstalled();
        openChecklist();
        browser.script("window.localStorage.clear();");
        browser.reload();
        browser.wait("the deal bar to appear", () -> browser.find("#deal-select").isDisplayed());
    }

    @Test
    void aTickSurvivesAReload() {
        box(firstA).click();
        assertTrue(box(firstA).isSelected(), "the box did not tick");

        browser.reload();

        assertTrue(box(firstA).isSelected(), "the tick of " + firstA + " was lost on reload");
        assertFalse(box(firstB).isSelected(), "a box that was never ticked is ticked after reload: " + firstB);
        assertEquals(List.of(firstA), tickedKeys());
        assertTrue(browser.findAll("#storage-note").isEmpty(), "the note that ticks cannot be kept shows though they are kept");
        assertTrue(browser.findAll(".notice").isEmpty(), "a notice shows though nothing happened");
        browser.assertNoPageErrors("the checklist");
    }

    @Test
    void eachDealKeepsItsOwnTicks() {
        String firstDeal = selectedDeal();
        box(firstA).click();
        box(firstB).click();
        assertEquals(List.of(firstA, firstB), tickedKeys());

        String secondDeal = "Acme Corp";
        addDeal(secondDeal);

        Select deals = new Select(browser.find("#deal-select"));
        assertEquals(secondDeal, deals.getFirstSelectedOption().getText(), "the new deal is not the one selected");
        assertEquals(List.of(firstDeal, secondDeal), deals.getOptions().stream().map(WebElement::getText).toList(),
                "both deals should be offered");
        assertEquals(List.of(), tickedKeys(), "a new deal should start with every box clear");

        box(secondA).click();
        assertEquals(List.of(secondA), tickedKeys());

        deals.selectByVisibleText(firstDeal);
        assertEquals(List.of(firstA, firstB), tickedKeys(), "switching back should bring the first deal's ticks back");

        new Select(browser.find("#deal-select")).selectByVisibleText(secondDeal);
        assertEquals(List.of(secondA), tickedKeys(), "the second deal's ticks should differ from the first's");

        browser.reload();
        browser.wait("the deal bar to appear", () -> browser.find("#deal-select").isDisplayed());
        assertEquals(secondDeal, selectedDeal(), "the deal in use should be remembered across a reload");
        assertEquals(List.of(secondA), tickedKeys());
        new Select(browser.find("#deal-select")).selectByVisibleText(firstDeal);
        assertEquals(List.of(firstA, firstB), tickedKeys(), "the first deal's ticks after a reload");
        browser.assertNoPageErrors("the checklist");
    }

    @Test
    void progressCountsRequiredItemsAndClearingCanBeUndone() {
        int firstRequired = requiredBoxes(first);
        int mainRequired = playbook.route().mainPath().stream().mapToInt(ChecklistBrowserTest::requiredBoxes).sum();
        assertEquals(List.of(0, firstRequired), numbers(progress(first)), "progress of " + first.id() + " before any tick");
        assertEquals(List.of(0, mainRequired), numbers(overall()), "overall progress before any tick");

        box(firstA).click();
        assertEquals(List.of(1, firstRequired), numbers(progress(first)), "progress of " + first.id() + " after one tick");
        assertEquals(List.of(0, requiredBoxes(second)), numbers(progress(second)), "another stage's progress after a tick");
        assertEquals(List.of(1, mainRequired), numbers(overall()));

        box(firstB).click();
        box(secondA).click();
        assertEquals(List.of(2, firstRequired), numbers(progress(first)));
        assertEquals(List.of(1, requiredBoxes(second)), numbers(progress(second)));
        assertEquals(List.of(3, mainRequired), numbers(overall()));

        box(firstB).click(); // untick
        assertEquals(List.of(1, firstRequired), numbers(progress(first)), "unticking should count down");
        assertEquals(List.of(2, mainRequired), numbers(overall()));

        List<String> before = tickedKeys();
        browser.find("#checklist-reset").click();
        assertEquals(List.of(), tickedKeys(), "clearing should clear every box at once");
        assertEquals(List.of(0, firstRequired), numbers(progress(first)));
        assertEquals(List.of(0, mainRequired), numbers(overall()));
        WebElement notice = browser.find("#undo");
        assertEquals(words.get("checklist.cleared").replace("{0}", selectedDeal()), notice.findElement(By.tagName("p")).getText());
        notice.findElement(By.cssSelector(".notice-action")).click();
        assertEquals(before, tickedKeys(), "Undo should bring the cleared ticks back");
        assertTrue(browser.findAll("#undo").isEmpty(), "the undo bar should go once used");
        assertEquals(List.of(2, mainRequired), numbers(overall()));

        browser.find("#checklist-reset").click();
        box(secondA).click();
        assertTrue(browser.findAll("#undo").isEmpty(), "after another change, Undo would take that back too: it should go");
        box(secondA).click();
        browser.reload();
        assertEquals(List.of(), tickedKeys(), "the clearing should be remembered");
        browser.assertNoPageErrors("the checklist");
    }

    @Test
    void aWonDealReachesAHundredPercentAndSidePathsCountApart() {
        Route route = playbook.route();
        int mainRequired = route.mainPath().stream().mapToInt(ChecklistBrowserTest::requiredBoxes).sum();
        // optional tasks of the main path and every box of a side path or a closed stage: none of them is progress
        for (WebElement box : browser.findAll(".checklist input.check-box")) {
            boolean counted = "main".equals(sectionOf(box)) && !"true".equals(box.getDomAttribute("data-optional"));
            if (!counted) box.click();
        }
        assertEquals(List.of(0, mainRequired), numbers(overall()), "only the main path's required items are progress");
        int trackRequired = track.stages().stream().mapToInt(ChecklistBrowserTest::requiredBoxes).sum();
        assertEquals(List.of(trackRequired, trackRequired), numbers(browser.find("[data-section-progress=\"" + track.id() + "\"]").getText()),
                "the side path " + track.id() + " has a count of its own");

        for (WebElement box : browser.findAll(".checklist-stage[data-section=\"main\"] input.check-box:not([data-optional])")) {
            box.click();
        }
        assertEquals(List.of(mainRequired, mainRequired), numbers(overall()), "every required item of the main path ticked");
        assertEquals(browser.script("return document.getElementById('overall-progress').max;"),
                browser.script("return document.getElementById('overall-progress').value;"), "the progress bar should be full");
        for (Stage stage : route.mainPath()) {
            if (requiredBoxes(stage) == 0) continue;
            WebElement section = browser.find(".checklist [data-stage=\"" + stage.id() + "\"]");
            assertTrue(section.getDomAttribute("class").contains("complete"), stage.id() + " should show as complete");
        }
        browser.assertNoPageErrors("the checklist");
    }

    @Test
    void deletingADealCanBeUndone() {
        box(firstA).click();
        addDeal("Acme Corp");
        box(secondA).click();
        browser.find("#deal-delete").click();
        assertEquals(List.of(words.get("checklist.defaultDeal")), dealNames(), "the deal should be gone at once");
        assertEquals(List.of(firstA), tickedKeys(), "the remaining deal is shown");
        assertEquals(words.get("checklist.deleted").replace("{0}", "Acme Corp"), browser.find("#undo p").getText());

        browser.find("#undo .notice-action").click();
        assertEquals(List.of(words.get("checklist.defaultDeal"), "Acme Corp"), dealNames(), "Undo should bring the deal back");
        assertEquals("Acme Corp", selectedDeal());
        assertEquals(List.of(secondA), tickedKeys(), "and its ticks");
        browser.reload();
        assertEquals(List.of(secondA), tickedKeys(), "the undone deletion should be remembered");
        browser.assertNoPageErrors("the checklist");
    }

    @Test
    void theStagePageShowsTheDealAndSwitchesIt() {
        String myDeal = selectedDeal();
        box(firstA).click();
        addDeal("Acme Corp");
        box(firstB).click();

        browser.open(site.stagePage(playbook, first));
        WebElement picker = browser.find(".stage-actions #deal-select");
        assertTrue(picker.isDisplayed(), "the stage page should show which deal its boxes belong to");
        assertEquals("Acme Corp", new Select(picker).getFirstSelectedOption().getText());
        assertEquals(List.of(firstB), stagePageTicks(), "the stage page's boxes should be the selected deal's");
        assertEquals(List.of(1, requiredBoxes(first)), numbers(browser.find("#stage-count").getText()));

        new Select(picker).selectByVisibleText(myDeal);
        assertEquals(List.of(firstA), stagePageTicks(), "switching the deal on the stage page shows that deal's ticks");
        // a tick on the stage page is the deal's tick everywhere
        browser.find(".field-tasks input[data-key=\"" + firstB + "\"]").click();
        assertEquals("true", browser.find(".stage-checklist input[data-key=\"" + firstB + "\"]").getDomProperty("checked"),
                "the stage's printable checklist should follow a tick made on the page");

        openChecklist();
        assertEquals(myDeal, selectedDeal(), "the deal chosen on the stage page is the one in use on the checklist");
        assertEquals(List.of(firstA, firstB), tickedKeys());
        browser.assertNoPageErrors("the stage page");
    }

    @Test
    void aDealTravelsAsAFile() throws IOException {
        addDeal("Acme Corp");
        box(firstA).click();
        box(secondA).click();
        Path downloads = Browser.downloads(temp);
        clear(downloads);

        browser.find("#deal-export").click();
        browser.wait("the deal's file to be saved", () -> jsonFiles(downloads).size() == 1);
        Path file = jsonFiles(downloads).get(0);
        JsonNode saved = JSON.readTree(file.toFile());
        assertEquals("playbook-ticks", saved.path("format").asText());
        assertEquals(1, saved.path("version").asInt());
        assertEquals(playbook.id(), saved.path("playbook").asText());
        assertEquals(playbook.version(), saved.path("playbookVersion").isNull() ? null : saved.path("playbookVersion").asText());
        assertEquals("Acme Corp", saved.path("deal").asText());
        List<String> keys = new ArrayList<>();
        saved.path("ticks").forEach(k -> keys.add(k.asText()));
        assertEquals(List.of(firstA, secondA), keys);
        assertTrue(file.getFileName().toString().startsWith(playbook.id() + "-acme-corp"), "file name " + file.getFileName());

        // another browser: nothing kept
        browser.script("window.localStorage.clear();");
        browser.reload();
        assertEquals(List.of(words.get("checklist.defaultDeal")), dealNames());
        importFile(file);
        browser.wait("the deal to be loaded", () -> dealNames().contains("Acme Corp"));
        assertEquals("Acme Corp", selectedDeal(), "the loaded deal should be the one in use");
        assertEquals(List.of(firstA, secondA), tickedKeys());
        assertEquals(words.get("checklist.imported").replace("{0}", "Acme Corp"), browser.find("#undo p").getText());
        browser.reload();
        assertEquals(List.of(firstA, secondA), tickedKeys(), "the loaded deal is kept");
        browser.assertNoPageErrors("the checklist");
    }

    @Test
    void badFilesGetAClearMessageAndChangeNothing() throws IOException {
        box(firstA).click();
        String otherPlaybook = "another-playbook";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("not-json.json", "{\"format\": \"playbook-ticks\", ");
        files.put("wrong-shape.json", "{\"format\": \"playbook-ticks\", \"version\": 1, \"playbook\": \"" + playbook.id()
                + "\", \"deal\": \"Acme\", \"ticks\": \"all of them\"}");
        files.put("not-ours.json", "[1, 2, 3]");
        files.put("other-playbook.json", "{\"format\": \"playbook-ticks\", \"version\": 1, \"playbook\": \"" + otherPlaybook
                + "\", \"deal\": \"Acme\", \"ticks\": []}");
        files.put("newer.json", "{\"format\": \"playbook-ticks\", \"version\": 99, \"playbook\": \"" + playbook.id()
                + "\", \"deal\": \"Acme\", \"ticks\": []}");
        files.put("huge.json", "{\"format\": \"playbook-ticks\", \"padding\": \"" + "x".repeat(300_000) + "\"}");
        Map<String, String> expected = Map.of(
                "not-json.json", words.get("checklist.import.notJson"),
                "wrong-shape.json", words.get("checklist.import.wrongShape"),
                "not-ours.json", words.get("checklist.import.wrongShape"),
                "other-playbook.json", words.get("checklist.import.otherPlaybook").replace("{0}", otherPlaybook),
                "newer.json", words.get("checklist.import.newer"),
                "huge.json", words.get("checklist.import.tooLarge"));
        Path folder = Files.createDirectories(temp.resolve("bad-files"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = Files.writeString(folder.resolve(f.getKey()), f.getValue());
            browser.script("var n = document.getElementById('import-error'); if (n) n.remove();");
            importFile(file);
            browser.wait("a message about " + f.getKey(), () -> !browser.findAll("#import-error").isEmpty());
            WebElement notice = browser.find("#import-error");
            assertEquals("alert", notice.getDomAttribute("role"), f.getKey() + ": the message should be announced");
            assertEquals(expected.get(f.getKey()), notice.findElement(By.tagName("p")).getText(), f.getKey());
            assertEquals(List.of(words.get("checklist.defaultDeal")), dealNames(), f.getKey() + ": no deal should be added");
            assertEquals(List.of(firstA), tickedKeys(), f.getKey() + ": the ticks should stay as they were");
        }
        browser.assertNoPageErrors("the checklist");
    }

    // ---------------------------------------------------------------------------------------------

    private static List<Task> required(Stage stage) {
        return stage.tasks().stream().filter(t -> !t.optional()).toList();
    }

    private static int requiredBoxes(Stage stage) {
        return required(stage).size() + stage.exitCriteria().size();
    }

    private static void openChecklist() {
        browser.open(site.playbookFile(playbook, "checklist.html"));
    }

    private static void addDeal(String name) {
        browser.find("#deal-name").sendKeys(name);
        browser.find("#deal-add").click();
    }

    private static void importFile(Path file) {
        browser.find("#deal-import").sendKeys(file.toAbsolutePath().toString());
    }

    private static String selectedDeal() {
        return new Select(browser.find("#deal-select")).getFirstSelectedOption().getText();
    }

    private static List<String> dealNames() {
        return new Select(browser.find("#deal-select")).getOptions().stream().map(WebElement::getText).toList();
    }

    private static String sectionOf(WebElement box) {
        return String.valueOf(browser.script("return arguments[0].closest('.checklist-stage').getAttribute('data-section');", box));
    }

    private static WebElement box(String key) {
        return browser.find(".checklist input[type=checkbox][data-key=\"" + key + "\"]");
    }

    /** The data-key of every ticked box of the checklist, in page order. */
    private static List<String> tickedKeys() {
        return keys(".checklist input[type=checkbox]:checked");
    }

    /** The ticked boxes of a stage page's own lists of tasks and exit criteria. */
    private static List<String> stagePageTicks() {
        return keys("article input.check-box:checked");
    }

    private static List<String> keys(String css) {
        Object keys = browser.script("return Array.prototype.map.call(document.querySelectorAll(arguments[0]),"
                + " function (box) { return box.getAttribute('data-key'); });", css);
        List<String> result = new ArrayList<>();
        ((List<?>) keys).forEach(k -> result.add(String.valueOf(k)));
        return result;
    }

    private static String progress(Stage stage) {
        return browser.find(".checklist [data-stage=\"" + stage.id() + "\"] .stage-progress").getText();
    }

    private static String overall() {
        return browser.find("#overall-count").getText();
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) Files.delete(p);
        }
    }

    /** "2/7", "2 of 7" ... as [2, 7]. */
    private static List<Integer> numbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+").matcher(text);
        while (m.find()) numbers.add(Integer.parseInt(m.group()));
        assertNotEquals(List.of(), numbers, "no count in `" + text + "`");
        return numbers;
    }
}
