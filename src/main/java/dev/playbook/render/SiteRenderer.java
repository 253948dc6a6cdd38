package dev.playbook.render;

import dev.playbook.changes.Comparison;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Failure;
import dev.playbook.model.Language;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.plan.PlannedPage;
import dev.playbook.plan.SitePlan;
import dev.playbook.progress.Progress;
import dev.playbook.render.diagram.Diagrams;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The render step: draws the diagrams of the part of the site in scope, a few playbooks at a
 * time, and lets every publisher turn them into files. Nothing here knows what the files are.
 */
public final class SiteRenderer {
    /** Playbooks drawn together: enough to keep every core busy, few enough to keep memory small. */
    static final int CHUNK = 32;
    /**
     * How often a preview draws its sample diagrams at start-up: enough for the compiler to take
     * PlantUML's code on. After three, the second and third edits still found it half compiled
     * and took about half as long again as later ones; each more costs start-up a tenth of a second.
     */
    static final int REHEARSALS = 10;

    private final Theme theme;
    private final String generator;
    private final Diagrams diagrams;
    private final Progress progress;
    private final List<Publisher> publishers;
    private long diagramNanos;

    /** What a render did, for the summary and {@code --verbose}. */
    public record Summary(int files, int pages, int diagramsDrawn, int diagramsCached, long diagramMillis) {
    }

    public SiteRenderer(Theme theme, String generator, Diagrams diagrams, Progress progress, List<Publisher> publishers) {
        this.theme = theme;
        this.generator = generator;
        this.progress = progress;
        this.publishers = List.copyOf(publishers);
        this.diagrams = diagrams;
    }

    /** The outputs every site has, in the order they run for a playbook. */
    public static List<Publisher> standardPublishers(PackPublisher packs) {
        // the pack goes first: the pages link to it with its page count; the diagram files follow
        // the pages, which do not wait for the swimlanes unless they show them
        return List.of(packs, new PagePublisher(), new DiagramFilePublisher(), new SearchIndexPublisher(),
                new StaticFilePublisher(), new SearchEnginePublisher());
    }

    /**
     * Draws the part of the site in scope into {@code sink}. When a diagram cannot be drawn, the
     * rest is still drawn to find every such error, and the caller must discard what the sink
     * received.
     */
    public Summary render(SitePlan plan, Diagnostics diagnostics, RenderScope scope, FileSink sink) throws RenderException {
        return render(plan, diagnostics, scope, sink, null);
    }

    /** @param changes what changed since the version the site marks changes against, or null */
    public Summary render(SitePlan plan, Diagnostics diagnostics, RenderScope scope, FileSink sink, Comparison changes)
            throws RenderException {
        int drawnBefore = diagrams.drawn();
        int cachedBefore = diagrams.cached();
        long nanosBefore = diagramNanos;
        Map<Language, Messages> messages;
        try {
            messages = theme.messages();
        } catch (TemplateMistake e) {
            diagnostics.error(e.at(), e.getMessage());
            return new Summary(0, 0, 0, 0, 0);
        } catch (IOException e) {
            throw new RenderException(Failure.input("cannot read the theme: " + e.getMessage()), e);
        }
        AtomicInteger files = new AtomicInteger();
        FileSink counted = new FileSink() {
            @Override
            public void accept(RenderedFile file) throws IOException {
                sink.accept(file);
                files.incrementAndGet();
            }

            @Override
            public void acceptOnRequest(String path, Recipe recipe) throws IOException, RenderException {
                sink.acceptOnRequest(path, recipe);
                files.incrementAndGet();
            }
        };
        List<Playbook> playbooks = plan.site().playbooks().stream().filter(p -> scope.includes(p.id())).toList();
        // the first chunk's diagrams start before anything else: its swimlanes are what an edit in
        // the preview waits for longest, and the site-wide pages can be drawn meanwhile
        Diagrams.Drawing first = playbooks.isEmpty() ? null : diagrams.start(plan.site(), messages, chunk(playbooks, 0));
        boolean handedOver = false;
        SitePublishing sitePart = null;
        try {
            // the site's own texts (footer, audit questions) appear on every page: drawn once, first
            Diagrams.Drawing texts = diagrams.start(plan.site(), messages, new RenderScope(Set.of(), true));
            Diagrams.Drawn siteTexts;
            try {
                siteTexts = texts.drawn(diagnostics);
            } finally {
                finish(texts, diagnostics);
            }
            SiteOutput site = new SiteOutput(plan, theme, messages, generator, diagnostics, progress,
                    new MarkdownRenderer(siteTexts.markdownMarkup()::get), changes);
            for (Publisher publisher : publishers) publisher.prepare(site);

            Map<String, List<PlannedPage>> pages = pagesByPlaybook(plan);
            sitePart = scope.sitePages() ? SitePublishing.start(publishers, site, counted) : null;
            handedOver = true;
            publishPlaybooks(plan, messages, diagnostics, siteTexts, site, playbooks, first, pages, counted);
        } finally {
            if (!handedOver && first != null) finishAfterFailure(first, diagnostics);
            // every file is drawn, or given up, before the caller hears of the outcome
            if (sitePart != null) sitePart.await();
        }
        if (sitePart != null) sitePart.report(diagnostics);
        int pageCount = (int) plan.pages().stream()
                .filter(p -> p.playbook() == null ? scope.sitePages() : scope.includes(p.playbook().id())).count();
        return new Summary(files.get(), pageCount, diagrams.drawn() - drawnBefore, diagrams.cached() - cachedBefore,
                (diagramNanos - nanosBefore) / 1_000_000);
    }

