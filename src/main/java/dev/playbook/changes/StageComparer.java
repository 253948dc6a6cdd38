package dev.playbook.changes;

import dev.playbook.changes.Change.BranchAdded;
import dev.playbook.changes.Change.BranchChanged;
import dev.playbook.changes.Change.BranchRemoved;
import dev.playbook.changes.Change.DurationChanged;
import dev.playbook.changes.Change.ItemAdded;
import dev.playbook.changes.Change.ItemChanged;
import dev.playbook.changes.Change.ItemList;
import dev.playbook.changes.Change.ItemRemoved;
import dev.playbook.changes.Change.NextChanged;
import dev.playbook.changes.Change.ProbabilityChanged;
import dev.playbook.changes.Change.StageDetail;
import dev.playbook.changes.Change.StageDetailChanged;
import dev.playbook.changes.Change.StageRenamed;
import dev.playbook.model.Branch;
import dev.playbook.model.ItemKeys;
import dev.playbook.model.Markdown;
import dev.playbook.model.Stage;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The changes between two versions of one stage, the stage's own fields first, then its lists. */
final class StageComparer {
    private final String playbookId;
    private final Stage before;
    private final Stage after;
    private final TaskPairing tasks;

    StageComparer(String playbookId, Stage before, Stage after, TaskPairing tasks) {
        this.playbookId = playbookId;
        this.before = before;
        this.after = after;
        this.tasks = tasks;
    }

    void renamed(List<Change> changes) {
        if (!Texts.same(before.title(), after.title())) {
            changes.add(new StageRenamed(playbookId, after.id(), before.title(), after.title()));
        }
    }

    /** Everything but the title. */
    void rest(List<Change> changes) {
        detail(changes, StageDetail.STATUS, word(before.status()), word(after.status()));
        detail(changes, StageDetail.KIND, word(before.kind()), word(after.kind()));
        detail(changes, StageDetail.BUYER_PHASE, before.buyerPhase(), after.buyerPhase());
        detail(changes, StageDetail.GOAL, Texts.of(before.goal()), Texts.of(after.goal()));
        detail(changes, StageDetail.DESCRIPTION, Texts.of(before.description()), Texts.of(after.description()));
        detail(changes, StageDetail.DEFINITION, Texts.of(before.definition()), Texts.of(after.definition()));
        if (!Objects.equals(before.probability(), after.probability())) {
            changes.add(new ProbabilityChanged(playbookId, after.id(), before.probability(), after.probability()));
        }
        if (!Objects.equals(before.duration(), after.duration())) {
            changes.add(new DurationChanged(playbookId, after.id(), before.duration(), after.duration()));
        }
        if (!Objects.equals(before.next(), after.next())) {
            changes.add(new NextChanged(playbookId, after.id(), before.next(), after.next()));
        }
        branches(changes);
        changes.addAll(tasks.changesIn(after.id()));
        items(changes, ItemList.EXIT_CRITERION, criteria(before), criteria(after));
        items(changes, ItemList.BUYER_COMMITMENT, commitments(before), commitments(after));
        items(changes, ItemList.QUESTION, questions(before), questions(after));
    }

    private void detail(List<Change> changes, StageDetail detail, String was, String is) {
        if (!Texts.same(was, is)) changes.add(new StageDetailChanged(playbookId, after.id(), detail, was, is));
    }

    /** Branches are matched by where they lead; one left in the gap where another now stands is that branch, changed. */
    private void branches(List<Change> changes) {
        Pairing<Branch> pairing = Pairing.of(before.branches(), after.branches(), b -> Spelling.target(b.to()), (a, b) -> true);
        for (Branch gone : pairing.removed()) changes.add(new BranchRemoved(playbookId, after.id(), gone));
        for (Pairing.Pair<Branch> pair : pairing.pairs()) {
            Branch o = pair.before();
            Branch n = pair.after();
            if (!Texts.same(o.when(), n.when()) || !o.to().equals(n.to())) {
                changes.add(new BranchChanged(playbookId, after.id(), o, n));
            }
        }
        for (Branch added : pairing.added()) changes.add(new BranchAdded(playbookId, after.id(), added));
    }

    /** An exit criterion, buyer commitment or question: its key (see {@link ItemKeys}) and words. */
    private record Item(String key, String text) {
    }

    private static List<Item> criteria(Stage stage) {
        return stage.exitCriteria().stream().map(c -> new Item(c.key(), c.text().source())).toList();
    }

    private static List<Item> commitments(Stage stage) {
        return stage.buyerCommitments().stream().map(c -> new Item(c.key(), c.text().source())).toList();
    }

    private static List<Item> questions(Stage stage) {
        return stage.questions().stream().map(q -> new Item(ItemKeys.question(stage.id(), q.source()), q.source())).toList();
    }

    /**
     * Items are matched by key: the author's id when given, else a digest of the words. Keys made
     * from the words change with them, so an item without an id left over where another with
     * mostly the same words now stands is taken to be that item, reworded.
     */
    private void items(List<Change> changes, ItemList list, List<Item> old, List<Item> now) {
        Pairing<Item> pairing = Pairing.of(old, now, Item::key, (a, b) -> Texts.similar(a.text(), b.text()));
        for (Item gone : pairing.removed()) {
            changes.add(new ItemRemoved(playbookId, after.id(), list, gone.key(), gone.text()));
        }
        for (Pairing.Pair<Item> pair : pairing.pairs()) {
            String was = pair.before().text();
            String is = pair.after().text();
            if (!Texts.same(was, is)) {
                changes.add(new ItemChanged(playbookId, after.id(), list, pair.before().key(), pair.after().key(), was, is));
            }
        }
        for (Item added : pairing.added()) {
            changes.add(new ItemAdded(playbookId, after.id(), list, added.key(), added.text()));
        }
    }

    private static String word(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
