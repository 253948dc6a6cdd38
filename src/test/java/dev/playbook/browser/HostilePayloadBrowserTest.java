package dev.playbook.browser;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.testing.DiagnosticSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile corpus built into a site and opened in a real browser: every payload in it sets
 * {@code window.__pwned} if it ever runs, so after every page has loaded (and its search has been
 * used) the flag must still be undefined, and no request may have left the disk.
 */
class HostilePayloadBrowserTest {
    @TempDir
    static Path temp;
    private static Browser browser;
    private static NetworkWatch network;

    @BeforeAll
    static void start() {
        Browser.requireInstalled();
        browser = Browser.start(temp.resolve("browser"));
        network = NetworkWatch.start(browser, temp);
    }

    @AfterAll
    static void stop() {
        try {
            if (network != null) network.close();
        } finally {
            if (browser != null) browser.close();
        }
    }

    private static List<Path> built(String corpus) throws Exception {
        Path out = temp.resolve(corpus + "-site");
        Outcome report = Builds.build(
                DiagnosticSpec.resource("hostile/" + corpus), corpus, out, null);
        assertTrue(report.succeeded(), () -> corpus + ": " + report.diagnostics().sorted() + " " + report.failureMessage());
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** What the pages asked for that is not a file on the disk, from the {@code first}-th request the watch saw on. */
    private static List<String> requestsOutside(int first) {
        List<String> requested = network.requested();
        return requested.subList(first, requested.size()).stream().filter(url -> !url.startsWith("file:")).toList();
    }

    @Test
    void theCheckNoticesAPayloadThatRuns() throws Exception {
        Path bad = temp.resolve("guard.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=\"en\"><head><title>g</title></head><body>"
                + "<img src=\"missing.png\" alt=\"\" onerror=\"window.__pwned=1\"></body></html>");
        browser.open(bad);
        browser.wait("the payload", () -> "1".equals(String.valueOf(browser.script("return String(window.__pwned);"))));
    }

    @Test
    void theCheckNoticesARequestThatLeavesTheDisk() throws Exception {
        // port 9 (discard) on the loopback: the browser refuses it, but only after reporting the request
        String outside = "http://127.0.0.1:9/beacon.png";
        Path bad = temp.resolve("guard-request.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=\"en\"><head><title>g</title></head><body>"
                + "<img src=\"" + outside + "\" alt=\"\"></body></html>");
        int first = network.requested().size();
        browser.open(bad);
        network.settle();
        assertTrue(requestsOutside(first).contains(outside), "the request to " + outside + " was not seen: " + network.requested());
    }

    @Test
    void noPayloadRunsAndNothingIsFetchedFromOutside() throws Exception {
        int first = network.requested().size(); // not the guards' requests
        List<String> ran = new ArrayList<>();
        int pages = 0;
        for (String corpus : List.of("payloads", "freemarker")) {
            for (Path page : built(corpus)) {
                pages++;
                browser.open(page);
                // the held drawings (the swimlanes, the overview's picture) are put in as the reader nears them
                browser.scrollThrough();
                assertTrue(browser.findAll("[data-picture]").isEmpty(), temp.relativize(page) + ": a held drawing was not put in");
                // the search builds its results from the index: feed it the payloads' own words
                browser.find("#search-input").sendKeys("img");
                browser.find("#search-input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "script");
                Object flag = browser.script("return typeof window.__pwned === 'undefined' ? 'no' : String(window.__pwned);");
                if (!"no".equals(flag)) ran.add(temp.relativize(page) + ": window.__pwned = " + flag);
                network.settle();
            }
        }
        assertTrue(pages > 10, "the corpus builds real pages");
        assertEquals(List.of(), ran, "a payload ran");
        assertEquals(List.of(), requestsOutside(first), "a page asked for something outside the site");
    }
}
