package dev.playbook.render;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.model.Language;
import dev.playbook.model.Playbook;
import dev.playbook.model.Markdown;
import dev.playbook.model.Markdown;
import dev.playbook.plan.PageKind;
import dev.playbook.plan.PlannedPage;
import dev.playbook.plan.SitePlan;
import dev.playbook.plan.SitePaths;
import dev.playbook.progress.Progress;
import dev.playbook.render.pdf.OnboardingPack;
import dev.playbook.render.pdf.PackCache;
import dev.playbook.render.pdf.PackRun;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The render step: draws every planned page with the theme's templates, and adds the theme's assets. */
public final class SiteRenderer {
    private final Theme theme;
    private final String generator;
    private final DiagramBatch diagramBatch;

    private final Progress progress;
    private final SearchIndexWriter searchIndex = new SearchIndexWriter();

    public SiteRenderer(Theme theme, String generator, DiagramCache cache) {
        this(theme, generator, cache, Progress.NONE);
    }

    public SiteRenderer(Theme theme, String generator, DiagramCache cache, Progress progress) {
        this.theme = theme;
        this.generator = generator;
        this.progress = progress;
        this.diagramBatch = new DiagramBatch(new PlantUmlEngine(), cache, progress);
        this.packs = new OnboardingPack(theme, generator, PackCache.beside(cache));
    }

    private final OnboardingPack packs;

    /** How long drawing (or fetching) the onboarding packs took, added up over their threads. */
    public long packMillis() {
        return packs.millis();
    }

    private long diagramNanos;

    /** How long drawing (or fetching) the diagrams took, in all. */
    public long diagramMillis() {
        return diagramNanos / 1_000_000;
    }

    /** How many diagrams this renderer drew, and how many it took from the cache. */
    public int diagramsDrawn() {
        return diagramBatch.drawn();
    }

    public int diagramsCached() {
        return diagramBatch.cached();
    }

    /** Playbooks drawn together: enough to keep every core busy, few enough to keep memory small. */
    static final int CHUNK = 32;

    /** The files of the part of the site in scope, and the theme's assets, in memory. */
    public List<RenderedFile> render(SitePlan plan, Diagnostics diagnostics, RenderScope scope) throws RenderException {
        List<RenderedFile> files = java.util.Collections.synchronizedList(new ArrayList<>());
        render(plan, diagnostics, scope, files::add);
        if (diagnostics.hasErrors()) return List.of();
        List<RenderedFile> sorted = new ArrayList<>(files);
        sorted.sort(java.util.Comparator.comparing(RenderedFile::path));
        return sorted;
    }

    /**
     * Draws the part of the site in scope into {@code sink}, a few playbooks at a time. When a
     * diagram cannot be drawn, the rest is still drawn to find every such error, and the caller
     * must discard what the sink received.
     *
     * @return how many files went to the sink
     */
    public int render(SitePlan plan, Diagnostics diagnostics, RenderScope scope, FileSink sink) throws RenderException {
        try {
            return renderScope(plan, diagnostics, scope, sink);
        } catch (PageFailure failure) {
            throw failure.getCause() instanceof RenderException r ? r
                    : new RenderException("cannot write a page: " + failure.getCause().getMessage(), failure.getCause());
        }
    }

