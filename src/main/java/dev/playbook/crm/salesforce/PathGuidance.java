package dev.playbook.crm.salesforce;

import dev.playbook.crm.CrmStage;
import dev.playbook.crm.salesforce.RichText.Element;
import dev.playbook.crm.salesforce.RichText.Text;
import dev.playbook.model.ExitCriterion;
import dev.playbook.model.Language;
import dev.playbook.model.Markdown;
import dev.playbook.model.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * A stage's "guidance for success" on Salesforce's Path: the author's {@code crm.guidance}, or by
 * default the stage's goal, then "Move on when:" and the exit criteria. Salesforce keeps at most
 * 1,000 characters of it (markup included); longer guidance keeps its first whole paragraphs and
 * list items, and ends with a link to the stage's page when the site's address is known.
 */
final class PathGuidance {
    static final int MAX_LENGTH = 1000;

    private final MarkdownToRichText markdown = new MarkdownToRichText();

    /**
     * @param html the guidance, empty when the stage has nothing to say
     * @param fullLength how long the whole guidance would be
     * @param items how many paragraphs and list items the whole guidance has, and how many were kept
     */
    record Result(String html, int fullLength, boolean cut, int items, int keptItems) {
    }

    static String moveOnWhen(Language language) {
        return language == Language.PL ? "Przejdź dalej, gdy:" : "Move on when:";
    }

    static String moreInThePlaybook(Language language) {
        return language == Language.PL ? "Więcej w playbooku" : "More in the playbook";
    }

    /** @param stagePage the stage's page on the published site, or null when its address is unknown */
    Result of(CrmStage crm, Language language, String stagePage) {
        List<Element> blocks = blocks(crm.stage(), language);
        String whole = RichText.html(blocks);
        int items = countItems(blocks);
        if (whole.length() <= MAX_LENGTH) return new Result(whole, whole.length(), false, items, items);
        Element more = stagePage == null ? null
                : Element.of("p", Element.link(stagePage, RichText.texts(moreInThePlaybook(language))));
        int budget = MAX_LENGTH - (more == null ? 0 : more.length());
        List<Element> kept = fit(blocks, budget);
        int keptItems = countItems(kept);
        if (kept.isEmpty()) kept = List.of(shortened(blocks.get(0), budget));
        List<Element> out = new ArrayList<>(kept);
        if (more != null) out.add(more);
        return new Result(RichText.html(out), whole.length(), true, items, keptItems);
    }

    private List<Element> blocks(Stage stage, Language language) {
        Markdown own = stage.crm().guidance();
        if (own != null) return markdown.blocks(own.source());
        List<Element> blocks = new ArrayList<>();
        if (stage.goal() != null && !stage.goal().isBlank()) {
            List<Element> goal = markdown.blocks(stage.goal().source());
            // the goal in one paragraph, as long as it is made of paragraphs only
            if (goal.stream().allMatch(b -> b.tag().equals("p"))) blocks.add(Element.of("p", markdown.inline(stage.goal().source())));
            else blocks.addAll(goal);
        }
        if (!stage.exitCriteria().isEmpty()) {
            blocks.add(Element.of("p", RichText.texts(moveOnWhen(language))));
            List<RichText> items = new ArrayList<>();
            for (ExitCriterion c : stage.exitCriteria()) items.add(Element.of("li", markdown.inline(c.text().source())));
            blocks.add(Element.of("ul", items));
        }
        return blocks;
    }

    /** The first whole blocks that fit, and of a list that does not fit whole, its first whole items. */
    private static List<Element> fit(List<Element> blocks, int budget) {
        List<Element> kept = new ArrayList<>();
        int used = 0;
        for (Element block : blocks) {
            int length = block.length();
            if (used + length <= budget) {
                kept.add(block);
                used += length;
                continue;
            }
            if (block.isList()) {
                List<RichText> items = new ArrayList<>();
                int listUsed = block.withChildren(List.of()).length();
                for (RichText item : block.children()) {
                    if (used + listUsed + item.length() > budget) break;
                    items.add(item);
                    listUsed += item.length();
                }
                if (!items.isEmpty()) kept.add(block.withChildren(items));
            }
            break;
        }
        return kept;
    }

    /** When not even the first paragraph fits: its words, cut at a word's end. */
    private static Element shortened(Element first, int budget) {
        String words = RichText.words(List.of(first));
        int room = budget - "<p></p>".length() - 1;
        StringBuilder text = new StringBuilder();
        for (String word : words.split(" ")) {
            String next = (text.isEmpty() ? "" : " ") + word;
            if (Element.of("p", new Text(text + next)).length() > room) break;
            text.append(next);
        }
        return Element.of("p", new Text(text + "\u2026"));
    }

    private static int countItems(List<Element> blocks) {
        int n = 0;
        for (Element b : blocks) n += b.isList() ? b.children().size() : 1;
        return n;
    }
}
