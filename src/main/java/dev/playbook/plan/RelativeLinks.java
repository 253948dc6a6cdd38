package dev.playbook.plan;

/**
 * Links from one page to another as relative URLs that name their file, so that the site works
 * opened from disk and under any sub-path of a web server.
 */
public final class RelativeLinks {
    private RelativeLinks() {
    }

    /** The URL that leads from the page at {@code from} to {@code to}; both are site paths like {@code a/b.html}. */
    public static String between(String from, String to) {
        String[] fromParts = from.split("/");
        String[] toParts = to.split("/");
        int common = 0;
        // only folders count as shared: the last part of `from` is the page itself
        while (common < fromParts.length - 1 && common < toParts.length - 1
                && fromParts[common].equals(toParts[common])) {
            common++;
        }
        StringBuilder url = new StringBuilder();
        for (int i = common; i < fromParts.length - 1; i++) url.append("../");
        for (int i = common; i < toParts.length; i++) {
            if (i > common) url.append('/');
            url.append(toParts[i]);
        }
        return url.toString();
    }
}
