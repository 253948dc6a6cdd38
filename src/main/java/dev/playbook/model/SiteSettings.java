package dev.playbook.model;

import java.util.List;
import java.util.Map;

/**
 * Site-wide settings from {@code site.yaml}. {@code auditQuestions} is empty when the defaults apply.
 * {@code title} and {@code footer} are the texts in the site's own language; {@code titles} has
 * the title for every language, {@code footers} the footer for each language that has one
 * (see {@link #titleIn} and {@link #footerIn}).
 *
 * @param baseUrl where the site is published, absolute and ending in {@code /}; empty when not given
 * @param pdf whether playbooks get their printable onboarding pack
 * @param paper the sheet the onboarding packs are laid out for
 */
public record SiteSettings(String title, Language language, String baseUrl, List<Markdown> auditQuestions, Markdown footer,
                           Robots robots, boolean pdf, PaperSize paper, Map<Language, String> titles,
                           Map<Language, Markdown> footers) {
    public SiteSettings {
        auditQuestions = List.copyOf(auditQuestions);
        titles = Map.copyOf(titles);
        footers = Map.copyOf(footers);
    }

    /** The site's title on a page in this language. */
    public String titleIn(Language pageLanguage) {
        return titles.getOrDefault(pageLanguage, title);
    }

    /** The footer of a page in this language, or null for none. */
    public Markdown footerIn(Language pageLanguage) {
        return footers.get(pageLanguage);
    }

    /** Whether pages ask search engines not to index them. */
    public boolean noindex() {
        return robots == Robots.NOINDEX;
    }
}
