package dev.playbook.render;

import dev.playbook.model.Markdown;
import dev.playbook.model.SiteSettings;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What every template gets, the site's pages and the printed pack alike: Markdown, plurals, the audit questions. */
public final class TemplateHelpers {
    private TemplateHelpers() {
    }

    /** Puts {@code md}, {@code mdInline} and {@code plural} into a template's model: one page's or one pack's. */
    public static void addTo(Map<String, Object> model, MarkdownRenderer markdown, Messages messages) {
        DiagramIdsOnPage ids = new DiagramIdsOnPage();
        model.put("md", (TemplateMethodModelEx) args -> markup(ids.unique(markdown.block(markdownArgument(args)))));
        model.put("mdInline", (TemplateMethodModelEx) args -> markup(ids.unique(markdown.inline(markdownArgument(args)))));
        model.put("plural", (TemplateMethodModelEx) args -> {
            if (args.size() != 2) throw new TemplateModelException("plural() takes a word and a number");
            Object n = DeepUnwrap.unwrap((TemplateModel) args.get(1));
            return messages.plural(args.get(0).toString(), ((Number) n).longValue());
        });
    }

    /** The site's own audit questions, or the default ones in the language of {@code messages}. */
    public static List<Markdown> auditQuestions(SiteSettings settings, Messages messages) {
        if (!settings.auditQuestions().isEmpty()) return settings.auditQuestions();
        List<Markdown> defaults = new ArrayList<>();
        for (int i = 1; messages.asMap().containsKey("audit.q" + i); i++) {
            defaults.add(new Markdown(messages.get("audit.q" + i), null, 0, 0));
        }
        return defaults;
    }

    /** Markup we made ourselves and already cleaned, which templates must not escape again. */
    public static Object trusted(String html) throws RenderException {
        try {
            return markup(html);
        } catch (TemplateModelException e) {
            throw new RenderException("cannot embed markup: " + e.getMessage(), e);
        }
    }

    private static Object markup(String html) throws TemplateModelException {
        return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    }

    private static Markdown markdownArgument(List<?> args) throws TemplateModelException {
        if (args.size() != 1) throw new TemplateModelException("md() takes one Markdown value");
        Object value = DeepUnwrap.unwrap((TemplateModel) args.get(0));
        if (value == null) return null;
        if (value instanceof Markdown m) return m;
        return new Markdown(value.toString(), null, 0, 0);
    }
}
