package dev.playbook.render;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Warns about a theme whose own {@code playbook.js} does not put in what the bundled templates hold
 * for the bundled script: the search form (in a {@code <template>} inside {@code .search-slot}) and
 * the drawings held as markup (in {@code [data-picture]}). Without it those places stay empty, and
 * nothing else would tell the theme's author why. A script that names them is taken to handle them.
 */
final class ThemeScriptCheck {
    private ThemeScriptCheck() {
    }

    static void check(Theme theme, Diagnostics diagnostics) throws IOException {
        byte[] script = theme.user("assets/playbook.js");
        if (script == null) return;
        String text = new String(script, StandardCharsets.UTF_8);
        List<String> left = new ArrayList<>();
        if (theme.user("layout.ftlh") == null && !text.contains("search-slot")) {
            left.add("the search form, held in `.search-slot` by the bundled layout.ftlh, so no page has a search box");
        }
        List<String> holding = new ArrayList<>();
        if (theme.user("playbook.ftlh") == null) holding.add("the overview's flowchart picture (playbook.ftlh)");
        if (theme.user("flow.ftlh") == null) holding.add("the flowchart page's swimlanes (flow.ftlh)");
        if (!holding.isEmpty() && !text.contains("data-picture")) {
            left.add(String.join(" and ", holding) + ", held in `[data-picture]`, so their space stays blank");
        }
        if (left.isEmpty()) return;
        diagnostics.warning(Position.startOf(theme.shown("assets/playbook.js")), "the theme's own playbook.js does not put in "
                + String.join("; nor ", left) + ". Copy that part of the bundled script (see the README's Themes section),"
                + " or give the theme its own templates for them");
    }
}
