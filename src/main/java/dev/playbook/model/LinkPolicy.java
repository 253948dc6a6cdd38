package dev.playbook.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which addresses a playbook may link to: web, mail and phone addresses, and paths within the
 * site. Any other scheme ({@code javascript:}, {@code data:}, {@code vbscript:}, {@code file:} ...)
 * could run code in the reader's browser or reach the reader's own files. Resources, Markdown and
 * diagrams all ask this one class, so an address is never allowed in one place and refused in
 * another.
 */
public final class LinkPolicy {
    /** The schemes a link may have; an address without a scheme is a path within the site. */
    public static final List<String> SCHEMES = List.of("http", "https", "mailto", "tel");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    /** Characters an address may not hold as written; browsers would cut or guess at them. */
    private static final String UNSAFE = " \"<>`{}|\\^";

    private LinkPolicy() {
    }

    /**
     * The scheme that makes an address refused, as written (for messages), or null when the
     * address may be linked. Blanks and control characters are dropped before the scheme is read,
     * because browsers ignore them: {@code " java\tscript:"} is a {@code javascript:} link to them.
     */
    public static String refusedScheme(String url) {
        Matcher scheme = SCHEME.matcher(withoutIgnored(url));
        if (!scheme.find()) return null;
        String name = scheme.group(1);
        return SCHEMES.contains(name.toLowerCase(Locale.ROOT)) ? null : name;
    }

    /** Whether an address may be a link's target: not blank and of an allowed scheme or none. */
    public static boolean allows(String url) {
        return url != null && !withoutIgnored(url).isEmpty() && refusedScheme(url) == null;
    }

    /**
     * The address as it goes into an {@code href}: surrounding blanks dropped and unsafe
     * characters percent-encoded ({@code tel:+48 600} becomes {@code tel:+48%20600}); null when
     * the address is refused.
     */
    public static String href(String url) {
        return allows(url) ? encodeUnsafe(strip(url)) : null;
    }

    /** Spaces, quotes, brackets and control characters are percent-encoded; everything else stays. */
    public static String encodeUnsafe(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (char c : url.toCharArray()) {
            if (UNSAFE.indexOf(c) < 0 && !Character.isISOControl(c)) {
                out.append(c);
                continue;
            }
            for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) out.append(String.format("%%%02X", b & 0xFF));
        }
        return out.toString();
    }

    private static String withoutIgnored(String url) {
        StringBuilder kept = new StringBuilder(url.length());
        for (char c : url.toCharArray()) {
            if (!ignored(c)) kept.append(c);
        }
        return kept.toString();
    }

    private static String strip(String url) {
        int start = 0;
        int end = url.length();
        while (start < end && ignored(url.charAt(start))) start++;
        while (end > start && ignored(url.charAt(end - 1))) end--;
        return url.substring(start, end);
    }

    private static boolean ignored(char c) {
        return c <= ' ' || Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