    private int renderScope(SitePlan plan, Diagnostics diagnostics, RenderScope scope, FileSink sink) throws RenderException {
        Map<Language, Messages> messages;
        Map<String, byte[]> assets;
        try {
            messages = theme.messages();
            assets = theme.assets();
        } catch (IOException e) {
            throw new RenderException("cannot read the theme: " + e.getMessage(), e);
        }
        SiteDiagrams diagrams = new SiteDiagrams(diagramBatch);
        // the site's own texts (footer, audit questions) appear on every page: drawn once, first
        SiteDiagrams.Drawn siteTexts = timed(() -> diagrams.draw(plan.site(), messages, diagnostics,
                new RenderScope(java.util.Set.of(), true)));
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<PlannedPage> inScope = plan.pages().stream()
                .filter(page -> page.playbook() == null ? scope.sitePages() : scope.includes(page.playbook().id()))
                .toList();
        List<Playbook> playbooks = plan.site().playbooks().stream().filter(p -> scope.includes(p.id())).toList();
        for (int from = 0; from < playbooks.size(); from += CHUNK) {
            java.util.Set<String> chunk = new java.util.HashSet<>();
            playbooks.subList(from, Math.min(playbooks.size(), from + CHUNK)).forEach(p -> chunk.add(p.id()));
            SiteDiagrams.Drawn drawn = timed(() -> diagrams.draw(plan.site(), messages, diagnostics,
                    new RenderScope(chunk, false)));
            if (diagnostics.hasErrors()) continue;
            List<PlannedPage> pages = inScope.stream().filter(p -> p.playbook() != null && chunk.contains(p.playbook().id()))
                    .toList();
            try (PackRun packRun = PackRun.start(packs, plan.site().settings(), plan.site().playbooks().stream()
                    .filter(p -> chunk.contains(p.id())).toList(), id -> drawn.byPlaybook().get(id).flowSvg(),
                    drawn.with(siteTexts).markdownMarkup()::get, diagnostics)) {
                emit(plan, pages, messages, drawn.with(siteTexts), packRun, sink, written, done, inScope.size());
                for (String id : chunk) {
                    if (packRun.has(id)) put(sink, new RenderedFile(SitePaths.onboardingPack(id), packRun.await(id).pdf()), written);
                }
            }
            for (String id : chunk) {
                SiteDiagrams.PlaybookDiagrams d = drawn.byPlaybook().get(id);
                put(sink, text(SitePaths.diagramFile(id, "flow.puml"), d.flowSource()), written);
                put(sink, text(SitePaths.diagramFile(id, "flow.svg"), standalone(d.flowSvg())), written);
                if (d.rolesSource() != null) {
                    put(sink, text(SitePaths.diagramFile(id, "roles.puml"), d.rolesSource()), written);
                    put(sink, text(SitePaths.diagramFile(id, "roles.svg"), standalone(d.rolesSvg())), written);
                }
            }
        }
        if (diagnostics.hasErrors()) return written.get();
        if (scope.sitePages()) {
            List<PlannedPage> sitePages = inScope.stream().filter(p -> p.playbook() == null).toList();
            emit(plan, sitePages, messages, siteTexts, PackRun.NONE, sink, written, done, inScope.size());
            put(sink, text(SitePaths.searchIndex(), searchIndex.write(plan.site())), written);
        }
        for (String schema : List.of("playbook.schema.json", "site.schema.json")) {
            put(sink, new RenderedFile(SitePaths.schema(schema), Theme.resource("/schema/" + schema)), written);
        }
        for (Map.Entry<String, byte[]> asset : assets.entrySet()) {
            put(sink, new RenderedFile(SitePaths.asset(asset.getKey()), asset.getValue()), written);
        }
        return written.get();
    }

    private interface DiagramStep {
        SiteDiagrams.Drawn run() throws RenderException;
    }

    private SiteDiagrams.Drawn timed(DiagramStep step) throws RenderException {
        long start = System.nanoTime();
        try {
            return step.run();
        } finally {
            diagramNanos += System.nanoTime() - start;
        }
    }

    /** Draws pages in parallel: they are independent, and templates and renderers are safe to share. */
    private void emit(SitePlan plan, List<PlannedPage> pages, Map<Language, Messages> messages, SiteDiagrams.Drawn drawn,
                      PackRun packRun, FileSink sink, java.util.concurrent.atomic.AtomicInteger written,
                      java.util.concurrent.atomic.AtomicInteger done, int total) {
        MarkdownRenderer markdown = new MarkdownRenderer(drawn.markdownMarkup()::get);
        // a failure is kept, not thrown, so that every page task has ended (and written nothing
        // more) by the time the caller hears of it and cleans up
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        pages.parallelStream().forEach(page -> {
            if (failure.get() != null) return;
            try {
                put(sink, new RenderedFile(page.path(), page(plan, page, messages.get(page.language()), markdown, drawn, packRun)),
                        written);
                progress.advance("pages", done.incrementAndGet(), total);
            } catch (RenderException e) {
                failure.compareAndSet(null, new PageFailure(e));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        });
        if (failure.get() != null) throw failure.get();
    }

    private static void put(FileSink sink, RenderedFile file, java.util.concurrent.atomic.AtomicInteger written) {
        try {
            sink.accept(file);
            written.incrementAndGet();
        } catch (IOException e) {
            throw new PageFailure(e);
        }
    }

    /** Carries a page's failure out of the parallel stream, where checked exceptions cannot go. */
    private static final class PageFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PageFailure(Exception cause) {
            super(cause);
        }
    }

