package dev.playbook.plan;

import java.nio.charset.StandardCharsets;

/**
 * Where a page is on the web once the site is published at its base URL: the absolute addresses
 * of the sitemap and the canonical links. Links between pages stay relative; these are only for
 * search engines. A folder's index page is the folder itself, the address people share.
 */
public final class PublicUrls {
    private static final String INDEX = "index.html";

    private PublicUrls() {
    }

    /**
     * @param baseUrl absolute, ending in {@code /}, as the load step gives it
     * @param path a page's path in the site, e.g. {@code b2b/stages/qualification.html}
     */
    public static String of(String baseUrl, String path) {
        String address = path.equals(INDEX) ? "" : path.endsWith("/" + INDEX)
                ? path.substring(0, path.length() - INDEX.length()) : path;
        return baseUrl + encode(address);
    }

    /** Page paths are made of ids, so this never changes one; it keeps any other character from breaking the address. */
    private static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
