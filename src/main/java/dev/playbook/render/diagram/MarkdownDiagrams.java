package dev.playbook.render.diagram;

import dev.playbook.render.RenderScope;
import dev.playbook.diagnostics.Position;
import dev.playbook.model.Markdown;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import dev.playbook.model.Task;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Finds the ```plantuml blocks in every Markdown field of a site, with the file line each starts on. */
final class MarkdownDiagrams {
    private final Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    static boolean isDiagram(FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().trim().toLowerCase(Locale.ROOT);
        return info.equals("plantuml") || info.startsWith("plantuml ");
    }

    List<DiagramSource> find(Site site, RenderScope scope) {
        List<DiagramSource> found = new ArrayList<>();
        for (Markdown md : fields(site, scope)) find(md, found);
        return found;
    }

    private void find(Markdown markdown, List<DiagramSource> into) {
        if (markdown == null || !markdown.source().contains("plantuml")) return;
        Node document = parser.parse(markdown.source());
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (!isDiagram(block)) return;
                int blockLine = block.getSourceSpans().isEmpty() ? 0 : block.getSourceSpans().get(0).getLineIndex();
                Position at = markdown.at() == null ? null
                        : new Position(markdown.at().file(), markdown.firstLine() + blockLine + 1, markdown.firstColumn());
                // the diagram's first line is the one after the opening fence
                into.add(new DiagramSource(block.getLiteral(), at, markdown.firstLine() + blockLine + 1));
            }
        });
    }

    /** The site's own texts go with the site-wide pages; the playbooks' with their own. */
    private static List<Markdown> fields(Site site, RenderScope scope) {
        List<Markdown> all = new ArrayList<>();
        if (scope.sitePages()) {
            all.addAll(new LinkedHashSet<>(site.settings().footers().values()));
            all.addAll(site.settings().auditQuestions());
        }
        for (Playbook playbook : site.playbooks()) {
            if (!scope.includes(playbook.id())) continue;
            all.add(playbook.summary());
            for (Stage stage : playbook.allStages()) {
                all.add(stage.goal());
                all.add(stage.description());
                all.add(stage.definition());
                for (Task task : stage.tasks()) all.add(task.details());
                stage.exitCriteria().forEach(c -> all.add(c.text()));
                stage.buyerCommitments().forEach(c -> all.add(c.text()));
                all.addAll(stage.questions());
            }
        }
        return all;
    }
}
