package dev.playbook.crm.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small piece of HTML built only from the tags Salesforce's rich text guidance keeps (p, strong,
 * em, u, ul, ol, li, a, br), so that nothing an author writes can add any other markup: text is
 * always escaped and the tree cannot hold another tag.
 */
sealed interface RichText permits RichText.Element, RichText.Text {
    Set<String> TAGS = Set.of("p", "b", "strong", "i", "em", "u", "ul", "ol", "li", "a", "br");

    void render(StringBuilder out);

    /** The words alone, for plain-text fields such as a description. */
    void words(StringBuilder out);

    default String html() {
        StringBuilder out = new StringBuilder();
        render(out);
        return out.toString();
    }

    default int length() {
        return html().length();
    }

    record Text(String text) implements RichText {
        @Override
        public void render(StringBuilder out) {
            escape(text, out, false);
        }

        @Override
        public void words(StringBuilder out) {
            out.append(text);
        }
    }

    /** @param href the link of an {@code a}, else null */
    record Element(String tag, String href, List<RichText> children) implements RichText {
        public Element {
            if (!TAGS.contains(tag)) throw new IllegalArgumentException("not a tag Salesforce guidance keeps: " + tag);
            children = List.copyOf(children);
        }

        static Element of(String tag, RichText... children) {
            return new Element(tag, null, List.of(children));
        }

        static Element of(String tag, List<RichText> children) {
            return new Element(tag, null, children);
        }

        static Element link(String href, List<RichText> children) {
            return new Element("a", href, children);
        }

        @Override
        public void render(StringBuilder out) {
            out.append('<').append(tag);
            if (href != null) {
                out.append(" href=\"");
                escape(href, out, true);
                out.append('"');
            }
            if (tag.equals("br")) {
                out.append('>');
                return;
            }
            out.append('>');
            for (RichText child : children) child.render(out);
            out.append("</").append(tag).append('>');
        }

        @Override
        public void words(StringBuilder out) {
            boolean block = tag.equals("p") || tag.equals("li") || tag.equals("br");
            if (block && !out.isEmpty() && !Character.isWhitespace(out.charAt(out.length() - 1))) out.append(' ');
            for (RichText child : children) child.words(out);
        }

        boolean isList() {
            return tag.equals("ul") || tag.equals("ol");
        }

        Element withChildren(List<RichText> kept) {
            return new Element(tag, href, kept);
        }
    }

    static String html(List<? extends RichText> blocks) {
        StringBuilder out = new StringBuilder();
        for (RichText b : blocks) b.render(out);
        return out.toString();
    }

    static String words(List<? extends RichText> blocks) {
        StringBuilder out = new StringBuilder();
        for (RichText b : blocks) b.words(out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    static List<RichText> texts(String... parts) {
        List<RichText> list = new ArrayList<>();
        for (String p : parts) list.add(new Text(p));
        return list;
    }

    /** Quotes matter only inside an attribute, which is always written in double quotes. */
    private static void escape(String text, StringBuilder out, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }
}
