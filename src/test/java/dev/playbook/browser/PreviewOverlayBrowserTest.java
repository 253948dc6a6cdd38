package dev.playbook.browser;

import dev.playbook.Pipeline;
import dev.playbook.serve.LiveBuild;
import dev.playbook.serve.PreviewServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live preview's error overlay, in a real browser: it speaks the language of the page it covers. */
class PreviewOverlayBrowserTest {
    private static final String PLAYBOOK = """
            playbook: %s
            title: %s
            language: %s
            stages:
              - id: first-call
                title: First call
                tasks: [Call the lead]
                exit_criteria: [The lead confirmed a need.]
            """;

    @TempDir
    Path temp;

    @Test
    void theOverlayOfABrokenEditSpeaksThePagesLanguage() throws Exception {
        Browser.requireInstalled();
        Path source = Files.createDirectories(temp.resolve("process-definitions"));
        Files.writeString(source.resolve("english.yaml"), PLAYBOOK.formatted("english", "Shop sale", "en"));
        Files.writeString(source.resolve("polish.yaml"), PLAYBOOK.formatted("polish", "Sprzedaż w sklepie", "pl"));
        LiveBuild build = new LiveBuild(new Pipeline.Input(source, "process-definitions", null, null, null), "test");
        assertTrue(build.rebuild(true).ok());
        try (PreviewServer server = new PreviewServer(build, "127.0.0.1", 0); Browser browser = Browser.start(temp)) {
            server.start();
            Files.writeString(source.resolve("english.yaml"), "playbook: english\ntitle: [unclosed\n");
            server.announce(build.rebuild(false));

            String polish = overlay(browser, server, "polish/index.html");
            String english = overlay(browser, server, "english/index.html");
            assertTrue(polish.startsWith("Ostatnia zmiana zepsuła budowanie serwisu"), "the Polish page's overlay: " + polish);
            assertTrue(english.startsWith("The last edit broke the build"), "the English page's overlay: " + english);
            assertTrue(polish.contains("english.yaml") && english.contains("english.yaml"),
                    "both name the file with the error, in the build's own words");
        }
    }

    private static String overlay(Browser browser, PreviewServer server, String page) {
        browser.driver.get("http://127.0.0.1:" + server.port() + "/" + page);
        browser.waitUntilLoaded();
        browser.wait("the error overlay on " + page, () -> !browser.findAll("#playbook-errors").isEmpty());
        return browser.find("#playbook-errors").getText();
    }
}
