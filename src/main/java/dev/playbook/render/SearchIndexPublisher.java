package dev.playbook.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.playbook.model.ExitCriterion;
import dev.playbook.model.Markdown;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import dev.playbook.model.Task;
import dev.playbook.plan.SitePaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Writes the site's search index: every playbook, stage, task and exit criterion with the page
 * (and anchor) it lives on. It is a script that sets a global, because pages opened from disk
 * may load scripts but may not fetch JSON.
 */
public final class SearchIndexPublisher implements Publisher {
    /** How much of a longer text goes into the index: enough to match on and to show a snippet. */
    static final int SNIPPET = 160;

    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    /** Each playbook's entries as written the last time, reused while the playbook is unchanged. */
    private final Map<String, Written> written = new ConcurrentHashMap<>();

    private record Written(Playbook playbook, String json) {
    }

    @Override
    public void publishSite(SiteOutput site, FileSink sink) throws RenderException, IOException {
        sink.accept(new RenderedFile(SitePaths.searchIndex(), write(site.site()).getBytes(StandardCharsets.UTF_8)));
    }

    String write(Site site) throws RenderException {
        StringBuilder out = new StringBuilder("window.PLAYBOOK_SEARCH=[");
        Set<String> ids = new HashSet<>();
        boolean first = true;
        for (Playbook playbook : site.playbooks()) {
            ids.add(playbook.id());
            Written known = written.get(playbook.id());
            if (known == null || !known.playbook().equals(playbook)) {
                known = new Written(playbook, entries(playbook));
                written.put(playbook.id(), known);
            }
            if (known.json().isEmpty()) continue;
            if (!first) out.append(',');
            out.append(known.json());
            first = false;
        }
        written.keySet().retainAll(ids);
        return out.append("];\n").toString();
    }

    /** One playbook's entries, as JSON objects separated by commas. */
    private String entries(Playbook playbook) throws RenderException {
        List<Map<String, String>> entries = new ArrayList<>();
        entries.add(entry("playbook", playbook.title(), playbook.title(), SitePaths.playbook(playbook.id()),
                text(playbook.summary())));
        for (Stage stage : playbook.allStages()) {
            String page = SitePaths.stage(playbook.id(), stage.id());
            entries.add(entry("stage", stage.title(), playbook.title(), page,
                    text(stage.goal()) + " " + text(stage.description())));
            for (Task task : stage.tasks()) {
                entries.add(entry("task", task.title(), playbook.title() + " · " + stage.title(),
                        page + "#task-" + task.id(), text(task.details())));
            }
            int n = 0;
            for (ExitCriterion criterion : stage.exitCriteria()) {
                n++;
                entries.add(entry("criterion", text(criterion.text()), playbook.title() + " · " + stage.title(),
                        page + "#criterion-" + n, ""));
            }
        }
        try {
            // "</" is escaped so no text can close the script element if the index is ever inlined
            String array = json.writeValueAsString(entries).replace("</", "<\\/");
            return array.substring(1, array.length() - 1);
        } catch (JsonProcessingException e) {
            throw new RenderException("cannot write the search index: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> entry(String kind, String title, String context, String url, String text) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("k", kind);
        e.put("t", title.strip());
        e.put("c", context);
        e.put("u", url);
        String snippet = text.strip();
        if (!snippet.isEmpty()) e.put("s", snippet.length() > SNIPPET ? snippet.substring(0, SNIPPET) + "…" : snippet);
        return e;
    }

    private static final Pattern FENCES = Pattern.compile("(?s)```.*?```");
    private static final Pattern MARKUP = Pattern.compile("[*_`#>|\\[\\]()!-]+|\\s+");

    /** Markdown as plain words: markup characters and fenced diagrams are not worth searching. */
    private static String text(Markdown markdown) {
        if (markdown == null) return "";
        return MARKUP.matcher(FENCES.matcher(markdown.source()).replaceAll(" ")).replaceAll(" ").strip();
    }
}
