package dev.playbook.browser;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every page of the example site, opened from disk one after another in one browser: none logs an
 * error or has a request fail, and every link and anchor on it leads somewhere that exists.
 */
@ExtendWith(SharedSite.class)
class BrowserSweepTest {
    /** Links that leave the site: not checked. */
    static final Set<String> EXTERNAL_SCHEMES = Set.of("http", "https", "mailto", "tel");

    @TempDir
    static Path temp;

    static Browser browser;
    static ExampleSite site;
    static NetworkWatch network;
    /** What the sweep saw on each page, in the order visited; made by the first test that needs it. */
    static Map<Path, Visit> visits;

    /** One page as the browser showed it: what went wrong, the links on it and the ids in it. */
    record Visit(List<String> errors, Set<String> links, Set<String> ids) {
    }

    @BeforeAll
    static void start(ExampleSite shared, Browser sharedBrowser) {
        site = shared;
        browser = sharedBrowser;
        if (browser != null) network = NetworkWatch.start(browser, temp);
    }

    @AfterAll
    static void stop() {
        if (network != null) network.close();
    }

    @BeforeEach
    void installed() {
        Browser.requireInstalled();
    }

    @Test
    void everyPageRunsWithoutAConsoleErrorOrAFailedRequest() {
        List<String> problems = new ArrayList<>();
        sweep().forEach((page, visit) -> visit.errors().forEach(e -> problems.add(name(page) + ": " + e)));
        if (!problems.isEmpty()) fail(problems.size() + " error(s) or failed request(s):\n  " + String.join("\n  ", problems));
    }

