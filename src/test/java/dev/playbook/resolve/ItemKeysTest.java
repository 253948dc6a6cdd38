package dev.playbook.resolve;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.Loader;
import dev.playbook.model.ExitCriterion;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tickable items keep their key whatever stands above them, and lose it only when reworded or re-identified. */
@Execution(ExecutionMode.CONCURRENT)
class ItemKeysTest {
    @TempDir
    Path temp;

    private Stage stage(String criteria) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Site site = resolve(criteria, diagnostics);
        assertTrue(!diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        return site.playbooks().get(0).stages().get(0);
    }

    private Site resolve(String criteria, Diagnostics diagnostics) throws Exception {
        Path source = Files.createDirectories(temp.resolve("defs" + System.nanoTime()));
        Files.writeString(source.resolve("p.yaml"), "playbook: p\ntitle: P\nstages:\n  - id: qualify\n    title: Qualify\n"
                + "    tasks: [Call]\n    exit_criteria:\n" + criteria
                + "    buyer_commitments:\n      - Agrees to a demo\n      - { id: budget, text: Shares the budget }\n");
        return new Resolver().resolve(new Loader().load(source, "defs", diagnostics), diagnostics);
    }

    private static List<String> keys(Stage stage) {
        return stage.exitCriteria().stream().map(ExitCriterion::key).toList();
    }

    @Test
    void anItemInsertedAboveLeavesTheOthersKeysAlone() throws Exception {
        Stage before = stage("      - Budget confirmed\n      - { id: champion, text: A champion is named }\n");
        Stage after = stage("      - A brand new criterion\n      - Budget confirmed\n      - { id: champion, text: A champion is named }\n");
        assertEquals(keys(before), keys(after).subList(1, 3));
        assertTrue(!keys(before).contains(keys(after).get(0)), "the new item took an old key");
    }

    @Test
    void rewordingAnItemWithoutAnIdGivesItANewKeyButAnIdKeepsIt() throws Exception {
        Stage before = stage("      - Budget confirmed\n      - { id: champion, text: A champion is named }\n");
        Stage after = stage("      - Budget confirmed in writing\n      - { id: champion, text: A champion is named and met }\n");
        assertNotEquals(keys(before).get(0), keys(after).get(0));
        assertEquals("qualify/exit:champion", keys(after).get(1));
        assertEquals(keys(before).get(1), keys(after).get(1));
    }

    @Test
    void rewrappingTheWordsKeepsTheKey() throws Exception {
        Stage one = stage("      - Budget   confirmed\n");
        Stage two = stage("      - \"Budget confirmed \"\n");
        assertEquals(keys(one), keys(two));
    }

    @Test
    void twinItemsGetKeysOfTheirOwn() throws Exception {
        Stage stage = stage("      - Same words\n      - Same words\n");
        assertEquals(2, keys(stage).stream().distinct().count());
    }

    @Test
    void commitmentsAreKeyedToo() throws Exception {
        Stage stage = stage("      - Done\n");
        assertEquals("qualify/commit:budget", stage.buyerCommitments().get(1).key());
        assertTrue(stage.buyerCommitments().get(0).key().startsWith("qualify/commit:~"));
    }

    @Test
    void aRepeatedIdOrAMissingTextIsAnError() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        resolve("      - { id: x, text: One }\n      - { id: x, text: Two }\n      - { id: y }\n", diagnostics);
        String all = diagnostics.sorted().toString();
        assertTrue(all.contains("p.yaml:9:15: error: two exit criteria of stage `qualify` have the id `x`"), all);
        assertTrue(all.contains("p.yaml:10:9: error: an exit criterion needs its `text:`"), all);
    }
}
