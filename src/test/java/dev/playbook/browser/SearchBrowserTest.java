package dev.playbook.browser;

import dev.playbook.model.ExitCriterion;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;
import dev.playbook.model.Task;
import dev.playbook.model.Track;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search box of every page, used from a stage page opened from disk. */
@ExtendWith(SharedSite.class)
class SearchBrowserTest {
    static Browser browser;
    static ExampleSite site;

    /** A task, where it lives, and the words typed to find it. */
    record Target(Playbook playbook, Stage stage, Task task, String query) {
    }

    @BeforeAll
    static void start(ExampleSite shared, Browser sharedBrowser) {
        site = shared;
        browser = sharedBrowser;
    }

    @BeforeEach
    void installed() {
        Browser.requireInstalled();
    }

    @Test
    void typingPartOfATaskTitleOffersALinkToItsStagePageAndTheKeyboardFollowsIt() {
        Target target = findTarget(false);
        assertNotNull(target, "no task of the examples has a title that a few of its words single out");
        Path from = startingPage(target);
        WebElement input = typeInto(from, target.query());

        Path expectedPage = site.stagePage(target.playbook(), target.stage()).toAbsolutePath().normalize();
        String expectedId = "task-" + target.task().id();
        browser.wait("a search hit for `" + target.query() + "`", () -> !browser.findAll(".search-hit").isEmpty());
        waitForTheWholeIndex();
        List<WebElement> hits = browser.findAll(".search-hit");
        WebElement hit = hits.stream().filter(h -> leadsTo(h.getDomProperty("href"), expectedPage, expectedId)).findFirst()
                .orElse(null);
        assertNotNull(hit, "typing `" + target.query() + "` on " + site.root().relativize(from) + " offers no .search-hit to "
                + site.root().relativize(expectedPage) + "#" + expectedId + "; hits: "
                + hits.stream().map(h -> h.getDomProperty("href")).toList());
        assertTrue(hit.getText().contains(target.task().title()), "the hit should show the task's title; it shows: " + hit.getText());

        input.sendKeys(Keys.ARROW_DOWN);
        WebElement focused = browser.driver.switchTo().activeElement();
        assertEquals(hits.get(0), focused, "ArrowDown in the search box should focus the first hit");
        // walk down to the task's hit, then follow it with Enter
        for (int i = 0; i < hits.size() && !focused.equals(hit); i++) {
            focused.sendKeys(Keys.ARROW_DOWN);
            focused = browser.driver.switchTo().activeElement();
        }
        assertEquals(hit, focused, "ArrowDown should reach every hit in turn");
        focused.sendKeys(Keys.ENTER);

        browser.wait("the task's stage page to open", () -> pageOf(browser.driver.getCurrentUrl()).equals(expectedPage));
        browser.waitUntilLoaded();
        URI now = URI.create(browser.driver.getCurrentUrl());
        assertEquals(expectedId, now.getFragment(), "the page opened without the task's anchor");
        Object element = browser.script("return document.getElementById(arguments[0]);", expectedId);
        assertNotNull(element, "the opened page has no element with id `" + expectedId + "`");
        assertTrue(((WebElement) element).getText().contains(target.task().title()),
                "the element #" + expectedId + " does not show the task's title");
        browser.assertNoPageErrors("the page the search led to");
    }

    @Test
    void clickingAHitOpensIt() {
        Target target = findTarget(false);
        assertNotNull(target);
        typeInto(site.file("index.html"), target.query());
        Path expectedPage = site.stagePage(target.playbook(), target.stage()).toAbsolutePath().normalize();
        String expectedId = "task-" + target.task().id();
        browser.wait("a search hit", () -> browser.findAll(".search-hit").stream()
                .anyMatch(h -> leadsTo(h.getDomProperty("href"), expectedPage, expectedId)));
        waitForTheWholeIndex();
        browser.findAll(".search-hit").stream().filter(h -> leadsTo(h.getDomProperty("href"), expectedPage, expectedId))
                .findFirst().orElseThrow().click();
        browser.wait("the task's stage page to open", () -> pageOf(browser.driver.getCurrentUrl()).equals(expectedPage));
        browser.waitUntilLoaded();
        assertNotNull(browser.script("return document.getElementById(arguments[0]);", expectedId));
        browser.assertNoPageErrors("the page the search led to");
    }

    @Test
    void theSameHitsAreNotDrawnAgainUnderTheReadersPointer() {
        Target target = findTarget(false);
        assertNotNull(target);
        WebElement input = typeInto(site.file("index.html"), target.query());
        browser.wait("a search hit", () -> !browser.findAll(".search-hit").isEmpty());
        waitForTheWholeIndex();
        WebElement first = browser.findAll(".search-hit").get(0);
        // what the page does when a part of the index lands or the reader types and deletes a letter
        browser.script("arguments[0].dispatchEvent(new Event('input'));", input);
        assertTrue(attached(first),
                "the same hits were drawn again, so a click on the old link can be lost");
        input.sendKeys("zzqqxx");
        browser.wait("the hits to change", () -> browser.findAll(".search-hit").isEmpty());
        assertFalse(attached(first),
                "other hits should replace the list");
        browser.assertNoPageErrors("the search");
    }

    @Test
    void searchIgnoresCaseAndPolishDiacritics() {
        Target target = findTarget(true);
        Assumptions.assumeTrue(target != null, "no task title of the examples has Polish letters");
        String typed = fold(target.query()).toUpperCase(Locale.ROOT);
        typeInto(startingPage(target), typed);
        Path expectedPage = site.stagePage(target.playbook(), target.stage()).toAbsolutePath().normalize();
        String expectedId = "task-" + target.task().id();
        browser.wait("a hit for `" + typed + "` leading to " + expectedId, () -> browser.findAll(".search-hit").stream()
                .anyMatch(h -> leadsTo(h.getDomProperty("href"), expectedPage, expectedId)));
        browser.assertNoPageErrors("the search");
    }

