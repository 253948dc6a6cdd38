package dev.playbook.browser;

import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checklist of a playbook in a real browser, opened from disk: ticks are remembered per deal
 * in the browser, progress is counted per stage and overall, and a reset clears the deal.
 */
class ChecklistBrowserTest {
    @TempDir
    static Path temp;

    static Browser browser;
    static ExampleSite site;
    static Playbook playbook;
    /** Two tasks of one stage, and one task of another stage. */
    static Stage first;
    static Stage second;
    static String firstA;
    static String firstB;
    static String secondA;

    @BeforeAll
    static void start() {
        if (!Browser.available()) return; // each test then skips
        site = ExampleSite.build(temp);
        // a playbook with a stage of two tasks or more, followed by another stage with tasks
        for (Playbook pb : site.model().playbooks()) {
            List<Stage> withTasks = pb.allStages().stream().filter(s -> !s.tasks().isEmpty()).toList();
            Stage two = withTasks.stream().filter(s -> s.tasks().size() >= 2).findFirst().orElse(null);
            if (two == null) continue;
            Stage other = withTasks.stream().filter(s -> s != two).findFirst().orElse(null);
            if (other == null) continue;
            playbook = pb;
            first = two;
            second = other;
            break;
        }
        assertNotNull(playbook, "no example playbook has a stage with two tasks and another stage with tasks");
        firstA = first.id() + "/" + first.tasks().get(0).id();
        firstB = first.id() + "/" + first.tasks().get(1).id();
        secondA = second.id() + "/" + second.tasks().get(0).id();
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
        assertFalse(browser.find("#storage-note").isDisplayed(), "the note that ticks cannot be kept shows though they are kept");
        browser.assertNoPageErrors("the checklist");
    }

    @Test
    void eachDealKeepsItsOwnTicks() {
        String firstDeal = new Select(browser.find("#deal-select")).getFirstSelectedOption().getText();
        box(firstA).click();
        box(firstB).click();
        assertEquals(List.of(firstA, firstB), tickedKeys());

        String secondDeal = "Acme Corp";
        browser.find("#deal-name").sendKeys(secondDeal);
        browser.find("#deal-add").click();

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
        assertEquals(secondDeal, new Select(browser.find("#deal-select")).getFirstSelectedOption().getText(),
                "the deal in use should be remembered across a reload");
        assertEquals(List.of(secondA), tickedKeys());
        new Select(browser.find("#deal-select")).selectByVisibleText(firstDeal);
        assertEquals(List.of(firstA, firstB), tickedKeys(), "the first deal's ticks after a reload");
        browser.assertNoPageErrors("the checklist");
    }

    @Test
    void progressIsCountedPerStageAndOverallAndResetClearsTheDeal() {
        int firstBoxes = boxesOf(first);
        int allBoxes = playbook.allStages().stream().mapToInt(ChecklistBrowserTest::boxesOf).sum();
        assertEquals(List.of(0, firstBoxes), numbers(progress(first)), "progress of " + first.id() + " before any tick");
        assertEquals(List.of(0, allBoxes), numbers(overall()), "overall progress before any tick");

        box(firstA).click();
        assertEquals(List.of(1, firstBoxes), numbers(progress(first)), "progress of " + first.id() + " after one tick");
        assertEquals(List.of(0, boxesOf(second)), numbers(progress(second)), "another stage's progress after a tick");
        assertEquals(List.of(1, allBoxes), numbers(overall()));

        box(firstB).click();
        box(secondA).click();
        assertEquals(List.of(2, firstBoxes), numbers(progress(first)));
        assertEquals(List.of(1, boxesOf(second)), numbers(progress(second)));
        assertEquals(List.of(3, allBoxes), numbers(overall()));

        box(firstB).click(); // untick
        assertEquals(List.of(1, firstBoxes), numbers(progress(first)), "unticking should count down");
        assertEquals(List.of(2, allBoxes), numbers(overall()));

        browser.find("#checklist-reset").click();
        assertEquals(List.of(), tickedKeys(), "reset should clear every box");
        assertEquals(List.of(0, firstBoxes), numbers(progress(first)));
        assertEquals(List.of(0, boxesOf(second)), numbers(progress(second)));
        assertEquals(List.of(0, allBoxes), numbers(overall()));

        browser.reload();
        assertEquals(List.of(), tickedKeys(), "the reset should be remembered");
        browser.assertNoPageErrors("the checklist");
    }

    @Test
    void aStagePageKeepsTheSameTicksForItsPrintableChecklist() {
        box(firstA).click();
        browser.open(site.stagePage(playbook, first));
        WebElement onStagePage = browser.find(".stage-checklist input[data-key=\"" + firstA + "\"]");
        assertEquals("true", onStagePage.getDomProperty("checked"),
                "the stage page's checklist should show the tick made on the checklist page");
        WebElement other = browser.find(".stage-checklist input[data-key=\"" + firstB + "\"]");
        assertEquals("false", other.getDomProperty("checked"));
        browser.assertNoPageErrors("the stage page");
    }

    // ---------------------------------------------------------------------------------------------

    private static void openChecklist() {
        browser.open(site.playbookFile(playbook, "checklist.html"));
    }

    private static int boxesOf(Stage stage) {
        return stage.tasks().size() + stage.exitCriteria().size();
    }

    private static WebElement box(String key) {
        return browser.find(".checklist input[type=checkbox][data-key=\"" + key + "\"]");
    }

    /** The data-key of every ticked box of the checklist, in page order. */
    private static List<String> tickedKeys() {
        Object keys = browser.script("return Array.prototype.map.call("
                + "document.querySelectorAll('.checklist input[type=checkbox]:checked'),"
                + " function (box) { return box.getAttribute('data-key'); });");
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

    /** "2/7", "2 of 7" ... as [2, 7]. */
    private static List<Integer> numbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+").matcher(text);
        while (m.find()) numbers.add(Integer.parseInt(m.group()));
        assertNotEquals(List.of(), numbers, "no count in `" + text + "`");
        return numbers;
    }
}
