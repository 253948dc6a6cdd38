package dev.playbook.model;

import java.util.List;

/**
 * Site-wide settings from {@code site.yaml}. {@code auditQuestions} is empty when the defaults apply.
 *
 * @param baseUrl where the site is published, absolute and ending in {@code /}; empty when not given
 */
public record SiteSettings(String title, Language language, String baseUrl, List<Markdown> auditQuestions, Markdown footer,
                           Robots robots) {
    public SiteSettings {
        auditQuestions = List.copyOf(auditQuestions);
    }

    /** Whether pages ask search engines not to index them. */
    public boolean noindex() {
        return robots == Robots.NOINDEX;
    }
}