    @Test
    void aQueryWithNoMatchSaysSo() {
        WebElement input = typeInto(site.file("audit.html"), "zzqqxx");
        browser.wait("the search results to open", () -> browser.find("#search-results").isDisplayed());
        assertTrue(browser.findAll(".search-hit").isEmpty());
        assertFalse(browser.find("#search-results").getText().isBlank(), "an empty result should say nothing was found");
        input.sendKeys(Keys.ESCAPE);
        assertFalse(browser.find("#search-results").isDisplayed(), "Escape should close the results");
        browser.assertNoPageErrors("the search");
    }

    @Test
    void aThemeWithTheSearchFormInThePageAsItStandsStillSearches(@TempDir Path temp) throws java.io.IOException {
        // a theme's own layout.ftlh from before the form was held in a <template>: the form is in the page
        String home = java.nio.file.Files.readString(site.file("index.html"));
        java.util.regex.Matcher held = java.util.regex.Pattern
                .compile("<div class=\"search-slot\">\\s*<template>(.*?)</template>\\s*</div>", java.util.regex.Pattern.DOTALL)
                .matcher(home);
        assertTrue(held.find(), "the home page holds its search form in a template inside .search-slot");
        String form = held.group(1).replace("<form class=\"search\"", "<form class=\"search\" hidden");
        String base = "<base href=\"" + site.root().toAbsolutePath().toUri() + "\">";
        String page = home.substring(0, held.start()) + form + home.substring(held.end());
        page = page.replaceFirst("<head>", java.util.regex.Matcher.quoteReplacement("<head>" + base));
        Path file = temp.resolve("old-theme.html");
        java.nio.file.Files.writeString(file, page);

        Target target = findTarget(false);
        assertNotNull(target);
        typeInto(file, target.query());
        browser.wait("a search hit for `" + target.query() + "` on a page with its form in place",
                () -> !browser.findAll(".search-hit").isEmpty());
        browser.assertNoPageErrors("a theme's own search form");
    }

    // ---------------------------------------------------------------------------------------------

    /** Opens the page and types into its search box, which shows once the page's script has run. */
    private static WebElement typeInto(Path page, String typed) {
        browser.open(page);
        WebElement input = browser.find("#search-input");
        browser.wait("the search box to appear", input::isDisplayed);
        input.sendKeys(typed);
        return input;
    }

    private static boolean attached(WebElement element) {
        try {
            return Boolean.TRUE.equals(browser.script("return arguments[0].isConnected;", element));
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    /** The index arrives in parts, and the list may be drawn again as each one lands; after the last it stays. */
    private static void waitForTheWholeIndex() {
        browser.wait("every part of the search index to arrive",
                () -> "false".equals(browser.find("#search-results").getDomAttribute("aria-busy")));
    }

    /** The page a test searches from: another stage of the same playbook, so following the hit changes page. */
    private static Path startingPage(Target target) {
        Playbook pb = target.playbook();
        Stage from = pb.allStages().stream().filter(s -> s != target.stage()).findFirst().orElse(target.stage());
        return site.stagePage(pb, from);
    }

    /**
     * A task whose title holds a run of two or three words that no other title of the site (playbook,
     * stage, task, exit criterion) holds all of: typed, its hit ranks first among the titles.
     */
    private static Target findTarget(boolean withPolishLetters) {
        List<String> titles = new ArrayList<>();
        for (Playbook pb : site.model().playbooks()) {
            titles.add(pb.title());
            for (Track t : pb.tracks()) titles.add(t.title());
            for (Stage s : pb.allStages()) {
                titles.add(s.title());
                for (Task t : s.tasks()) titles.add(t.title());
                for (ExitCriterion c : s.exitCriteria()) titles.add(c.text().source());
            }
        }
        List<String> folded = titles.stream().map(SearchBrowserTest::fold).toList();
        for (Playbook pb : site.model().playbooks()) {
            for (Stage stage : pb.allStages()) {
                for (Task task : stage.tasks()) {
                    if (withPolishLetters && fold(task.title()).equals(task.title().toLowerCase(Locale.ROOT))) continue;
                    String[] words = task.title().split("\\s+");
                    for (int length = 2; length <= 3; length++) {
                        for (int start = 1; start + length <= words.length; start++) { // never the whole title
                            String query = String.join(" ", Arrays.copyOfRange(words, start, start + length));
                            if (query.length() < 8) continue;
                            if (withPolishLetters && fold(query).equals(query.toLowerCase(Locale.ROOT))) continue;
                            List<String> terms = Arrays.asList(fold(query).split("\\s+"));
                            long holders = folded.stream().filter(t -> terms.stream().allMatch(t::contains)).count();
                            if (holders == 1) return new Target(pb, stage, task, query);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Lower case without diacritics, ł as l: how the search compares words. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ł', 'l');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static boolean leadsTo(String href, Path page, String fragment) {
        if (href == null || !href.startsWith("file:")) return false;
        URI uri = URI.create(href);
        return pageOf(href).equals(page) && fragment.equals(uri.getFragment());
    }

    private static Path pageOf(String url) {
        try {
            URI uri = URI.create(url);
            return Path.of(new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, null)).toAbsolutePath().normalize();
        } catch (Exception e) {
            return Path.of("/nowhere");
        }
    }
}
