package dev.playbook.changes.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.playbook.changes.Change;
import dev.playbook.changes.Comparison;
import dev.playbook.changes.PlaybookChanges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The changes for tools, in a shape that stays stable (documented in the README): every key is
 * always present, null where it does not apply; new kinds may be added, existing ones keep their
 * names and values.
 */
public final class JsonReport {
    /** Raised only when the shape itself changes incompatibly. */
    public static final int FORMAT = 1;

    public String write(Comparison comparison) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("format", FORMAT);
        all.put("from", comparison.from());
        all.put("to", comparison.to());
        all.put("changed", !comparison.isEmpty());
        List<Map<String, Object>> playbooks = new ArrayList<>();
        for (PlaybookChanges playbook : comparison.playbooks()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", playbook.playbookId());
            p.put("title", playbook.title());
            p.put("status", playbook.status().name().toLowerCase(Locale.ROOT));
            p.put("from_version", playbook.oldVersion());
            p.put("to_version", playbook.newVersion());
            List<Map<String, Object>> changes = new ArrayList<>();
            for (Change change : playbook.changes()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("kind", change.kind());
                c.put("stage", change.stageId());
                c.put("subject", change.subject());
                c.put("before", change.before());
                c.put("after", change.after());
                changes.add(c);
            }
            p.put("changes", changes);
            playbooks.add(p);
        }
        all.put("playbooks", playbooks);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the changes could not be written as JSON", e);
        }
    }
}
