package dev.playbook.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pages as a reader meets them, read with jsoup from sites built from fixtures under
 * {@code src/test/resources/views/}: the site's title and footer in each page's language.
 * The expected words are read from the fixture's YAML with a YAML library of their own, not
 * through Playbook's loader.
 */
class ReaderPagesTest {
    static final Path FIXTURES = Path.of("src/test/resources/views");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void siteTitleAndFooterFollowEachPagesLanguage(@TempDir Path temp) throws IOException {
        Path source = FIXTURES.resolve("per-language-site");
        JsonNode settings = YAML.readTree(source.resolve("site.yaml").toFile());
        String polishFooter = settings.at("/footer/pl").asText().strip();
        Path out = temp.resolve("site");
        ViewPagesTest.build(source, out);

        Document english = ViewPagesTest.parse(out.resolve("shop/index.html"));
        assertEquals("en", english.select("html").attr("lang"));
        assertEquals(settings.at("/title/en").asText(), english.selectFirst(".brand").text(), "the English page's site title");
        assertEquals(true, english.title().endsWith(settings.at("/title/en").asText()), "the English page's <title>: " + english.title());
        // no English footer: the site's own language stands in
        assertEquals(polishFooter, english.selectFirst(".footer-text").text(), "the English page falls back to the site's footer");

        for (String page : new String[]{"sklep/index.html", "index.html", "audit.html"}) {
            Document polish = ViewPagesTest.parse(out.resolve(page));
            assertEquals("pl", polish.select("html").attr("lang"), page);
            assertEquals(settings.at("/title/pl").asText(), polish.selectFirst(".brand").text(), page + ": the site title");
            assertEquals(polishFooter, polish.selectFirst(".footer-text").text(), page + ": the footer");
        }
        assertEquals(settings.at("/title/pl").asText(), ViewPagesTest.parse(out.resolve("index.html")).selectFirst("h1").text(),
                "the home page's heading is the title in the site's language");
    }
}
