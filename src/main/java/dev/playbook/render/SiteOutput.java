package dev.playbook.render;

import dev.playbook.changes.Comparison;
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
 * @param changes what changed since the version the site marks changes against, or null
 * @param facts what publishers worked out in {@link Publisher#prepare} for the others, by name;
 *              templates see them as {@code facts}
 */
public record SiteOutput(SitePlan plan, Theme theme, Map<Language, Messages> messages, String generator,
                         Diagnostics diagnostics, Progress progress, MarkdownRenderer markdown, Comparison changes,
                         Map<String, Object> facts) {

    public SiteOutput(SitePlan plan, Theme theme, Map<Language, Messages> messages, String generator,
                      Diagnostics diagnostics, Progress progress, MarkdownRenderer markdown, Comparison changes) {
        this(plan, theme, messages, generator, diagnostics, progress, markdown, changes, new ConcurrentHashMap<>());
    }

    public Site site() {
        return plan.site();
    }

    public Messages messages(Language language) {
        return messages.get(language);
    }
}
