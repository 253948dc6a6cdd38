package dev.playbook.render.diagram;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.model.Language;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import dev.playbook.progress.Progress;
import dev.playbook.render.Messages;
import dev.playbook.render.RenderException;
import dev.playbook.render.RenderScope;
import freemarker.template.utility.StringUtil;
import org.commonmark.node.FencedCodeBlock;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Draws every diagram of a site in one batch: each playbook's flowchart and its "who does what"
 * swimlanes, and every ```plantuml block in the Markdown. The pages wait for all of them but the
 * swimlanes, the slowest to draw and shown on one page only, which are handed over when asked for.
 * A block PlantUML rejects or fails on becomes an error at the file and line where the author
 * wrote it. A generated diagram too large to draw is left out with a warning, and the pages show
 * a plain notice in its place; PlantUML's picture of its own failure is never published.
 */
public final class Diagrams {
    /**
     * Beyond this many stages a playbook's diagrams are not drawn: PlantUML would take minutes,
     * or run out of stack, and the picture would be too tall to read or to embed in a page.
     */
    static final int MAX_DRAWN_STAGES = 1000;
    /** The largest playbook whose diagrams are drawn to warm PlantUML up: a rehearsal must stay short. */
    static final int REHEARSED_STAGES = 100;

    /**
     * What a run drew: each playbook's diagrams, and the markup of each ```plantuml block by its
     * source, for the Markdown renderer.
     */
    public record Drawn(Map<String, PlaybookDiagrams> byPlaybook, Map<String, String> markdownMarkup) {
        /** These diagrams together with another set's, e.g. a chunk's with the site-wide texts'. */
        public Drawn with(Drawn other) {
            Map<String, String> markup = new HashMap<>(other.markdownMarkup);
            markup.putAll(markdownMarkup);
            return new Drawn(byPlaybook, markup);
        }
    }

    private final DiagramBatch batch;

    /**
     * @param cacheFolder where drawn diagrams are kept between runs, or null for none
     * @param writesCache whether new drawings go into the cache folder ({@code check} only reads it)
     */
    public Diagrams(Path cacheFolder, boolean writesCache, Progress progress) {
        this(new DiagramBatch(new PlantUmlEngine(), writesCache ? new DiagramCache(cacheFolder)
                : DiagramCache.readOnly(cacheFolder), progress));
    }

    Diagrams(DiagramBatch batch) {
        this.batch = batch;
    }

    /** Removes the diagrams in the cache folder {@code cacheFolder} last used before {@code cutoff}; how many. */
    public static int pruneCache(Path cacheFolder, FileTime cutoff) {
        return DiagramCache.prune(cacheFolder, cutoff);
    }

    /** Starts PlantUML on a thread of its own, so that its start-up overlaps other work of a run about to draw. */
    public static void warmUp() {
        PlantUmlEngine.warmUpInBackground();
    }

    /** Whether a fenced block of Markdown is a diagram ({@code ```plantuml}), drawn rather than shown as code. */
    public static boolean isDiagram(FencedCodeBlock block) {
        return MarkdownDiagrams.isDiagram(block);
    }

    /** How many diagrams this instance drew, and how many it took from the cache, since it was made. */
    public int drawn() {
        return batch.drawn();
    }

    public int cached() {
        return batch.cached();
    }

    /**
     * Draws the diagrams of the playbooks in scope (and, with the site pages in scope, those of
     * the site's own texts): from the cache where it can, else with PlantUML.
     */
    public Drawn draw(Site site, Map<Language, Messages> messages, Diagnostics diagnostics, RenderScope scope)
            throws RenderException {
        Drawing drawing = start(site, messages, scope);
        Drawn drawn;
        try {
            drawn = drawing.drawn(diagnostics);
        } finally {
            drawing.finish(diagnostics);
        }
        return drawn;
    }

    /**
     * Starts drawing the diagrams {@link #draw} would, and returns at once: the pages can begin
     * once {@link Drawing#drawn} is, while the swimlanes are still being drawn.
     */
    public Drawing start(Site site, Map<Language, Messages> messages, RenderScope scope) {
        long begun = System.nanoTime();
        // the authors' diagrams first: usually in the cache already, they are soon done, whereas
        // behind a playbook's diagrams they would keep every page of an edit waiting for its caching
        List<DiagramJob> jobs = new ArrayList<>();
        Map<DiagramSource, DiagramJob> writtenJobs = new LinkedHashMap<>();
        for (DiagramSource d : new MarkdownDiagrams().find(site, scope)) {
            DiagramJob job = new DiagramJob(d.text(), "Diagram", firstLineOf(d.text()));
            writtenJobs.put(d, job);
            jobs.add(job);
        }
        Map<String, DiagramJob[]> generated = new LinkedHashMap<>();
        List<Playbook> inScope = site.playbooks().stream().filter(p -> scope.includes(p.id())).toList();
        List<Playbook> tooLarge = new ArrayList<>();
        for (Playbook playbook : inScope) {
            DiagramJob[] both = generatedJobs(playbook, messages.get(playbook.language()));
            generated.put(playbook.id(), both);
            if (playbook.allStages().size() > MAX_DRAWN_STAGES) {
                tooLarge.add(playbook);
                continue;
            }
            jobs.add(both[0]);
            if (both[1] != null) jobs.add(both[1]);
        }
        return new Drawing(inScope, messages, generated, tooLarge, writtenJobs, batch.start(jobs), begun);
    }

    /** The diagrams of part of a site, being drawn. */
    public final class Drawing {
        private final List<Playbook> inScope;
        private final Map<Language, Messages> messages;
        private final Map<String, DiagramJob[]> generated;
        private final List<Playbook> tooLarge;
        private final Map<DiagramSource, DiagramJob> writtenJobs;
        private final DiagramBatch.Running running;
        private final long begun;

        private Drawing(List<Playbook> inScope, Map<Language, Messages> messages, Map<String, DiagramJob[]> generated,
                        List<Playbook> tooLarge, Map<DiagramSource, DiagramJob> writtenJobs, DiagramBatch.Running running,
                        long begun) {
            this.begun = begun;
            this.inScope = inScope;
            this.messages = messages;
            this.generated = generated;
            this.tooLarge = tooLarge;
            this.writtenJobs = writtenJobs;
            this.running = running;
        }

        /**
         * Waits for every diagram but the swimlanes, and reports their problems: each
         * playbook's swimlanes are handed over by {@link PlaybookDiagrams#rolesSvg}, which waits
         * for them, and their own problems are reported by {@link #finish}.
         */
        public Drawn drawn(Diagnostics diagnostics) throws RenderException {
            for (Playbook playbook : tooLarge) {
                diagnostics.warning(Position.startOf(playbook.sourceFile()), "playbook `" + playbook.id() + "` has "
                        + playbook.allStages().size() + " stages, more than the " + MAX_DRAWN_STAGES
                        + " a diagram can show; its flowchart" + (generated.get(playbook.id())[1] == null ? " is" : " and swimlanes are")
                        + " left out, and its pages say so");
            }
            Map<String, PlaybookDiagrams> byPlaybook = new HashMap<>();
            for (Playbook playbook : inScope) {
                DiagramJob[] job = generated.get(playbook.id());
                boolean drawn = !tooLarge.contains(playbook);
                String flowSvg = drawn ? generatedSvg(running.await(job[0]), job[0], playbook, "flowchart", diagnostics) : null;
                DiagramJob roles = job[1];
                Supplier<String> rolesSvg = roles == null || !drawn ? () -> null : () -> {
                    DiagramResult result = running.await(roles);
                    // finish() reports a failure: a crash leaves the swimlanes out with a warning (the pages
                    // show the notice), any other failure stops the build and its pages are not published
                    return result.failed() ? null : result.svg();
                };
                byPlaybook.put(playbook.id(), new PlaybookDiagrams(job[0].source(), flowSvg,
                        job[0].title() + ". " + job[0].description(), roles == null ? null : roles.source(), rolesSvg,
                        omittedNotice(playbook, messages.get(playbook.language()))));
            }
            Map<String, String> markup = new HashMap<>();
            for (Map.Entry<DiagramSource, DiagramJob> entry : writtenJobs.entrySet()) {
                DiagramSource d = entry.getKey();
                DiagramResult result = running.await(entry.getValue());
                if (result.failed()) {
                    Position at = d.origin() == null ? Position.startOf("?")
                            : new Position(d.origin().file(), d.firstLine() + result.errorLine(), d.origin().column());
                    diagnostics.error(at, "PlantUML cannot draw this diagram: " + result.error());
                } else {
                    markup.putIfAbsent(d.text(), "<figure class=\"diagram\">" + result.svg() + "</figure>");
                }
            }
            return new Drawn(byPlaybook, markup);
        }

        /**
         * The time the diagrams took, from writing their sources to the end of the last drawing;
         * complete after {@link #finish}.
         */
        public long nanos() {
            return running.lastDone() - begun;
        }

        /**
         * Waits for every diagram, counts what was drawn, and reports the swimlanes' problems;
         * called once in any case, after the pages that may ask for the swimlanes are drawn.
         */
        public void finish(Diagnostics diagnostics) throws RenderException {
            Map<DiagramJob, DiagramResult> results = running.finish(diagnostics);
            for (Playbook playbook : inScope) {
                DiagramJob roles = generated.get(playbook.id())[1];
                if (roles != null && !tooLarge.contains(playbook)) {
                    generatedSvg(results.get(roles), roles, playbook, "swimlanes", diagnostics);
                }
            }
        }
    }

    /** A playbook's flowchart and, when it has roles, its swimlanes (else null). */
    private static DiagramJob[] generatedJobs(Playbook playbook, Messages words) {
        DiagramJob flow = new DiagramJob(FlowchartWriter.write(playbook, words),
                words.get("flow.title") + ": " + playbook.title(), describe(playbook, words));
        String rolesSource = SwimlaneWriter.write(playbook, words);
        DiagramJob roles = rolesSource == null ? null : new DiagramJob(rolesSource,
                words.get("flow.whoDoesWhat") + ": " + playbook.title(), words.get("flow.rolesDescription"));
        return new DiagramJob[] {flow, roles};
    }

    /**
     * Draws the diagrams of one of the site's playbooks (the first of a usual size) a few times
     * and forgets them, for a preview about to wait for edits: PlantUML's code is then compiled
     * before the first edit needs it, rather than while the author waits.
     */
    public void rehearse(Site site, Map<Language, Messages> messages, int rounds) {
        Playbook sample = site.playbooks().stream().filter(p -> p.allStages().size() <= REHEARSED_STAGES).findFirst()
                .orElse(null);
        if (sample == null) return;
        List<DiagramJob> jobs = new ArrayList<>();
        for (DiagramJob job : generatedJobs(sample, messages.get(sample.language()))) if (job != null) jobs.add(job);
        for (int i = 0; i < rounds; i++) batch.rehearse(jobs);
    }

    /** The SVG of a generated diagram, or null when it is left out: not drawn, or too large for PlantUML. */
    private static String generatedSvg(DiagramResult result, DiagramJob job, Playbook playbook, String what,
                                       Diagnostics diagnostics) throws RenderException {
        if (result == null) return null;
        if (result.crashed()) {
            diagnostics.warning(Position.startOf(playbook.sourceFile()), "the " + what + " of playbook `"
                    + playbook.id() + "` cannot be drawn: " + result.error() + "; it is left out, and its pages say so");
            return null;
        }
        if (result.failed()) {
            // our own generated source failed: a bug here, not a mistake of the author
            throw new RenderException("could not draw a generated diagram (" + result.error() + " at line "
                    + (result.errorLine() + 1) + "):\n" + job.source(), null);
        }
        return result.svg();
    }

    /** Plain words in the page's language where a diagram would be: "Diagram omitted: 3000 stages". */
    private static String omittedNotice(Playbook playbook, Messages words) {
        return "<p class=\"diagram-omitted\">" + StringUtil.XHTMLEnc(words.get("flow.omitted") + ": "
                + words.plural("stages", playbook.allStages().size())) + "</p>";
    }

    private static String describe(Playbook playbook, Messages words) {
        return words.get("flow.stagesInOrder") + ": " + playbook.stages().stream().map(Stage::title)
                .collect(Collectors.joining(" → "));
    }

    private static String firstLineOf(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) : line;
    }
}
