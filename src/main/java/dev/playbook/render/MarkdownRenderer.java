package dev.playbook.render;

import dev.playbook.model.Markdown;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.CoreHtmlNodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders the Markdown authors write into HTML that is safe to put on a page: raw HTML in the
 * text is shown as text, and links with unsafe schemes such as {@code javascript:} are dropped.
 * A ```plantuml block becomes its diagram, drawn beforehand by the diagram batch.
 */
public final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;

    /** Markdown without diagrams: a ```plantuml block stays a code block. */
    public MarkdownRenderer() {
        this(source -> null);
    }

    /** @param diagrams the finished markup for a diagram's source, or null to show the source as code */
    public MarkdownRenderer(Function<String, String> diagrams) {
        List<Extension> extensions = List.of(TablesExtension.create(), AutolinkExtension.create(),
                TaskListItemsExtension.create());
        parser = Parser.builder().extensions(extensions).build();
        // the first factory for a node type wins, so ours go before the extensions' own
        renderer = HtmlRenderer.builder()
                .nodeRendererFactory(context -> new DiagramBlockRenderer(context, diagrams))
                .nodeRendererFactory(TaskBoxRenderer::new)
                .extensions(extensions).escapeHtml(true).sanitizeUrls(true)
                .build();
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

    /**
     * A `- [ ]` item in text is a note of what to do, not a control: it is drawn as a box
     * character rather than a disabled checkbox, which would be a form field without a label.
     */
    private static final class TaskBoxRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        TaskBoxRenderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(org.commonmark.ext.task.list.items.TaskListItemMarker.class);
        }

        @Override
        public void render(Node node) {
            boolean done = ((org.commonmark.ext.task.list.items.TaskListItemMarker) node).isChecked();
            context.getWriter().raw("<span class=\"task-box\" aria-hidden=\"true\">" + (done ? "&#9745;" : "&#9744;")
                    + "</span> ");
        }
    }

    private static final class DiagramBlockRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final Function<String, String> diagrams;
        private final CoreHtmlNodeRenderer core;

        DiagramBlockRenderer(HtmlNodeRendererContext context, Function<String, String> diagrams) {
            this.context = context;
            this.diagrams = diagrams;
            this.core = new CoreHtmlNodeRenderer(context);
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            FencedCodeBlock block = (FencedCodeBlock) node;
            String markup = MarkdownDiagrams.isDiagram(block) ? diagrams.apply(block.getLiteral()) : null;
            if (markup == null) {
                core.render(node);
                return;
            }
            context.getWriter().line();
            context.getWriter().raw(markup);
            context.getWriter().line();
        }
    }
}
