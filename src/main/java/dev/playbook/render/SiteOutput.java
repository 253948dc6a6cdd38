package dev.playbook.render;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.model.Language;
import dev.playbook.model.Site;
import dev.playbook.plan.SitePlan;
import dev.playbook.progress.Progress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every publisher may use while the site is drawn.
 *
 * @param markdown renders the site's own texts (footer, audit questions), their diagrams included
 * @param facts what publishers worked out in {@link Publisher#prepare} for the others, by name;
 *              templates see them as {@code facts}
 */
public record SiteOutput(SitePlan plan, Theme theme, Map<Language, Messages> messages, String generator,
                         Diagnostics diagnostics, Progress progress, MarkdownRenderer markdown,
                         Map<String, Object> facts) {

    public SiteOutput(SitePlan plan, Theme theme, Map<Language, Messages> messages, String generator,
                      Diagnostics diagnostics, Progress progress, MarkdownRenderer markdown) {
        this(plan, theme, messages, generator, diagnostics, progress, markdown, new ConcurrentHashMap<>());
    }

    public Site site() {
        return plan.site();
    }

    public Messages messages(Language language) {
        return messages.get(language);
    }
}