    /**
     * Draws the playbooks in scope, a chunk at a time: each chunk's diagrams, then its publishers
     * in parallel. The first chunk's diagrams are already being drawn ({@code first}); they are
     * finished here in any case.
     */
    private void publishPlaybooks(SitePlan plan, Map<Language, Messages> messages, Diagnostics diagnostics,
                                  Diagrams.Drawn siteTexts, SiteOutput site, List<Playbook> playbooks,
                                  Diagrams.Drawing first, Map<String, List<PlannedPage>> pages, FileSink sink)
            throws RenderException {
        for (int from = 0; from < playbooks.size(); from += CHUNK) {
            Diagrams.Drawing drawing = from == 0 ? first : diagrams.start(plan.site(), messages, chunk(playbooks, from));
            try {
                Diagrams.Drawn drawn = drawing.drawn(diagnostics);
                if (diagnostics.hasErrors()) continue;
                Diagrams.Drawn withSite = drawn.with(siteTexts);
                MarkdownRenderer markdown = new MarkdownRenderer(withSite.markdownMarkup()::get);
                List<PlaybookOutput> outputs = playbooks.subList(from, Math.min(playbooks.size(), from + CHUNK)).stream()
                        .map(p -> new PlaybookOutput(site, p, pages.getOrDefault(p.id(), List.of()),
                                drawn.byPlaybook().get(p.id()), markdown))
                        .toList();
                // the swimlanes may still be being drawn: only what shows them waits for them
                publishInParallel(outputs, sink, diagnostics);
            } finally {
                finish(drawing, diagnostics);
            }
        }
    }

    /**
     * Draws a few diagrams of {@code site} and forgets them, so that a preview's first edit finds
     * PlantUML's code compiled (see {@link Diagrams#rehearse}).
     */
    public void rehearse(Site site) {
        try {
            diagrams.rehearse(site, theme.messages(), REHEARSALS);
        } catch (IOException e) {
            // the words could not be read: the next render says so, and a rehearsal is only for speed
        }
    }

    private static Map<String, List<PlannedPage>> pagesByPlaybook(SitePlan plan) {
        Map<String, List<PlannedPage>> byPlaybook = new HashMap<>();
        for (PlannedPage page : plan.pages()) {
            if (page.playbook() != null) {
                byPlaybook.computeIfAbsent(page.playbook().id(), k -> new ArrayList<>()).add(page);
            }
        }
        return byPlaybook;
    }

    /**
     * Runs the publishers over several playbooks at once: playbooks are independent, and
     * templates and renderers are safe to share. A failure is kept, not thrown at once, so that
     * every task has ended (and written nothing more) by the time the caller hears of it. A
     * template's mistake becomes an error at its line, and the other playbooks are still drawn,
     * so that every broken template is named at once.
     */
    private void publishInParallel(List<PlaybookOutput> outputs, FileSink sink, Diagnostics diagnostics)
            throws RenderException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Queue<TemplateMistake> mistakes = new ConcurrentLinkedQueue<>();
        outputs.parallelStream().forEach(output -> {
            for (Publisher publisher : publishers) {
                if (failure.get() != null) return;
                try {
                    publisher.publish(output, sink);
                } catch (TemplateMistake e) {
                    mistakes.add(e);
                    return;
                } catch (RenderException | IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        });
        // Diagnostics is not for many threads: the mistakes join it once every task has ended
        for (TemplateMistake mistake : mistakes) diagnostics.error(mistake.at(), mistake.getMessage());
        Exception e = failure.get();
        if (e instanceof RenderException r) throw r;
        if (e instanceof IOException io) throw new RenderException(Failure.output("cannot write a page: " + io.getMessage()), io);
        if (e instanceof RuntimeException r) throw r;
    }

    /** The playbooks of the chunk that begins at {@code from}, as a scope without the site pages. */
    private static RenderScope chunk(List<Playbook> playbooks, int from) {
        Set<String> chunk = new HashSet<>();
        playbooks.subList(from, Math.min(playbooks.size(), from + CHUNK)).forEach(p -> chunk.add(p.id()));
        return new RenderScope(chunk, false);
    }

    /** Ends a drawing whose pages will not be drawn, as something before them failed: that failure is the one told. */
    private void finishAfterFailure(Diagrams.Drawing drawing, Diagnostics diagnostics) {
        try {
            finish(drawing, diagnostics);
        } catch (RenderException | RuntimeException e) {
            // the failure already on its way out is the one to tell
        }
    }

    /** Ends a drawing and counts its own time, whether or not pages were drawn beside it. */
    private void finish(Diagrams.Drawing drawing, Diagnostics diagnostics) throws RenderException {
        try {
            drawing.finish(diagnostics);
        } finally {
            diagramNanos += drawing.nanos();
        }
    }
}
