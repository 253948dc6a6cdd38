package dev.playbook.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aShortItemIsUnwrappedFromItsParagraph() {
        assertEquals("one <em>two</em>", markdown.inline(new dev.playbook.model.Markdown("one *two*", null, 0, 0)));
    }
}
