package dev.playbook.render;

import dev.playbook.render.diagram.PlaybookDiagrams;
import dev.playbook.model.Playbook;
import dev.playbook.model.Route;
import dev.playbook.plan.PlannedPage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One playbook as the publishers see it: its planned pages, its drawn diagrams, and a Markdown
 * renderer that knows the diagrams of its texts.
 *
 * @param facts what earlier publishers found out about this playbook for later ones, by name;
 *              templates see them as {@code facts}
 * @param route how a deal moves through the playbook, worked out once for all its pages
 */
public record PlaybookOutput(SiteOutput site, Playbook playbook, List<PlannedPage> pages, PlaybookDiagrams diagrams,
                             MarkdownRenderer markdown, Map<String, Object> facts, Route route) {

    public PlaybookOutput(SiteOutput site, Playbook playbook, List<PlannedPage> pages, PlaybookDiagrams diagrams,
                          MarkdownRenderer markdown) {
        this(site, playbook, pages, diagrams, markdown, new ConcurrentHashMap<>(), playbook.route());
    }

    public PlaybookOutput {
        pages = List.copyOf(pages);
    }

    public Messages messages() {
        return site.messages(playbook.language());
    }
}
