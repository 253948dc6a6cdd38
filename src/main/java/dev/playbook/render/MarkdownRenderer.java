package dev.playbook.render;

import dev.playbook.render.diagram.Diagrams;
import dev.playbook.model.LinkPolicy;
import dev.playbook.model.Markdown;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.CoreHtmlNodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Renders the Markdown authors write into HTML that is safe to put on a page: raw HTML in the
 * text is shown as text, and links with unsafe schemes such as {@code javascript:} are dropped.
 * A ```plantuml block becomes its diagram, drawn beforehand by the diagram batch.
 */
public final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;
    /**
     * Each text as rendered the first time: one field shows on several pages of its playbook (a
     * stage's goal on its page, the checklist and the buyer view), and is rendered once.
     */
    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    /** Markdown without diagrams: a ```plantuml block stays a code block. */
    public MarkdownRenderer() {
        this(source -> null);
    }

    private final Function<String, String> diagrams;

    /** The finished markup of a diagram this renderer knows, by its source; null for one it does not. */
    public Function<String, String> diagramMarkup() {
        return diagrams;
    }

    /** @param diagrams the finished markup for a diagram's source, or null to show the source as code */
    public MarkdownRenderer(Function<String, String> diagrams) {
        this.diagrams = diagrams == null ? source -> null : diagrams;
        List<Extension> extensions = List.of(TablesExtension.create(), AutolinkExtension.create(),
                TaskListItemsExtension.create());
        parser = Parser.builder().extensions(extensions).linkProcessor(new PhoneLinks.Destination())
                .customInlineContentParserFactory(new PhoneLinks.Autolink()).build();
        // the first factory for a node type wins, so ours go before the extensions' own
        renderer = HtmlRenderer.builder()
                .nodeRendererFactory(context -> new DiagramBlockRenderer(context, diagrams))
                .nodeRendererFactory(TaskBoxRenderer::new)
                .nodeRendererFactory(SafeLinkRenderer::new)
                .attributeProviderFactory(context -> new TaskListClasses())
                .extensions(extensions).escapeHtml(true).sanitizeUrls(true).urlSanitizer(new PolicySanitizer())
                .build();
    }

    public String block(Markdown markdown) {
        return markdown == null ? "" : block(markdown.source());
    }

    public String block(String source) {
        String html = rendered.get(source);
        if (html == null) {
            html = renderer.render(parser.parse(source));
            rendered.putIfAbsent(source, html);
        }
        return html;
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
            return Set.of(TaskListItemMarker.class);
        }

        @Override
        public void render(Node node) {
            boolean done = ((TaskListItemMarker) node).isChecked();
            context.getWriter().raw("<span class=\"task-box\" aria-hidden=\"true\">" + (done ? "&#9745;" : "&#9744;")
                    + "</span> ");
        }
    }

    /**
     * Marks task-list items and the lists that hold them (GitHub's class names), so the page's style
     * can draw the box in place of the bullet instead of beside it.
     */
    private static final class TaskListClasses implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof ListItem item && isTask(item)) {
                attributes.put("class", "task-list-item");
            } else if (node instanceof ListBlock list) {
                for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof ListItem item && isTask(item)) {
                        attributes.put("class", "contains-task-list");
                        return;
                    }
                }
            }
        }

        /** The extension puts its marker first in the item. */
        private static boolean isTask(ListItem item) {
            return item.getFirstChild() instanceof TaskListItemMarker;
        }
    }

    /** commonmark's own sanitizer has a scheme list of its own (no tel:, but data:); the project's policy replaces it. */
    private static final class PolicySanitizer implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            String href = LinkPolicy.href(url);
            return href == null ? "" : href;
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return sanitizeLinkUrl(url);
        }
    }

    /**
     * A link or image whose address could run code ({@code javascript:}, {@code data:},
     * {@code vbscript:} ...) is not drawn as one: a link keeps its text, an image its description.
     * Only web, mail and phone addresses and paths within the site stay links.
     */
    private static final class SafeLinkRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final CoreHtmlNodeRenderer core;

        SafeLinkRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.core = new CoreHtmlNodeRenderer(context);
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(org.commonmark.node.Link.class, org.commonmark.node.Image.class);
        }

        @Override
        public void render(Node node) {
            String destination = node instanceof org.commonmark.node.Link link ? link.getDestination()
                    : ((org.commonmark.node.Image) node).getDestination();
            if (LinkPolicy.allows(destination)) {
                core.render(node);
            } else if (node instanceof org.commonmark.node.Link) {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) context.render(child);
            } else {
                StringBuilder alt = new StringBuilder();
                node.accept(new org.commonmark.node.AbstractVisitor() {
                    @Override
                    public void visit(org.commonmark.node.Text text) {
                        alt.append(text.getLiteral());
                    }
                });
                context.getWriter().text(alt.toString());
            }
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
            String markup = Diagrams.isDiagram(block) ? diagrams.apply(block.getLiteral()) : null;
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
