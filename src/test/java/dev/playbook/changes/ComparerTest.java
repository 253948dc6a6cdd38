package dev.playbook.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.model.ItemKeys;
import dev.playbook.model.Site;
import dev.playbook.testing.ChangeRepository;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares the two fixture versions under {@code src/test/resources/changes/}, which between them
 * make every kind of change the site and {@code diff} report.
 */
@Execution(ExecutionMode.CONCURRENT)
class ComparerTest {

    static Site read(Path folder) throws RevisionException {
        Diagnostics diagnostics = new Diagnostics();
        Site site = new Revisions().read(new Revision.Folder(folder, folder.toString(), folder.toString()), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        return site;
    }

    static List<String> lines(Comparison comparison) throws JsonProcessingException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (PlaybookChanges playbook : comparison.playbooks()) {
            for (Change c : playbook.changes()) {
                lines.add(String.join(" | ", playbook.playbookId(), c.kind(), c.stageId() == null ? "" : c.stageId(),
                        c.subject() == null ? "" : c.subject(),
                        c.before() == null ? "" : json.writeValueAsString(c.before()),
                        c.after() == null ? "" : json.writeValueAsString(c.after())));
            }
        }
        return lines;
    }

    @Test
    void everyChangeIsReportedOnceWithItsOldAndNewValue() throws Exception {
        Comparison comparison = new Comparer().compare("v1", read(ChangeRepository.FIXTURES.resolve("v1")), "v2",
                read(ChangeRepository.FIXTURES.resolve("v2")));
        assertEquals(String.join("\n", ChangeRepository.EXPECTED), String.join("\n", lines(comparison)));
        assertEquals(PlaybookChanges.Status.ADDED, comparison.playbook("new-one").orElseThrow().status());
        assertEquals(PlaybookChanges.Status.REMOVED, comparison.playbook("old-one").orElseThrow().status());
        assertEquals("2026.1", comparison.playbook("b2b").orElseThrow().oldVersion());
    }

    @Test
    void aVersionComparedWithItselfHasNoChanges() throws Exception {
        Site v2 = read(ChangeRepository.FIXTURES.resolve("v2"));
        Comparison comparison = new Comparer().compare("a", v2, "b", read(ChangeRepository.FIXTURES.resolve("v2")));
        assertTrue(comparison.isEmpty(), comparison::toString);
    }

    @Test
    void aKeyIgnoresSpacingButNotWords() {
        assertEquals(ItemKeys.question("lead", "The need\n  is known."), ItemKeys.question("lead", "The need is known."));
        assertFalse(ItemKeys.question("lead", "The need is known.").equals(ItemKeys.question("lead", "The need is written down.")));
        assertFalse(ItemKeys.question("lead", "Same.").equals(ItemKeys.question("demo", "Same.")));
    }

    @Test
    void marksFollowTheChanges() throws Exception {
        Comparison comparison = new Comparer().compare("v1", read(ChangeRepository.FIXTURES.resolve("v1")), "v2",
                read(ChangeRepository.FIXTURES.resolve("v2")));
        ChangeMarks marks = ChangeMarks.of(comparison.playbook("b2b").orElseThrow());
        assertEquals(ChangeMarks.Mark.NEW, marks.stage("discovery"));
        assertEquals(ChangeMarks.Mark.CHANGED, marks.stage("lead"));
        assertEquals(null, marks.stage("proposal"));
        assertEquals(ChangeMarks.Mark.CHANGED, marks.task("qualification", "summary"));
        assertEquals(ChangeMarks.Mark.NEW, marks.task("qualification", "check-fit"));
        assertEquals(null, marks.task("lead", "log-the-call"));
        assertEquals(ChangeMarks.Mark.NEW, marks.item(Change.ItemList.EXIT_CRITERION, ItemKeys.exitCriterion("lead", null, "A budget holder is known.")));
        assertEquals(ChangeMarks.Mark.CHANGED, marks.item(Change.ItemList.EXIT_CRITERION, ItemKeys.exitCriterion("lead", null, "The need is written down.")));
        assertEquals(null, marks.item(Change.ItemList.EXIT_CRITERION, ItemKeys.exitCriterion("lead", null, "The lead answered.")));
    }
}
