package dev.playbook.crm.salesforce;

import dev.playbook.crm.salesforce.RichText.Element;
import dev.playbook.crm.salesforce.RichText.Text;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Markdown as Salesforce's rich text guidance: the Markdown the site accepts (tables, task lists,
 * autolinks) is parsed the same way, and each construct becomes the nearest of the few tags
 * guidance keeps. Raw HTML in the text stays text; code, headings and tables keep their words;
 * only absolute web, mail and phone links stay links, as a link relative to the site would lead
 * nowhere inside the CRM.
 */
final class MarkdownToRichText {
    private static final Pattern SAFE_LINK = Pattern.compile("(?i)^(https?://|mailto:|tel:)[^\\s\\p{Cntrl}]+$");
    private final Parser parser;

    MarkdownToRichText() {
        List<Extension> extensions = List.of(TablesExtension.create(), AutolinkExtension.create(),
                TaskListItemsExtension.create());
        parser = Parser.builder().extensions(extensions).build();
    }

    /** The blocks (paragraphs and lists) of the text. */
    List<Element> blocks(String markdown) {
        List<Element> blocks = new ArrayList<>();
        addBlocks(parser.parse(markdown), blocks);
        return blocks;
    }

    /** The text as one run of inline content, its paragraphs joined by spaces. */
    List<RichText> inline(String markdown) {
        List<RichText> out = new ArrayList<>();
        for (Element block : blocks(markdown)) {
            if (!out.isEmpty()) out.add(new Text(" "));
            if (block.tag().equals("p")) out.addAll(block.children());
            else out.add(new Text(RichText.words(List.of(block))));
        }
        return out;
    }

    private void addBlocks(Node parent, List<Element> out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph) {
                out.add(Element.of("p", inlines(node)));
            } else if (node instanceof Heading) {
                out.add(Element.of("p", Element.of("strong", inlines(node))));
            } else if (node instanceof BulletList || node instanceof OrderedList) {
                out.add(list(node));
            } else if (node instanceof BlockQuote) {
                addBlocks(node, out);
            } else if (node instanceof FencedCodeBlock code) {
                out.add(lines(code.getLiteral()));
            } else if (node instanceof IndentedCodeBlock code) {
                out.add(lines(code.getLiteral()));
            } else if (node instanceof HtmlBlock html) {
                out.add(lines(html.getLiteral()));
            } else if (node instanceof TableBlock) {
                addTableRows(node, out);
            }
            // a thematic break and link reference definitions have no words
        }
    }

    private Element list(Node list) {
        List<RichText> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) items.add(Element.of("li", itemContent(item)));
        }
        return Element.of(list instanceof OrderedList ? "ol" : "ul", items);
    }

    /** A list item's paragraphs run inline, separated by line breaks; a nested list stays a list. */
    private List<RichText> itemContent(Node item) {
        List<Element> blocks = new ArrayList<>();
        addBlocks(item, blocks);
        List<RichText> out = new ArrayList<>();
        for (Element block : blocks) {
            if (block.isList()) {
                out.add(block);
                continue;
            }
            if (!out.isEmpty() && !(out.get(out.size() - 1) instanceof Element e && e.isList())) out.add(Element.of("br"));
            out.addAll(block.children());
        }
        return out;
    }

    private void addTableRows(Node table, List<Element> out) {
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) continue;
                List<RichText> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (!(cell instanceof TableCell)) continue;
                    if (!cells.isEmpty()) cells.add(new Text(" | "));
                    cells.addAll(inlines(cell));
                }
                out.add(Element.of("p", cells));
            }
        }
    }

    private static Element lines(String literal) {
        List<RichText> out = new ArrayList<>();
        String[] lines = literal.replaceAll("\n+$", "").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) out.add(Element.of("br"));
            out.add(new Text(lines[i]));
        }
        return Element.of("p", out);
    }

    private List<RichText> inlines(Node parent) {
        List<RichText> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text text) {
                out.add(new Text(text.getLiteral()));
            } else if (node instanceof Code code) {
                out.add(new Text(code.getLiteral()));
            } else if (node instanceof HtmlInline html) {
                out.add(new Text(html.getLiteral()));
            } else if (node instanceof StrongEmphasis) {
                out.add(Element.of("strong", inlines(node)));
            } else if (node instanceof Emphasis) {
                out.add(Element.of("em", inlines(node)));
            } else if (node instanceof Link link) {
                List<RichText> words = inlines(node);
                String href = link.getDestination() == null ? "" : link.getDestination().strip();
                if (SAFE_LINK.matcher(href).matches()) {
                    out.add(Element.link(href, words));
                } else {
                    out.addAll(words);
                }
            } else if (node instanceof Image) {
                out.add(new Text(RichText.words(List.of(Element.of("p", inlines(node))))));
            } else if (node instanceof SoftLineBreak) {
                out.add(new Text(" "));
            } else if (node instanceof HardLineBreak) {
                out.add(Element.of("br"));
            } else if (node instanceof TaskListItemMarker marker) {
                out.add(new Text(marker.isChecked() ? "\u2611 " : "\u2610 "));
            } else {
                out.addAll(inlines(node));
            }
        }
        return out;
    }
}
