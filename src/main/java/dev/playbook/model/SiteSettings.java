package dev.playbook.model;

import java.util.List;

/**
 * Site-wide settings from {@code site.yaml}. {@code auditQuestions} is empty when the defaults apply.
 *
 * @param pdf whether playbooks get their printable onboarding pack
 * @param paper the sheet the onboarding packs are laid out for
 */
public record SiteSettings(String title, Language language, String baseUrl, List<Markdown> auditQuestions, Markdown footer,
                           boolean pdf, PaperSize paper) {
    public SiteSettings {
        auditQuestions = List.copyOf(auditQuestions);
    }
}
