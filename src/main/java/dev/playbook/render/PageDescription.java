package dev.playbook.render;

import dev.playbook.model.Markdown;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;
import dev.playbook.plan.PlannedPage;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The line a search result or a shared link shows under a page's title (its meta description):
 * the page's own words, from the playbook's summary, the stage's goal or the page's lead, as
 * plain text, whole sentences as far as they fit.
 */
final class PageDescription {
    /** About what a search result shows before it cuts the line off. */
    static final int LIMIT = 160;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Between a playbook's title and a view's lead. */
    private static final String DASH = " — ";

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private PageDescription() {
    }

    /** @param since what a changes page's changes are since, or null on other pages */
    static String of(PlannedPage page, Messages messages, String since) {
        Playbook pb = page.playbook();
        return switch (page.kind()) {
            case HOME -> sentences(messages.get("home.intro"));
            case AUDIT -> sentences(messages.get("audit.intro"));
            case PLAYBOOK -> pb.summary() != null ? sentences(firstParagraph(pb.summary())) : stagesOf(pb);
            case FLOW -> titled(pb, messages.get("flow.intro"));
            case CHECKLIST -> titled(pb, messages.get("checklist.intro"));
            case BUYER -> titled(pb, messages.get("buyer.intro"));
            case STAGE -> ofStage(page.stage(), pb);
            case CHANGES -> sentences(messages.get("changes.heading") + " " + since + DASH + pb.title());
            // a kind of page added later gets its playbook's stages, or the site's lead
            default -> pb != null ? stagesOf(pb) : sentences(messages.get("home.intro"));
        };
    }

    private static String ofStage(Stage stage, Playbook pb) {
        for (Markdown text : new Markdown[] {stage.goal(), stage.description(), stage.definition()}) {
            String plain = text == null ? "" : firstParagraph(text);
            if (!plain.isBlank()) return sentences(plain);
        }
        return sentences(stage.title() + DASH + pb.title());
    }

    private static String titled(Playbook pb, String lead) {
        return sentences(pb.title() + DASH + lead);
    }

    /** A playbook without a summary is told by its stages. */
    private static String stagesOf(Playbook pb) {
        return sentences(pb.title() + DASH + String.join(" → ", pb.stages().stream().map(Stage::title).toList()));
    }

    /** The words of the first paragraph, without markup or link addresses; all words if it has no paragraph. */
    static String firstParagraph(Markdown markdown) {
        Node document = PARSER.parse(markdown.source());
        Node paragraph = first(document);
        StringBuilder words = new StringBuilder();
        (paragraph != null ? paragraph : document).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                words.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                words.append(code.getLiteral());
            }

            // raw HTML is shown as text on the page, so it is text here too
            @Override
            public void visit(HtmlInline html) {
                words.append(html.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                words.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                words.append(' ');
            }

            @Override
            public void visit(Paragraph p) {
                visitChildren(p);
                words.append(' ');
            }
        });
        return words.toString();
    }

    private static Node first(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph) return child;
            Node inside = first(child);
            if (inside != null) return inside;
        }
        return null;
    }

    /**
     * As many whole sentences as fit in {@link #LIMIT} characters; a first sentence that does not
     * fit is cut at a word and ends with an ellipsis.
     */
    static String sentences(String text) {
        String plain = SPACES.matcher(text).replaceAll(" ").strip();
        if (plain.length() <= LIMIT) return plain;
        StringBuilder kept = new StringBuilder();
        for (String sentence : SENTENCE_END.split(plain)) {
            if (kept.length() + 1 + sentence.length() > LIMIT) break;
            if (!kept.isEmpty()) kept.append(' ');
            kept.append(sentence);
        }
        if (!kept.isEmpty()) return kept.toString();
        int cut = plain.lastIndexOf(' ', LIMIT - 1);
        return plain.substring(0, cut > LIMIT / 2 ? cut : LIMIT - 1).stripTrailing() + "…";
    }
}
