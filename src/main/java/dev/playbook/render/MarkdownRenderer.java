package dev.playbook.render;

import dev.playbook.model.Markdown;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/**
 * Renders the Markdown authors write into HTML that is safe to put on a page: raw HTML in the
 * text is shown as text, and links with unsafe schemes such as {@code javascript:} are dropped.
 */
public final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        List<Extension> extensions = List.of(TablesExtension.create(), AutolinkExtension.create(),
                TaskListItemsExtension.create());
        parser = Parser.builder().extensions(extensions).build();
        renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
    }

    public String block(Markdown markdown) {
        return markdown == null ? "" : block(markdown.source());
    }

    public String block(String source) {
        return renderer.render(parser.parse(source));
    }

    /** For short items in a list: one paragraph is unwrapped so it sits on the list item's line. */
    public String inline(Markdown markdown) {
        String html = block(markdown).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }
}