    /** The site's own audit questions, or the default ones in the page's language. */
    private static List<Markdown> auditQuestions(SitePlan plan, Messages messages) {
        if (!plan.site().settings().auditQuestions().isEmpty()) return plan.site().settings().auditQuestions();
        List<Markdown> defaults = new ArrayList<>();
        for (int i = 1; messages.asMap().containsKey("audit.q" + i); i++) {
            defaults.add(new Markdown(messages.get("audit.q" + i), null, 0, 0));
        }
        return defaults;
    }

    private static RenderedFile text(String path, String content) {
        return new RenderedFile(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** An SVG file of its own: as embedded, plus the XML declaration viewers expect. */
    private static String standalone(String svg) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n";
    }

    private byte[] page(SitePlan plan, PlannedPage page, Messages messages, MarkdownRenderer markdown,
                        SiteDiagrams.Drawn diagrams, PackRun packRun) throws RenderException {
        Map<String, Object> model = new HashMap<>();
        model.put("site", plan.site());
        model.put("settings", plan.site().settings());
        model.put("page", page);
        model.put("links", page.links());
        if (page.kind() == dev.playbook.plan.PageKind.AUDIT) model.put("auditQuestions", auditQuestions(plan, messages));
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
            SiteDiagrams.PlaybookDiagrams d = diagrams.byPlaybook().get(page.playbook().id());
            model.put("flowSvg", trusted(d.flowSvg()));
            if (d.rolesSvg() != null) model.put("rolesSvg", trusted(d.rolesSvg()));
            if (packRun.has(page.playbook().id()) && (page.kind() == PageKind.PLAYBOOK || page.kind() == PageKind.CHECKLIST)) {
                model.put("pack", new PackRun.Link(page.links().onboardingPack(page.playbook().id()),
                        packRun.await(page.playbook().id()).pages()));
            }
        }
        if (page.stage() != null) model.put("stage", page.stage());
        try {
            Template template = theme.freemarker().getTemplate(page.kind().template());
            // straight to UTF-8 bytes: pages with diagrams are large, and every copy of them costs
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(16 * 1024);
            java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8), 16 * 1024);
            template.process(model, out);
            out.flush();
            return bytes.toByteArray();
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() == null ? "" : e.getTemplateSourceName() + ":"
                    + e.getLineNumber() + ":" + e.getColumnNumber() + ": ";
            throw new RenderException(where + "template error while drawing " + page.path() + ": "
                    + e.getMessageWithoutStackTop().strip(), e);
        } catch (freemarker.core.ParseException e) {
            throw new RenderException(e.getTemplateName() + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": template error: " + e.getEditorMessage(), e);
        } catch (IOException e) {
            throw new RenderException("cannot load the template for " + page.path() + ": " + e.getMessage(), e);
        }
    }

    private static Markdown markdownArgument(List<?> args) throws TemplateModelException {
        if (args.size() != 1) throw new TemplateModelException("md() takes one Markdown value");
        Object value = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0));
        if (value == null) return null;
        if (value instanceof Markdown m) return m;
        return new Markdown(value.toString(), null, 0, 0);
    }

    /** Markup we made ourselves and already cleaned, which templates must not escape again. */
    private static Object trusted(String html) throws RenderException {
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(html);
        } catch (TemplateModelException e) {
            throw new RenderException("cannot embed markup: " + e.getMessage(), e);
        }
    }

    private static Object markup(String html) throws TemplateModelException {
        return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    }
}
