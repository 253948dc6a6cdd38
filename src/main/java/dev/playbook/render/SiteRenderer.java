package dev.playbook.render;

import dev.playbook.model.Language;
import dev.playbook.model.Markdown;
import dev.playbook.plan.PlannedPage;
import dev.playbook.plan.SitePlan;
import dev.playbook.plan.SitePaths;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The render step: draws every planned page with the theme's templates, and adds the theme's assets. */
public final class SiteRenderer {
    private final Theme theme;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final String generator;

    public SiteRenderer(Theme theme, String generator) {
        this.theme = theme;
        this.generator = generator;
    }

    public List<RenderedFile> render(SitePlan plan) throws RenderException {
        Map<Language, Messages> messages;
        Map<String, byte[]> assets;
        try {
            messages = theme.messages();
            assets = theme.assets();
        } catch (IOException e) {
            throw new RenderException("cannot read the theme: " + e.getMessage(), e);
        }
        List<RenderedFile> files = new ArrayList<>();
        for (PlannedPage page : plan.pages()) {
            files.add(new RenderedFile(page.path(), page(plan, page, messages.get(page.language()))));
        }
        for (Map.Entry<String, byte[]> asset : assets.entrySet()) {
            files.add(new RenderedFile(SitePaths.asset(asset.getKey()), asset.getValue()));
        }
        return files;
    }

    private byte[] page(SitePlan plan, PlannedPage page, Messages messages) throws RenderException {
        Map<String, Object> model = new HashMap<>();
        model.put("site", plan.site());
        model.put("settings", plan.site().settings());
        model.put("page", page);
        model.put("links", page.links());
        model.put("lang", page.language().code());
        model.put("msg", messages.asMap());
        model.put("generator", generator);
        model.put("md", (TemplateMethodModelEx) args -> markup(markdown.block(markdownArgument(args))));
        model.put("mdInline", (TemplateMethodModelEx) args -> markup(markdown.inline(markdownArgument(args))));
        model.put("plural", (TemplateMethodModelEx) args -> {
            if (args.size() != 2) throw new TemplateModelException("plural() takes a word and a number");
            Object n = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(1));
            return messages.plural(args.get(0).toString(), ((Number) n).longValue());
        });
        if (page.playbook() != null) {
            model.put("playbook", page.playbook());
            model.put("view", new PlaybookView(page.playbook(), page.links(), messages));
        }
        if (page.stage() != null) model.put("stage", page.stage());
        try {
            Template template = theme.freemarker().getTemplate(page.kind().template());
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() == null ? "" : e.getTemplateSourceName() + ":"
                    + e.getLineNumber() + ":" + e.getColumnNumber() + ": ";
            throw new RenderException(where + "template error while drawing " + page.path() + ": "
                    + e.getMessageWithoutStackTop().strip(), e);
        } catch (IOException e) {
            throw new RenderException("cannot load the template for " + page.path() + ": " + e.getMessage(), e);
        }
    }

    private static Markdown markdownArgument(List<?> args) throws TemplateModelException {
        if (args.size() != 1) throw new TemplateModelException("md() takes one Markdown value");
        Object value = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0));
        if (value == null) return null;
        if (value instanceof Markdown m) return m;
        return new Markdown(value.toString(), null, 0);
    }

    private static Object markup(String html) throws TemplateModelException {
        return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    }
}
