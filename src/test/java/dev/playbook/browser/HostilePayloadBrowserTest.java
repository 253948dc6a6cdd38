package dev.playbook.browser;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.testing.DiagnosticSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        Browser.requireInstalled();
        browser = Browser.start(temp.resolve("browser"));
        DevTools devTools = browser.driver.getDevTools();
        devTools.createSessionIfThereIsNotOne();
        @SuppressWarnings("unchecked")
        Event<Map<String, Object>> sent = new Event<>("Network.requestWillBeSent", in -> (Map<String, Object>) in.read(Map.class));
        devTools.addListener(sent, e -> {
            if (e.get("request") instanceof Map<?, ?> r) {
                String url = String.valueOf(r.get("url"));
                if (!url.startsWith("file:")) requests.add(url);
            }
        });
        devTools.send(new Command<>("Network.enable", Map.of()));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
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

    @Test
    void theCheckNoticesAPayloadThatRuns() throws Exception {
        Path bad = temp.resolve("guard.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=\"en\"><head><title>g</title></head><body>"
                + "<img src=\"missing.png\" alt=\"\" onerror=\"window.__pwned=1\"></body></html>");
        browser.open(bad);
        browser.wait("the payload", () -> "1".equals(String.valueOf(browser.script("return String(window.__pwned);"))));
    }

    @Test
    void noPayloadRunsAndNothingIsFetchedFromOutside() throws Exception {
        List<String> ran = new ArrayList<>();
        int pages = 0;
        for (String corpus : List.of("payloads", "freemarker")) {
            for (Path page : built(corpus)) {
                pages++;
                browser.open(page);
                // the search builds its results from the index: feed it the payloads' own words
                browser.find("#search-input").sendKeys("img");
                browser.find("#search-input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "script");
                Object flag = browser.script("return typeof window.__pwned === 'undefined' ? 'no' : String(window.__pwned);");
                if (!"no".equals(flag)) ran.add(temp.relativize(page) + ": window.__pwned = " + flag);
            }
        }
        assertTrue(pages > 10, "the corpus builds real pages");
        assertEquals(List.of(), ran, "a payload ran");
        assertEquals(List.of(), requests, "a page asked for something outside the site");
    }
}
