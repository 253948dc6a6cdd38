package dev.playbook.render;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.model.Language;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Draws every diagram of a site in one batch, before any page is rendered: each playbook's
 * flowchart and its "who does what" swimlanes, and every ```plantuml block in the Markdown.
 * A block PlantUML rejects becomes an error at the file and line where the author wrote it.
 */
final class SiteDiagrams {

    /** The diagrams of one playbook: PlantUML source and the SVG ready to embed; roles may be null. */
    record PlaybookDiagrams(String flowSource, String flowSvg, String rolesSource, String rolesSvg) {
    }

    record Drawn(Map<String, PlaybookDiagrams> byPlaybook, Map<String, String> markdownMarkup) {
    }

    private final DiagramBatch batch;
    private final SvgCleaner cleaner = new SvgCleaner();

    SiteDiagrams(DiagramBatch batch) {
        this.batch = batch;
    }

    Drawn draw(Site site, Map<Language, Messages> messages, Diagnostics diagnostics, RenderScope scope)
            throws RenderException {
        Map<String, String[]> generated = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        List<Playbook> inScope = site.playbooks().stream().filter(p -> scope.includes(p.id())).toList();
        for (Playbook playbook : inScope) {
            Messages words = messages.get(playbook.language());
            String flow = FlowchartWriter.write(playbook, words);
            String roles = SwimlaneWriter.write(playbook, words);
            generated.put(playbook.id(), new String[] {flow, roles});
            sources.add(flow);
            if (roles != null) sources.add(roles);
        }
        List<DiagramSource> written = new MarkdownDiagrams().find(site, scope);
        for (DiagramSource d : written) sources.add(d.text());

        Map<String, DiagramResult> results = batch.draw(sources);

        Map<String, PlaybookDiagrams> byPlaybook = new HashMap<>();
        for (Playbook playbook : inScope) {
            Messages words = messages.get(playbook.language());
            String[] src = generated.get(playbook.id());
            String flowSvg = clean(results.get(src[0]), src[0], words.get("flow.title") + ": " + playbook.title(),
                    describe(playbook, words));
            String rolesSvg = src[1] == null ? null : clean(results.get(src[1]), src[1],
                    words.get("flow.whoDoesWhat") + ": " + playbook.title(), words.get("flow.rolesDescription"));
            byPlaybook.put(playbook.id(), new PlaybookDiagrams(src[0], flowSvg, src[1], rolesSvg));
        }
        Map<String, String> markup = new HashMap<>();
        for (DiagramSource d : written) {
            DiagramResult result = results.get(d.text());
            if (result.failed()) {
                Position at = d.origin() == null ? Position.startOf("?")
                        : new Position(d.origin().file(), d.firstLine() + result.errorLine(), d.origin().column());
                diagnostics.error(at, "PlantUML cannot draw this diagram: " + result.error());
            } else if (!markup.containsKey(d.text())) {
                String svg = cleaner.clean(result.svg(), "d" + DiagramCache.key(d.text()).substring(0, 12),
                        "Diagram", firstLineOf(d.text()));
                markup.put(d.text(), "<figure class=\"diagram\">" + svg + "</figure>");
            }
        }
        return new Drawn(byPlaybook, markup);
    }

    private String clean(DiagramResult result, String source, String title, String description) throws RenderException {
        if (result.failed()) {
            // our own generated source failed: a bug here, not a mistake of the author
            throw new RenderException("could not draw a generated diagram (" + result.error() + " at line "
                    + (result.errorLine() + 1) + "):\n" + source, null);
        }
        return cleaner.clean(result.svg(), "d" + DiagramCache.key(source).substring(0, 12), title, description);
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
