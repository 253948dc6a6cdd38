package dev.playbook.render;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sitemap.xml and canonical links from {@code base_url}; robots.txt and the noindex meta from {@code robots: noindex}. */
class SearchEnginePublisherTest {
    private static final Path FIXTURES = Path.of("src/test/resources/publishing");
    /** The fixture's base_url, as the author wrote it but for the trailing slash the build adds. */
    private static final String BASE = "https://intranet.example.com/sales&marketing/playbooks/";

    private static Path build(String fixture, Path output) {
        Outcome outcome = Builds.build(FIXTURES.resolve(fixture), fixture, output, null);
        assertTrue(outcome.succeeded(), () -> outcome.diagnostics().sorted() + " " + outcome.failureMessage());
        return output;
    }

    /** Every HTML page of a built site, by its path in the site. */
    private static Map<String, Document> pages(Path site) throws IOException {
        Map<String, Document> pages = new TreeMap<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String path = site.relativize(file).toString().replace('\\', '/');
                pages.put(path, Jsoup.parse(file.toFile(), "UTF-8"));
            }
        }
        return pages;
    }

    /** The address a page is shared by: its folder for an index page. */
    private static String publicUrl(String path) {
        return BASE + (path.equals("index.html") ? "" : path.endsWith("/index.html")
                ? path.substring(0, path.length() - "index.html".length()) : path);
    }

    @Test
    void aSiteWithABaseUrlListsEveryPageInItsSitemapAndNamesItsCanonicalAddress(@TempDir Path temp) throws Exception {
        Path site = build("indexed-elsewhere", temp.resolve("site"));
        Map<String, Document> pages = pages(site);
        assertTrue(pages.size() > 4, pages::toString);

        String sitemap = Files.readString(site.resolve("sitemap.xml"), StandardCharsets.UTF_8);
        assertTrue(sitemap.contains("sales&amp;marketing") && !sitemap.contains("sales&marketing"),
                "the base URL's & must be escaped in XML:\n" + sitemap);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setNamespaceAware(true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(site.resolve("sitemap.xml").toFile());
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", xml.getDocumentElement().getNamespaceURI());
        NodeList locs = xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) listed.add(locs.item(i).getTextContent());

        List<String> expected = pages.keySet().stream().map(SearchEnginePublisherTest::publicUrl).sorted().toList();
        assertEquals(expected, listed.stream().sorted().toList(), "the sitemap lists every page, once");
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            List<Element> canonical = page.getValue().select("head link[rel=canonical]");
            assertEquals(1, canonical.size(), page.getKey());
            assertEquals(publicUrl(page.getKey()), canonical.get(0).attr("href"), page.getKey());
            assertTrue(page.getValue().select("meta[name=robots]").isEmpty(), page.getKey() + " asks for noindex");
            for (Element link : page.getValue().select("a[href]")) {
                assertFalse(link.attr("href").startsWith("https://intranet.example.com"),
                        page.getKey() + ": links stay relative: " + link);
            }
        }
        assertFalse(Files.exists(site.resolve("robots.txt")), "robots.txt only where indexing is refused");
    }

    @Test
    void anIntranetSiteTurnsSearchEnginesAwayOnEveryPage(@TempDir Path temp) throws Exception {
        Path site = build("intranet", temp.resolve("site"));
        assertEquals("User-agent: *\nDisallow: /\n", Files.readString(site.resolve("robots.txt"), StandardCharsets.UTF_8));
        Map<String, Document> pages = pages(site);
        assertTrue(pages.size() > 4, pages::toString);
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            List<Element> robots = page.getValue().select("head meta[name=robots]");
            assertEquals(1, robots.size(), page.getKey());
            assertEquals("noindex", robots.get(0).attr("content"), page.getKey());
            assertTrue(page.getValue().select("link[rel=canonical]").isEmpty(), page.getKey() + ": no base_url, no canonical");
        }
        assertFalse(Files.exists(site.resolve("sitemap.xml")), "no base_url, no sitemap");
    }
}
