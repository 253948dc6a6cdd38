package dev.playbook.render;

import dev.playbook.render.diagram.PlaybookDiagrams;
import dev.playbook.diagnostics.Failure;
import dev.playbook.model.Markdown;
import dev.playbook.plan.PageKind;
import dev.playbook.plan.PlannedPage;
import dev.playbook.plan.PublicUrls;
import freemarker.core.ParseException;
import freemarker.template.Template;
import freemarker.template.TemplateException;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Draws one planned page with the theme's template for its kind. Safe to share between threads. */
final class PageTemplates {

    /**
     * @param playbook the playbook the page belongs to, or null for a site-wide page
     */
    byte[] draw(SiteOutput site, PlannedPage page, PlaybookOutput playbook) throws RenderException, TemplateMistake {
        Messages messages = site.messages(page.language());
        MarkdownRenderer markdown = playbook != null ? playbook.markdown() : site.markdown();
        Map<String, Object> model = new HashMap<>();
        Map<String, Supplier<?>> later = new HashMap<>();
        model.put("site", site.site());
        model.put("settings", site.site().settings());
        String baseUrl = site.site().settings().baseUrl();
        if (!baseUrl.isEmpty()) model.put("canonical", PublicUrls.of(baseUrl, page.path()));
        // the site's title and footer in the page's own language
        model.put("siteTitle", site.site().settings().titleIn(page.language()));
        Markdown footer = site.site().settings().footerIn(page.language());
        if (footer != null) model.put("siteFooter", footer);
        model.put("page", page);
        model.put("links", page.links());
        if (page.kind() == PageKind.AUDIT) model.put("auditQuestions", TemplateHelpers.auditQuestions(site.site().settings(), messages));
        model.put("lang", page.language().code());
        model.put("msg", messages.forTemplates());
        model.put("generator", site.generator());
        TemplateHelpers.addTo(model, markdown, messages);
        Map<String, Object> facts = new HashMap<>(site.facts());
        if (playbook != null) {
            facts.putAll(playbook.facts());
            model.put("playbook", playbook.playbook());
            model.put("view", new PlaybookView(playbook.playbook(), playbook.route(), page.links(), messages));
            PlaybookDiagrams d = playbook.diagrams();
            model.put("flowSvg", TemplateHelpers.trusted(d.flowMarkup()));
            model.put("flowOmitted", d.flowSvg() == null);
            int[] size = d.flowSize();
            // the flowchart as a picture of its own file, for pages that show it beside other things
            if (size != null) model.put("flowPicture", Map.of("alt", d.flowLabel(), "width", size[0], "height", size[1]));
            if (d.hasRoles()) {
                // the swimlanes may still be being drawn: only a template that shows them waits
                later.put("rolesSvg", () -> embeddable(d.rolesMarkup()));
                later.put("rolesOmitted", () -> d.rolesSvg() == null);
                later.put("rolesSize", () -> {
                    int[] roles = d.rolesSize();
                    return roles == null ? null : Map.of("width", roles[0], "height", roles[1]);
                });
            } else {
                model.put("rolesOmitted", false);
            }
        }
        model.put("facts", facts);
        Object packPages = facts.get(PackPublisher.PAGES);
        if (packPages != null && (page.kind() == PageKind.PLAYBOOK || page.kind() == PageKind.CHECKLIST)) {
            model.put("pack", Map.of("url", page.links().onboardingPack(page.playbook().id()), "pages", packPages));
        }
        if (page.stage() != null) model.put("stage", page.stage());
        ChangesView changes = site.changes() == null ? null
                : new ChangesView(site.changes(), page.playbook(), page.links(), messages);
        if (changes != null) model.put("changes", changes);
        model.put("description", PageDescription.of(page, messages, changes == null ? null : changes.since()));
        try {
            Template template = site.theme().freemarker().getTemplate(page.kind().template());
            // straight to UTF-8 bytes: pages with diagrams are large, and every copy of them costs
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
            Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 16 * 1024);
            // a hash that keeps what it wrapped: a page reads its few variables hundreds of times
            template.process(new PageModel(model, later, template.getObjectWrapper()), out);
            out.flush();
            return bytes.toByteArray();
        } catch (TemplateException e) {
            throw TemplateMistake.of(e, site.theme(), page.kind().template());
        } catch (ParseException e) {
            throw TemplateMistake.of(e, site.theme(), page.kind().template());
        } catch (IOException e) {
            TemplateMistake earlier = TemplateMistake.ofEarlierFailure(e, site.theme(), page.kind().template());
            if (earlier != null) throw earlier;
            throw new RenderException(Failure.input("cannot read the template for " + page.path() + ": " + e.getMessage()), e);
        }
    }

    /** {@link TemplateHelpers#trusted} for a value worked out while the template runs. */
    private static Object embeddable(String html) {
        try {
            return TemplateHelpers.trusted(html);
        } catch (RenderException e) {
            // FreeMarker declares the exception but never throws it for plain text
            throw new IllegalStateException(e);
        }
    }
}
