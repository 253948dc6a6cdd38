package dev.playbook.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.playbook.model.ExitCriterion;
import dev.playbook.model.Markdown;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;
import dev.playbook.model.Task;
import dev.playbook.plan.SitePaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the site's search index: every playbook, stage, task and exit criterion with the page
 * (and anchor) it lives on. Each playbook's entries are a file of their own beside its pages, so
 * that an edit to one playbook rewrites only its part, and the search script loads the parts
 * only once a reader starts to search; the index proper only lists the parts. Both are scripts
 * that set a global, because pages opened from disk may load scripts but may not fetch JSON.
 */
public final class SearchIndexPublisher implements Publisher {
    /** How much of a longer text goes into the index: enough to match on and to show a snippet. */
    static final int SNIPPET = 160;
    /** What a part of the index sets: the entries of one playbook. */
    static final String PART_GLOBAL = "window.PLAYBOOK_SEARCH=";
    /** What the index sets: the parts, as paths from the site's root, in the site's order. */
    static final String INDEX_GLOBAL = "window.PLAYBOOK_SEARCH_PARTS=";

    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void publish(PlaybookOutput playbook, FileSink sink) throws RenderException, IOException {
        String id = playbook.playbook().id();
        sink.accept(new RenderedFile(SitePaths.searchPart(id), script(PART_GLOBAL, entries(playbook.playbook()))));
    }

    @Override
    public void publishSite(SiteOutput site, FileSink sink) throws RenderException, IOException {
        List<String> parts = new ArrayList<>();
        for (Playbook playbook : site.site().playbooks()) parts.add(SitePaths.searchPart(playbook.id()));
        sink.accept(new RenderedFile(SitePaths.searchIndex(), script(INDEX_GLOBAL, parts)));
    }

    private byte[] script(String global, Object data) throws RenderException {
        try {
            // "</" is escaped so no text can close the script element if the index is ever inlined
            String value = json.writeValueAsString(data).replace("</", "<\\/");
            return (global + value + ";\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new RenderException("cannot write the search index: " + e.getMessage(), e);
        }
    }

    /** One playbook's entries. */
    private static List<Map<String, String>> entries(Playbook playbook) {
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
        return entries;
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
