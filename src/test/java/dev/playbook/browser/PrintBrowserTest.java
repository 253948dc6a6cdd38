package dev.playbook.browser;

import dev.playbook.model.Playbook;
import dev.playbook.model.Resource;
import dev.playbook.model.Stage;
import dev.playbook.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The site as printed (Chrome's print media emulated through DevTools): navigation, search and
 * the deal controls are left off, the printed sheets carry their header; and every page of the
 * site loads without a script error.
 */
class PrintBrowserTest {
    /** What a printout leaves off: the site's chrome and everything that only works on screen. */
    static final List<String> SCREEN_ONLY = List.of(".site-header", "form.search", ".playbook-nav", ".crumbs",
            ".print-button", ".deal-bar", ".site-footer", ".skip-link");

    @TempDir
    static Path temp;

    static Browser browser;
    static ExampleSite site;
    static Playbook playbook;

    @BeforeAll
    static void start() {
        if (!Browser.available()) return; // each test then skips
        site = ExampleSite.build(temp);
        playbook = site.model().playbooks().get(0);
        browser = Browser.start(temp);
    }

    @BeforeEach
    void installed() {
        Browser.requireInstalled();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @AfterEach
    void backToScreen() {
        if (browser != null) browser.emulateMedia("");
    }

    @Test
    void printedChecklistHasItsHeaderAndNoNavigation() {
        browser.open(site.playbookFile(playbook, "checklist.html"));
        browser.wait("the deal bar to appear", () -> browser.find(".deal-bar").isDisplayed());
        assertFalse(browser.find(".print-header").isDisplayed(), "the print header should not show on screen");
        assertTrue(browser.find(".playbook-nav").isDisplayed(), "the views of the playbook should show on screen");

        browser.emulateMedia("print");

        assertNoneDisplayed(SCREEN_ONLY, "the printed checklist");
        assertTrue(browser.find(".print-header").isDisplayed(), "the printed checklist should carry its .print-header");
        List<WebElement> stages = browser.findAll(".checklist-stage");
        assertFalse(stages.isEmpty());
        for (WebElement stage : stages) {
            assertTrue(stage.isDisplayed(), "a stage of the checklist is not printed: " + stage.getDomAttribute("data-stage"));
        }
        for (WebElement box : browser.findAll(".checklist input[type=checkbox]")) {
            assertTrue(box.isDisplayed(), "a box is not printed: " + box.getDomAttribute("data-key"));
        }
        browser.assertNoPageErrors("the checklist");
    }

    @Test
    void printingAStageChecklistPrintsOnlyThatStagesBoxes() {
        Stage stage = playbook.allStages().stream().filter(s -> !s.tasks().isEmpty()).findFirst().orElseThrow();
        browser.open(site.stagePage(playbook, stage));
        assertFalse(browser.find(".stage-checklist").isDisplayed(), "the stage's printable checklist should not show on screen");
        // the print dialog cannot be driven: count the calls instead, then print as the button asked
        browser.script("window.__printed = 0; window.print = function () { window.__printed++; };");
        WebElement button = browser.find(".print-button[data-print=\"stage-checklist\"]");
        assertTrue(button.isDisplayed(), "the stage page's print button should show once the script runs");
        button.click();
        assertEquals(1L, browser.script("return window.__printed;"), "the button should open the print dialog");

        browser.emulateMedia("print");

        assertTrue(browser.find(".stage-checklist").isDisplayed(), "the stage's checklist is not printed");
        assertTrue(browser.find(".stage-checklist .print-header").isDisplayed(), "the stage's checklist has no printed header");
        assertFalse(browser.find("main article").isDisplayed(), "the stage's description is printed with its checklist");
        assertNoneDisplayed(SCREEN_ONLY, "the printed stage checklist");
        String printed = browser.find(".stage-checklist").getText();
        for (Task task : stage.tasks()) {
            assertTrue(printed.contains(task.title()), "the printed stage checklist lacks task `" + task.title() + "`");
        }

        // after printing, the page prints whole again
        browser.script("window.dispatchEvent(new Event('afterprint'));");
        assertTrue(browser.find("main article").isDisplayed(), "after printing, the stage page still prints only its checklist");
        assertFalse(browser.find(".stage-checklist").isDisplayed());
        browser.assertNoPageErrors("the stage page");
    }

    @Test
    void aPrintedChecklistShowsRolesAndUrlsAndTheDealOnlyWhenAsked() throws IOException {
        Playbook withResources = site.model().playbooks().stream()
                .filter(pb -> pb.allStages().stream().flatMap(s -> s.tasks().stream()).anyMatch(t -> !t.resources().isEmpty()))
                .filter(pb -> !pb.roles().isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no example playbook has roles and resources"));
        browser.open(site.playbookFile(withResources, "checklist.html"));
        browser.script("window.localStorage.clear();");
        browser.reload();
        String deal = "Acme Sp. z o.o.";
        browser.find("#deal-name").sendKeys(deal);
        browser.find("#deal-add").click();
        WebElement ticked = browser.findAll(".checklist input.check-box").get(0);
        WebElement blank = browser.findAll(".checklist input.check-box").get(1);
        ticked.click();

        String sheet = pdfText(temp.resolve("blank.pdf"));
        assertFalse(words(sheet).contains(deal), "a blank sheet (the default) should not carry the deal's name");
        List<String> missing = new ArrayList<>();
        for (Stage stage : withResources.allStages()) {
            for (Task task : stage.tasks()) {
                if (task.role() != null) {
                    String role = withResources.role(task.role()).orElseThrow().title();
                    if (!words(sheet).contains(role)) missing.add("role " + role);
                }
                for (Resource r : task.resources()) {
                    if (!sheet.replaceAll("\\s+", "").contains(r.url().replaceAll("\\s+", ""))) missing.add("url " + r.url());
                }
            }
        }
        assertEquals(List.of(), missing, "the printed checklist should show each task's role and each resource's URL");
        browser.emulateMedia("print");
        assertEquals("rgb(255, 255, 255)", background(ticked), "a blank sheet shows no tick");
        browser.emulateMedia("");

        browser.find("#print-ticks").click();
        String named = pdfText(temp.resolve("named.pdf"));
        assertTrue(words(named).contains(words(browser.find(".print-deal").getDomProperty("textContent"))),
                "the printed sheet should carry the deal's name: " + named.substring(0, Math.min(400, named.length())));
        assertTrue(words(named).contains(deal), "the deal's name is not printed");
        browser.emulateMedia("print");
        assertEquals("rgb(0, 0, 0)", background(ticked), "a ticked box should print filled");
        assertEquals("rgb(255, 255, 255)", background(blank), "a box not ticked should print empty");
        browser.assertNoPageErrors("the checklist");
    }

    @Test
    void printedOverviewKeepsTheProcessMapAndDropsNavigation() {
        browser.open(site.playbookFile(playbook, "index.html"));
        browser.emulateMedia("print");
        assertNoneDisplayed(SCREEN_ONLY, "the printed overview");
        assertTrue(browser.find(".process-map").isDisplayed(), "the process map is not printed");
        for (WebElement stage : browser.findAll(".process-map .map-stage")) {
            assertTrue(stage.isDisplayed(), "a column of the process map is not printed");
        }
        browser.assertNoPageErrors("the overview");
    }

    @Test
    void printedFlowchartPageHasTheFlowchartUnderItsHeadingAndTheSwimlanesOnAPageOfTheirOwn() throws IOException {
        Playbook richest = site.model().playbooks().stream()
                .max(java.util.Comparator.comparingInt(pb -> pb.allStages().size())).orElseThrow();
        browser.open(site.playbookFile(richest, "flow.html"));
        String heading = browser.find("h1").getText();
        String swimlanes = browser.find("#h-roles-diagram").getText();
        String firstStage = richest.allStages().get(0).title();
        String[] pages = pdfText(temp.resolve("flow.pdf")).split("\f");
        List<String> printed = java.util.Arrays.stream(pages).filter(page -> !page.isBlank()).toList();
        assertEquals(2, printed.size(), "the flowchart page should print on two sheets: " + printed);
        assertTrue(printed.get(0).contains(heading) && printed.get(0).contains(firstStage),
                "the first sheet should hold the heading and the flowchart under it: " + printed.get(0));
        assertFalse(printed.get(0).contains(swimlanes), "the swimlanes' heading was left on the first sheet: " + printed.get(0));
        assertTrue(printed.get(1).strip().startsWith(swimlanes), "the second sheet should begin with the swimlanes' heading: " + printed.get(1));
        browser.assertNoPageErrors("the flowchart page");
    }

    @Test
    void printedAuditWorksheetHasItsHeaderAndAnswerLines() {
        browser.open(site.file("audit.html"));
        browser.emulateMedia("print");
        assertNoneDisplayed(SCREEN_ONLY, "the printed audit worksheet");
        assertTrue(browser.find(".print-header").isDisplayed(), "the printed audit worksheet has no .print-header");
        List<WebElement> questions = browser.findAll("li.audit-question");
        assertFalse(questions.isEmpty());
        for (WebElement q : questions) assertTrue(q.isDisplayed());
        browser.assertNoPageErrors("the audit worksheet");
    }

    @Test
    void everyPageOfTheSiteLoadsWithoutErrors() {
        List<String> problems = new ArrayList<>();
        List<Path> pages = site.htmlFiles();
        assertFalse(pages.isEmpty());
        java.util.Set<Path> searchedFrom = new java.util.HashSet<>();
        for (Path file : pages) {
            browser.open(file);
            // the search index is loaded on first use, by a link relative to the page: search once from each folder
            WebElement input = browser.find("#search-input");
            if (!input.isDisplayed()) {
                problems.add(site.root().relativize(file) + ": the search box is not shown");
            } else if (searchedFrom.add(file.getParent())) {
                input.sendKeys("a");
                browser.wait("the search to answer on " + site.root().relativize(file),
                        () -> browser.find("#search-results").isDisplayed());
            }
            for (String error : browser.pageErrors()) problems.add(site.root().relativize(file) + ": " + error);
        }
        if (!problems.isEmpty()) fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }

    @Test
    void theErrorCheckNoticesABrokenPage() throws java.io.IOException {
        // guards the check above against passing because it sees nothing
        Path broken = temp.resolve("broken.html");
        java.nio.file.Files.writeString(broken, "<!DOCTYPE html><html><head><script src=\"missing.js\"></script></head>"
                + "<body><script>noSuchFunction();</script><p>broken</p></body></html>");
        browser.open(broken);
        List<String> errors = browser.pageErrors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("noSuchFunction")), "a script error was not caught: " + errors);
        assertTrue(errors.stream().anyMatch(e -> e.contains("missing.js")), "a failed load was not caught: " + errors);
    }

    /** The page printed to PDF by the browser, as text (pdftotext, from poppler-utils). */
    private static String pdfText(Path pdf) throws IOException {
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        if (!Files.isExecutable(pdftotext)) {
            if ("true".equals(System.getenv("CI"))) fail("CI=true but pdftotext is missing; install poppler-utils");
            Assumptions.abort("pdftotext is missing; install poppler-utils");
        }
        Files.write(pdf, Base64.getDecoder().decode(browser.driver.print(new PrintOptions()).getContent()));
        Path text = pdf.resolveSibling(pdf.getFileName() + ".txt");
        Process process = new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", pdf.toString(), text.toString())
                .redirectErrorStream(true).start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdftotext did not finish");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "pdftotext failed: " + output);
        return Files.readString(text, StandardCharsets.UTF_8);
    }

    /** Text with every run of white space (line breaks of the printout too) as one space. */
    private static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String background(WebElement element) {
        return String.valueOf(browser.script("return getComputedStyle(arguments[0]).backgroundColor;", element));
    }

    private static void assertNoneDisplayed(List<String> selectors, String where) {
        List<String> shown = new ArrayList<>();
        for (String css : selectors) {
            for (WebElement e : browser.findAll(css)) {
                if (e.isDisplayed()) shown.add(css);
            }
        }
        assertEquals(List.of(), shown, "shown on " + where + " though a printout should leave them off");
    }
}
