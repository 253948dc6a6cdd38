package dev.playbook.crm.salesforce;

import dev.playbook.model.Language;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Path step's rich text guidance back as far as it goes: its paragraphs become the stage's
 * goal and its list items the exit criteria, as Markdown. The guidance the export writes ("goal,
 * Move on when:, criteria, a link to the stage's page") comes back as it was; other guidance keeps
 * its words, bold, italics and web links. Any other markup is dropped, scripts and styles whole.
 */
final class PathInfoReader {
    private static final Pattern TOKEN = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--.*?-->|([^<]+)|(<)",
            Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SAFE_LINK = Pattern.compile("(?i)^(https?://|mailto:|tel:)[^\\s\\p{Cntrl}()<>]+$");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr");
    private static final Set<String> DROPPED = Set.of("script", "style", "head", "title");

    /** @param goal the paragraphs as Markdown, or null when there are none */
    record Guidance(String goal, List<String> exitCriteria) {
    }

    Guidance read(String html) {
        List<String> paragraphs = new ArrayList<>();
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int listDepth = 0;
        String dropping = null;
        String link = null;
        StringBuilder linkText = null;
        Deque<Integer> open = new ArrayDeque<>();
        Matcher m = TOKEN.matcher(html);
        while (m.find()) {
            if (m.group(2) == null) {
                if (dropping != null) continue;
                String text = m.group(4) != null ? decode(m.group(4)) : m.group(5) != null ? "<" : "";
                (linkText != null ? linkText : current).append(escape(text));
                continue;
            }
            boolean closing = !m.group(1).isEmpty();
            String tag = m.group(2).toLowerCase(Locale.ROOT);
            if (dropping != null) {
                if (closing && tag.equals(dropping)) dropping = null;
                continue;
            }
            if (DROPPED.contains(tag) && !closing) {
                dropping = tag;
                continue;
            }
            StringBuilder target = linkText != null ? linkText : current;
            switch (tag) {
                case "b", "strong" -> emphasis(target, "**", closing, open);
                case "i", "em" -> emphasis(target, "*", closing, open);
                case "br" -> target.append(listDepth > 0 ? " " : "\n");
                case "a" -> {
                    if (!closing) {
                        Matcher h = HREF.matcher(m.group(3));
                        String href = h.find() ? decode(first(h.group(2), h.group(3), h.group(4))).strip() : "";
                        link = SAFE_LINK.matcher(href).matches() ? href : null;
                        linkText = new StringBuilder();
                    } else if (linkText != null) {
                        current.append(link == null ? linkText : "[" + linkText + "](" + link + ")");
                        linkText = null;
                        link = null;
                    }
                }
                case "ul", "ol" -> {
                    flush(current, listDepth > 0 ? items : paragraphs, listDepth > 0);
                    listDepth = Math.max(0, listDepth + (closing ? -1 : 1));
                }
                case "li" -> flush(current, listDepth > 0 ? items : paragraphs, listDepth > 0);
                default -> {
                    if (BLOCKS.contains(tag)) flush(current, listDepth > 0 ? items : paragraphs, listDepth > 0);
                }
            }
        }
        if (linkText != null) current.append(linkText);
        flush(current, listDepth > 0 ? items : paragraphs, listDepth > 0);
        paragraphs.removeIf(PathInfoReader::isOwnWording);
        return new Guidance(paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs), items);
    }

    /** "Move on when:" and the link to the stage's page are the export's own words, not the author's. */
    private static boolean isOwnWording(String paragraph) {
        for (Language language : Language.values()) {
            if (paragraph.equals(escape(PathGuidance.moveOnWhen(language)))) return true;
            if (paragraph.startsWith("[" + escape(PathGuidance.moreInThePlaybook(language)) + "](")) return true;
        }
        return false;
    }

    /**
     * Opens or closes bold or italics; emphasis around nothing (as editors leave behind) is
     * dropped rather than written as asterisks that Markdown would misread.
     */
    private static void emphasis(StringBuilder target, String marker, boolean closing, Deque<Integer> open) {
        if (!closing) {
            open.push(target.length());
            target.append(marker);
            return;
        }
        if (open.isEmpty()) return;
        int start = open.pop();
        if (start + marker.length() > target.length() || target.substring(start + marker.length()).isBlank()) {
            target.setLength(Math.min(start, target.length()));
        } else {
            target.append(marker);
        }
    }

    private static void flush(StringBuilder text, List<String> into, boolean item) {
        String block = text.toString().replace('\u00A0', ' ');
        block = item ? block.replaceAll("\\s+", " ").strip() : block.replaceAll("[ \\t]+", " ").replaceAll(" ?\n ?", "\n").strip();
        text.setLength(0);
        if (block.isEmpty()) return;
        // a block that starts like Markdown's own syntax would turn into a heading or a list
        if (block.matches("(?s)^([#+=|~-]|\\d+[.)]).*")) block = "\\" + block;
        into.add(block);
    }

    /** Characters that Markdown would read as formatting are escaped, so the words come back as words. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>".indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    private static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement;
            try {
                if (e.startsWith("#x") || e.startsWith("#X")) replacement = codePoint(Integer.parseInt(e.substring(2), 16));
                else if (e.startsWith("#")) replacement = codePoint(Integer.parseInt(e.substring(1)));
                else replacement = switch (e) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    default -> m.group();
                };
            } catch (NumberFormatException ex) {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int c) {
        boolean usable = c == 0x9 || c == 0xA || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c <= 0x10FFFF && c != 0xFFFE && c != 0xFFFF);
        return usable && !Character.isISOControl(c) || c == 0x9 || c == 0xA ? new String(Character.toChars(c)) : "";
    }

    private static String first(String... values) {
        for (String v : values) if (v != null) return v;
        return "";
    }
}
