package dev.playbook.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.bidi.module.Script;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One headless Chromium for a test class: Debian's {@code /usr/bin/chromium} driven through
 * {@code /usr/bin/chromedriver}, both named explicitly so Selenium Manager never downloads anything.
 * Every page it opens collects its script errors, failed loads and {@code console.error} calls,
 * so a test can check that a page ran cleanly.
 *
 * <p>Where the browser or its driver is missing, the tests that need it are skipped, except in
 * CI (environment variable {@code CI=true}), where that is a failure: CI installs both.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PLAYBOOK_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("PLAYBOOK_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(10);

    /** Runs before any script of every page: keeps what went wrong in {@code window.__playbookErrors}. */
    private static final String ERROR_COLLECTOR = """
            (function () {
              if (window.__playbookErrors) return;
              var errors = window.__playbookErrors = [];
              window.addEventListener("error", function (e) {
                var t = e.target;
                if (t && t !== window && (t.src || t.href)) errors.push("failed to load " + (t.src || t.href));
                else errors.push((e.message || "error") + " at " + e.filename + ":" + e.lineno + ":" + e.colno);
              }, true);
              window.addEventListener("unhandledrejection", function (e) {
                errors.push("unhandled promise rejection: " + (e.reason && e.reason.stack || e.reason));
              });
              var original = console.error;
              console.error = function () {
                errors.push("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
                return original.apply(console, arguments);
              };
            })();
            """;

    final ChromeDriver driver;
    private final Path profile;
    private final boolean javascript;

    private Browser(ChromeDriver driver, Path profile, boolean javascript) {
        this.driver = driver;
        this.profile = profile;
        this.javascript = javascript;
    }

    /** A browser that runs the pages' script. */
    static Browser start(Path workFolder) {
        return start(workFolder, true);
    }

    /**
     * @param workFolder a folder of the test's own for the browser's profile and temporary files
     * @param javascript false for a browser with JavaScript switched off, as some readers have it
     */
    static Browser start(Path workFolder, boolean javascript) {
        requireInstalled();
        Path profile;
        Path tmp;
        try {
            profile = Files.createDirectories(workFolder.resolve("chromium-profile"));
            tmp = Files.createDirectories(workFolder.resolve("chromium-tmp"));
            Files.createDirectories(downloads(workFolder));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the browser's folders in " + workFolder, e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--window-size=1280,900",
                "--allow-file-access-from-files", "--user-data-dir=" + profile.toAbsolutePath());
        Map<String, Object> prefs = new HashMap<>();
        // a file the page offers for download lands in the test's own folder, without asking
        prefs.put("download.default_directory", downloads(workFolder).toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        if (!javascript) prefs.put("profile.managed_default_content_settings.javascript", 2);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // WebDriver BiDi: the W3C protocol for events (NetworkWatch) and preload scripts, which
        // ChromeDriver speaks for every Chromium version, unlike Selenium's per-major DevTools bindings
        options.setCapability("webSocketUrl", true);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                // the browser's own temporary files stay in the test's folder
                .withEnvironment(Map.of("TMPDIR", tmp.toAbsolutePath().toString()))
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (WebDriverException e) {
            service.stop();
            throw new IllegalStateException("cannot start " + CHROMIUM + " through " + CHROMEDRIVER + ": " + e.getMessage(), e);
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        if (javascript) {
            try (Script script = new Script(driver)) {
                script.addPreloadScript("() => {" + ERROR_COLLECTOR + "}");
            }
        }
        return new Browser(driver, profile, javascript);
    }

    /** Where files the pages offer for download are saved. */
    static Path downloads(Path workFolder) {
        return workFolder.resolve("downloads");
    }

    /**
     * True where the browser and its driver are installed. Where they are not: false outside CI
     * (the tests then skip, see {@link #requireInstalled()}), and a failure in CI ({@code CI=true}).
     */
    static boolean available() {
        String missing = missing();
        if (missing == null) return true;
        if ("true".equals(System.getenv("CI"))) fail("CI=true but " + missing);
        return false;
    }

    /** Skips the test where the browser is not installed, or fails it in CI. */
    static void requireInstalled() {
        if (!available()) Assumptions.abort(missing());
    }

    private static String missing() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) missing.add("Chromium (" + CHROMIUM + ")");
        if (!Files.isExecutable(CHROMEDRIVER)) missing.add("ChromeDriver (" + CHROMEDRIVER + ")");
        if (missing.isEmpty()) return null;
        return "the browser tests need " + String.join(" and ", missing)
                + "; install them with `apt-get install chromium chromium-driver` (.ci/run does this in CI)";
    }

    /** Opens a file of the built site as a file:// URL and waits until it has loaded. */
    void open(Path file) {
        driver.get(file.toAbsolutePath().toUri().toString());
        waitUntilLoaded();
    }

    void reload() {
        driver.navigate().refresh();
        waitUntilLoaded();
    }

    void waitUntilLoaded() {
        if (!javascript) return;
        // ...and has started: the script puts the search form in a task of its own, after the page's end
        wait("the page to load", () -> Boolean.TRUE.equals(script(
                "return document.readyState === 'complete' && !document.querySelector('.search-slot > template');")));
    }

    /**
     * Scrolls the page down half a screen at a time, as a reader would, and back to the top: what the
     * page draws or puts in only as the reader nears it is then in, at its real size.
     */
    void scrollThrough() {
        if (!javascript) return;
        ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1], steps = 0;
                var afterFrames = function (then) { requestAnimationFrame(function () { requestAnimationFrame(then); }); };
                var step = function () {
                  var atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
                  if (atEnd || ++steps > 400) {
                    window.scrollTo(0, 0);
                    afterFrames(done);
                    return;
                  }
                  window.scrollBy(0, Math.max(100, window.innerHeight / 2));
                  afterFrames(step);
                };
                window.scrollTo(0, 0);
                afterFrames(step);""");
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void wait(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT, Duration.ofMillis(50)).withMessage("waited " + WAIT.toSeconds() + " s for " + what)
                // a script may draw an element again while the condition looks at it: look again
                .ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** What went wrong on the page open now: script errors, failed loads, console errors. */
    @SuppressWarnings("unchecked")
    List<String> pageErrors() {
        List<String> errors = new ArrayList<>();
        if (javascript) {
            Object collected = script("return window.__playbookErrors ? window.__playbookErrors.slice() : ['the error collector did not run'];");
            if (collected instanceof List<?> list) list.forEach(e -> errors.add(String.valueOf(e)));
        }
        try {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add("console: " + entry.getMessage());
            }
        } catch (WebDriverException | UnsupportedOperationException e) {
            // this driver keeps no browser log; the collector above still reports script errors
        }
        return errors;
    }

    void assertNoPageErrors(String where) {
        assertEquals(List.of(), pageErrors(), "errors on " + where + " (" + driver.getCurrentUrl() + ")");
    }

    /**
     * Lets the page's CSS see "print" (or the screen again, with an empty media). BiDi cannot emulate
     * media yet; ChromeDriver passes this one DevTools command through as it stands, so it needs none
     * of Selenium's DevTools bindings and works whatever the browser's version.
     */
    void emulateMedia(String media) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
    }

    @Override
    public void close() {
        List<ProcessHandle> processes = processesUsing(profile);
        try {
            driver.quit();
        } finally {
            // the browser may still write to its profile for a moment after quit() returns
            awaitExit(processes);
            deleteQuietly(profile);
        }
    }

    /** The browser's processes: this JVM's descendants whose command line names the profile, and theirs. */
    private static List<ProcessHandle> processesUsing(Path profile) {
        String folder = profile.toAbsolutePath().toString();
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(line -> line.contains(folder)).orElse(false))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .distinct()
                .toList();
    }

    private static void awaitExit(List<ProcessHandle> processes) {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a process that outlives the wait keeps its files; the test's temporary folder goes anyway
        }
    }

    /** Leaves to JUnit, which removes the test's temporary folder, what cannot be removed now. */
    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            // see above
        }
    }
}
