package dev.playbook.render;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the ids of one page's diagrams unique. A diagram's title and description have ids made
 * from its source, and its Markdown is rendered once for every page that shows it, so the same
 * diagram shown twice on a page (copied into two stages, say, which the printed pack shows
 * together) would give the page each id twice, and a screen reader the wrong label. The second
 * showing gets its ids numbered. One per page, used on the thread that draws it.
 */
final class DiagramIdsOnPage {
    /** The reference the cleaner writes into a diagram's root, just before its title and description. */
    private static final Pattern LABELLED_BY = Pattern.compile("aria-labelledby=\"(d[0-9a-f]{12})-title \\1-desc\"");

    private final Map<String, Integer> shown = new HashMap<>();

    /** {@code html} as it may go on this page, its diagrams' ids numbered where the page has them already. */
    String unique(String html) {
        if (!html.contains("aria-labelledby=\"d")) return html;
        Matcher m = LABELLED_BY.matcher(html);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            String id = m.group(1);
            int n = shown.merge(id, 1, Integer::sum);
            if (n == 1) continue;
            String title = "id=\"" + id + "-title\"";
            String desc = "id=\"" + id + "-desc\"";
            int titleAt = html.indexOf(title, m.end());
            int descAt = titleAt < 0 ? -1 : html.indexOf(desc, titleAt);
            if (descAt < 0) continue;
            String numbered = id + "-" + n;
            if (out == null) out = new StringBuilder(html.length() + 64);
            out.append(html, copied, m.start())
                    .append("aria-labelledby=\"").append(numbered).append("-title ").append(numbered).append("-desc\"")
                    .append(html, m.end(), titleAt)
                    .append("id=\"").append(numbered).append("-title\"")
                    .append(html, titleAt + title.length(), descAt)
                    .append("id=\"").append(numbered).append("-desc\"");
            copied = descAt + desc.length();
        }
        if (out == null) return html;
        return out.append(html, copied, html.length()).toString();
    }
}
