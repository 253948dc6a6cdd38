package dev.playbook.model;

import java.util.List;

/** Site-wide settings from {@code site.yaml}. {@code auditQuestions} is empty when the defaults apply. */
public record SiteSettings(String title, Language language, String baseUrl, List<Markdown> auditQuestions, Markdown footer) {
    public SiteSettings {
        auditQuestions = List.copyOf(auditQuestions);
    }
}
