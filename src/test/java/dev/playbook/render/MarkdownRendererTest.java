package dev.playbook.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Execution(ExecutionMode.CONCURRENT)
class MarkdownRendererTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void tablesTaskListsAndAutolinksWork() {
        String html = markdown.block("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] open\n- [x] done\n\nsee https://example.com/x\n");
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<span class=\"task-box\" aria-hidden=\"true\">&#9744;</span> open"), html);
        assertTrue(html.contains("&#9745;</span> done"), html);
        assertFalse(html.contains("<input"), "a to-do in text is not a form control: " + html);
        assertTrue(html.contains("href=\"https://example.com/x\""), html);
    }

    @Test
    void taskListItemsAreMarkedSoTheirBoxTakesTheBulletsPlace() {
        Document doc = Jsoup.parseBodyFragment(
                markdown.block("- [ ] Budget\n- [x] Authority\n- a plain point\n\n* one\n* two\n"));
        Elements lists = doc.select("ul");
        assertEquals(2, lists.size(), doc.html());
        assertEquals("contains-task-list", lists.get(0).className(), "the list with to-dos: " + doc.html());
        assertEquals(List.of("task-list-item", "task-list-item", ""),
                    lists.get(0).children().stream().map(Element::className).toList(),
                "only the to-dos lose their bullet: " + doc.html());
        assertEquals("", lists.get(1).className(), "a list without to-dos keeps its bullets: " + doc.html());
    }

    @Test
    void rawHtmlIsShownAsTextAndUnsafeLinksLoseTheirTarget() {
        String html = markdown.block("<script>alert(1)</script> [x](javascript:alert) [y](JavaScript:void) "
                + "<img src=x onerror=alert(3)>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.toLowerCase().contains("href=\"javascript"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void linksAndImagesThatCouldRunCodeKeepOnlyTheirWords() {
        String html = markdown.block("[a](data:text/html;base64,PHNjcmlwdD4=) [b](JAVA\tscript:x) ![c](javascript:x) "
                + "[d](https://example.com/) [e](stages/x.html) ![f](img/f.png)");
        assertFalse(html.contains("data:"), html);
        assertFalse(html.toLowerCase().matches("(?s).*(href|src)=\"[^\"]*script:.*"), html);
        assertFalse(html.contains("src=\"\""), "no empty image: " + html);
        assertTrue(html.startsWith("<p>a "), "the link text stays: " + html);
        assertTrue(html.contains("c"), html);
        assertTrue(html.contains("href=\"https://example.com/\""), html);
        assertTrue(html.contains("href=\"stages/x.html\""), html);
        assertTrue(html.contains("src=\"img/f.png\""), html);
    }

    /** Phone numbers are written with spaces; the spaces go into the address percent-encoded. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "[call](tel:+48 600 000 000)        | <p><a rel=\"nofollow\" href=\"tel:+48%20600%20000%20000\">call</a></p>",
            "[call](<tel:+48 600 000 000>)      | <p><a rel=\"nofollow\" href=\"tel:+48%20600%20000%20000\">call</a></p>",
            "<tel:+48 600 000 000>              | <p><a rel=\"nofollow\" href=\"tel:+48%20600%20000%20000\">tel:+48 600 000 000</a></p>",
            "[office](TEL:+48 (22) 600-00-00)   | <p><a rel=\"nofollow\" href=\"TEL:+48%20(22)%20600-00-00\">office</a></p>",
            "[call](tel:+48600000000)           | <p><a rel=\"nofollow\" href=\"tel:+48600000000\">call</a></p>",
            "<tel:+48600000000>                 | <p><a rel=\"nofollow\" href=\"tel:+48600000000\">tel:+48600000000</a></p>",
            "see [call](tel:+48 600) and *more* | <p>see <a rel=\"nofollow\" href=\"tel:+48%20600\">call</a> and <em>more</em></p>",
    })
    void phoneLinksWork(String markdown, String html) {
        assertEquals(html + "\n", this.markdown.block(markdown));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "[web](http://example.com/a?b=1&c=2) | <p><a rel=\"nofollow\" href=\"http://example.com/a?b=1&amp;c=2\">web</a></p>",
            "[web](HTTPS://example.com/)         | <p><a rel=\"nofollow\" href=\"HTTPS://example.com/\">web</a></p>",
            "[mail](mailto:anna@example.com)     | <p><a rel=\"nofollow\" href=\"mailto:anna@example.com\">mail</a></p>",
            "<MAILTO:anna@example.com>           | <p><a rel=\"nofollow\" href=\"MAILTO:anna@example.com\">MAILTO:anna@example.com</a></p>",
            "[page](stages/qualification.html)   | <p><a rel=\"nofollow\" href=\"stages/qualification.html\">page</a></p>",
            "[file](<notes/my plan.pdf>)         | <p><a rel=\"nofollow\" href=\"notes/my%20plan.pdf\">file</a></p>",
            "![map](img/map.png)                 | <p><img src=\"img/map.png\" alt=\"map\" /></p>",
            "[spaced](<  https://example.com/>)  | <p><a rel=\"nofollow\" href=\"https://example.com/\">spaced</a></p>",
    })
    void allowedLinksKeepTheirAddress(String markdown, String html) {
        assertEquals(html + "\n", this.markdown.block(markdown));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "[x](javascript:alert(1))           | <p>x</p>",
            "[x](JaVaScRiPt:alert(1))           | <p>x</p>",
            "[x](<  javascript:alert(1)>)       | <p>x</p>",
            "[x](&#9;javascript:alert(1))       | <p>x</p>",
            "[x](&#1;javascript:alert(1))       | <p>x</p>",
            "[x](java&#10;script:alert(1))      | <p>x</p>",
            "[x](javascript&colon;alert(1))     | <p>x</p>",
            "[x](data:text/html;base64,PHNjcmlwdD4=) | <p>x</p>",
            "[x](DATA:text/html,hi)             | <p>x</p>",
            "![pic](data:image/png;base64,AAAA) | <p>pic</p>",
            "[x](vbscript:msgbox)               | <p>x</p>",
            "[x](VBScript:msgbox)               | <p>x</p>",
            "[x](file:///etc/passwd)            | <p>x</p>",
            "[x](FILE:///etc/passwd)            | <p>x</p>",
            "<javascript:alert(1)>              | <p>javascript:alert(1)</p>",
            "<file:///etc/passwd>               | <p>file:///etc/passwd</p>",
            "[x](tel:+48 600 javascript:x)      | <p>[x](tel:+48 600 javascript:x)</p>",
    })
    void refusedLinksKeepOnlyTheirWords(String markdown, String html) {
        assertEquals(html + "\n", this.markdown.block(markdown));
    }

    @Test
    void aShortItemIsUnwrappedFromItsParagraph() {
        assertEquals("one <em>two</em>", markdown.inline(new dev.playbook.model.Markdown("one *two*", null, 0, 0)));
    }
}