    @Test
    void everyLinkAndAnchorResolves() {
        Map<Path, Visit> visits = sweep();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<Path, Visit> entry : visits.entrySet()) {
            for (String href : entry.getValue().links()) {
                checked++;
                String problem = brokenLink(site.root(), entry.getKey(), href, visits);
                if (problem != null) broken.add(name(entry.getKey()) + ": <a href=\"" + href + "\"> " + problem);
            }
        }
        assertTrue(checked > visits.size(), "the sweep found almost no links (" + checked + " on " + visits.size() + " pages)");
        System.out.println("checked " + checked + " links on " + visits.size() + " pages");
        if (!broken.isEmpty()) fail(broken.size() + " broken link(s) or anchor(s):\n  " + String.join("\n  ", broken));
    }

    @Test
    void theSweepNoticesABrokenPage() throws IOException {
        // guards the checks above against passing because they see nothing
        sweep(); // the site's own pages first, so this page's failures are not counted among theirs
        Path folder = Files.createDirectories(temp.resolve("broken"));
        Path target = folder.resolve("target.html");
        Files.writeString(target, "<!DOCTYPE html><html><head><title>t</title></head><body><p id=\"here\">t</p></body></html>");
        Path broken = folder.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><head><title>b</title>"
                + "<style>body { background: url(missing-background.png); }</style></head><body>"
                + "<a href=\"target.html#here\">fine</a> <a href=\"#top-of-nothing\">no such id here</a>"
                + " <a href=\"target.html#nowhere\">no such id there</a> <a href=\"missing.html\">no such page</a>"
                + " <a href=\"https://example.org/\">outside</a>"
                + "<script>var x = new XMLHttpRequest(); x.open('GET', 'missing-data.json'); x.onerror = function () {}; x.send();</script>"
                + "</body></html>");
        Map<Path, Visit> visits = new LinkedHashMap<>();
        visits.put(broken, visit(broken, null));
        visits.put(target, visit(target, null));

        List<String> errors = visits.get(broken).errors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("missing-background.png")), "a failed CSS load was not caught: " + errors);
        assertTrue(errors.stream().anyMatch(e -> e.contains("missing-data.json")), "a failed XMLHttpRequest was not caught: " + errors);
        assertTrue(brokenLink(folder, broken, "target.html#here", visits) == null, "a good link was taken for broken");
        assertTrue(brokenLink(folder, broken, "https://example.org/", visits) == null, "a link out of the site was checked");
        assertFalse(brokenLink(folder, broken, "#top-of-nothing", visits) == null, "a link to a missing id on the page was not caught");
        assertFalse(brokenLink(folder, broken, "target.html#nowhere", visits) == null, "a link to a missing id on another page was not caught");
        assertFalse(brokenLink(folder, broken, "missing.html", visits) == null, "a link to a missing page was not caught");
    }

    // ---------------------------------------------------------------------------------------------

    /** Opens every page of the site once, in one browser, and keeps what it saw. */
    static synchronized Map<Path, Visit> sweep() {
        if (visits != null) return visits;
        List<Path> pages = site.htmlFiles();
        assertFalse(pages.isEmpty(), "the example site has no pages");
        Map<Path, Visit> seen = new LinkedHashMap<>();
        Set<Path> searchedFrom = new HashSet<>();
        network.drain();
        for (Path page : pages) seen.put(page, visit(page, searchedFrom));
        List<String> late = network.drain();
        if (!late.isEmpty()) {
            Path last = pages.get(pages.size() - 1);
            List<String> errors = new ArrayList<>(seen.get(last).errors());
            late.forEach(e -> errors.add("(reported after the sweep) " + e));
            seen.put(last, new Visit(errors, seen.get(last).links(), seen.get(last).ids()));
        }
        visits = seen;
        return visits;
    }

    /**
     * Opens one page and takes what went wrong on it and its links and ids, as rendered and as
     * written (links inside noscript, say, are in the file but not in the rendered page).
     *
     * @param searchedFrom folders from which the search (whose index loads on first use) has been tried; null: no search
     */
    @SuppressWarnings("unchecked")
    static Visit visit(Path page, Set<Path> searchedFrom) {
        browser.open(page);
        if (searchedFrom != null && searchedFrom.add(page.getParent())) {
            List<WebElement> inputs = browser.findAll("#search-input");
            if (!inputs.isEmpty() && inputs.get(0).isDisplayed()) {
                inputs.get(0).sendKeys("a");
                browser.wait("the search to answer on " + name(page), () -> browser.find("#search-results").isDisplayed());
            }
        }
        Set<String> links = new LinkedHashSet<>((List<String>) browser.script(
                "return Array.prototype.map.call(document.querySelectorAll('a[href], area[href]'), function (a) { return a.getAttribute('href'); });"));
        Set<String> ids = new HashSet<>((List<String>) browser.script(
                "return Array.prototype.map.call(document.querySelectorAll('[id]'), function (e) { return e.id; });"));
        try {
            Document written = Jsoup.parse(page.toFile(), StandardCharsets.UTF_8.name());
            for (Element a : written.select("a[href], area[href]")) links.add(a.attr("href"));
            for (Element e : written.select("[id]")) ids.add(e.id());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // a request still under way when the page is read is counted here, not on the next page
        network.settle();
        List<String> errors = new ArrayList<>(browser.pageErrors());
        errors.addAll(network.drain());
        return new Visit(errors, links, ids);
    }

    /**
     * Why a link of the page does not resolve, or null where it does (or leaves the site).
     *
     * @param root the folder of the site: a link must stay inside it
     */
    static String brokenLink(Path root, Path page, String href, Map<Path, Visit> visits) {
        String h = href.trim();
        URI ref;
        try {
            ref = new URI(h);
        } catch (URISyntaxException e) {
            return "is not a valid URL: " + e.getMessage();
        }
        if (ref.getScheme() != null) {
            if (EXTERNAL_SCHEMES.contains(ref.getScheme().toLowerCase(Locale.ROOT))) return null;
            return "is an absolute " + ref.getScheme() + ": URL, not a link within the site";
        }
        if (h.startsWith("/")) return "starts at the root of the disk (/), not at the page";
        URI uri = page.toUri().resolve(ref);
        Path target;
        try {
            target = Path.of(new URI("file", null, uri.getPath(), null)).normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "cannot be resolved to a file: " + e.getMessage();
        }
        if (!target.startsWith(root)) return "leads out of the site, to " + target;
        if (Files.isDirectory(target)) {
            return "leads to the folder " + name(target) + ", which a browser opening the site from disk does not turn into its index.html";
        }
        if (!Files.isRegularFile(target)) return "leads to " + name(target) + ", which does not exist";
        String fragment = uri.getFragment();
        if (fragment == null || fragment.isEmpty()) return null;
        Visit there = visits.get(target);
        if (there == null) {
            return target.getFileName().toString().endsWith(".html")
                    ? "leads to " + name(target) + ", which the sweep never opened"
                    : null; // a fragment of another kind of file (an SVG view, a PDF page) is not an id
        }
        if (!there.ids().contains(fragment)) return "has no element with id=\"" + fragment + "\" in " + name(target);
        return null;
    }

    private static String name(Path file) {
        if (site != null && file.startsWith(site.root())) return site.root().relativize(file).toString().replace('\\', '/');
        return file.getFileName().toString();
    }
}
