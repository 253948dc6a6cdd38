package dev.playbook.browser;

import dev.playbook.model.ExitCriterion;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;
import dev.playbook.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages read in a browser with JavaScript switched off: the content is all there, the script-only controls are not. */
class NoScriptBrowserTest {
    @TempDir
    static Path temp;

    static final dev.playbook.render.MarkdownRenderer MARKDOWN = new dev.playbook.render.MarkdownRenderer();

    static Browser browser;
    static ExampleSite site;

    @BeforeAll
    static void start() {
        if (!Browser.available()) return; // each test then skips
        site = ExampleSite.build(temp);
        browser = Browser.start(temp, false);
    }

    @BeforeEach
    void installed() {
        Browser.requireInstalled();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void theChecklistIsReadableAndTickableWithoutScript() {
        for (Playbook pb : site.model().playbooks()) {
            browser.open(site.playbookFile(pb, "checklist.html"));
            String where = pb.id() + "/checklist.html";
            // the script really is off: it would have filled in the list of deals
            assertTrue(browser.findAll("#deal-select option").isEmpty(), "the page's script ran though JavaScript is off");
            // controls that need the script stay hidden rather than dead
            assertFalse(browser.find(".deal-bar").isDisplayed(), where + ": the deal bar shows though it cannot work");
            // the search box is not put in, and its place is not kept
            assertTrue(browser.findAll("form.search, #search-input").isEmpty(), where + ": the search box is in the page though it cannot work");
            assertFalse(browser.find(".search-slot").isDisplayed(), where + ": the search box's place is kept though it cannot come");
            String text = browser.find(".checklist").getText();
            for (Stage stage : pb.allStages()) {
                assertTrue(text.contains(stage.title()), where + ": stage `" + stage.title() + "` is not shown");
                for (Task task : stage.tasks()) {
                    WebElement box = browser.find(".checklist input[data-key=\"" + stage.id() + "/" + task.id() + "\"]");
                    assertTrue(box.isDisplayed(), where + ": the box of task `" + task.title() + "` is not shown");
                    assertTrue(text.contains(task.title()), where + ": task `" + task.title() + "` is not shown");
                }
                for (ExitCriterion c : stage.exitCriteria()) {
                    String plain = org.jsoup.Jsoup.parseBodyFragment(MARKDOWN.inline(c.text())).text();
                    assertTrue(normalize(text).contains(normalize(plain)), where + ": exit criterion `" + plain + "` is not shown");
                }
            }
            // a box still ticks: the browser does that itself
            WebElement first = browser.findAll(".checklist input[type=checkbox]").get(0);
            first.click();
            assertTrue(first.isSelected(), where + ": a box does not tick without the script");
        }
    }

    @Test
    void stagePagesAndTheOverviewAreReadableWithoutScript() {
        for (Playbook pb : site.model().playbooks()) {
            browser.open(site.playbookFile(pb, "index.html"));
            assertTrue(browser.find(".process-map").isDisplayed(), pb.id() + ": the process map needs the script");
            List<WebElement> links = browser.findAll(".playbook-nav a");
            assertFalse(links.isEmpty(), pb.id() + ": no views of the playbook");
            for (WebElement link : links) assertTrue(link.isDisplayed(), pb.id() + ": a view of the playbook is hidden without script");
            // the flowchart's picture, which the script puts in as the reader nears it, is there from the start
            List<WebElement> picture = browser.findAll("#flow-diagram img.diagram-svg");
            assertEquals(1, picture.size(), pb.id() + ": the overview shows no flowchart without script");
            assertTrue(picture.get(0).isDisplayed(), pb.id() + ": the flowchart picture is hidden without script");
            assertTrue(picture.get(0).getDomAttribute("src").endsWith("flow.svg"), pb.id() + ": " + picture.get(0).getDomAttribute("src"));
            assertTrue(picture.get(0).getRect().getHeight() > 100, pb.id() + ": the flowchart picture has no height");
            for (Stage stage : pb.allStages()) {
                browser.open(site.stagePage(pb, stage));
                String text = browser.find("main").getText();
                assertTrue(text.contains(stage.title()), pb.id() + "/" + stage.id() + ": the title is not shown");
                for (Task task : stage.tasks()) {
                    assertTrue(text.contains(task.title()), pb.id() + "/" + stage.id() + ": task `" + task.title() + "` is not shown");
                }
            }
        }
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
