package dev.playbook.plan;

import dev.playbook.model.Language;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;

/**
 * One page to render: where it goes and what it shows.
 *
 * @param playbook null on site-wide pages
 * @param stage null except on stage pages
 */
public record PlannedPage(String path, PageKind kind, Language language, Playbook playbook, Stage stage) {

    public PageLinks links() {
        return new PageLinks(path);
    }
}
