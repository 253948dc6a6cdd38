package dev.playbook.resolve;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Suggestions;
import dev.playbook.load.Definitions.PlaybookDefinition;
import dev.playbook.load.Definitions.StageCrmDefinition;
import dev.playbook.load.Definitions.StageDefinition;
import dev.playbook.load.Definitions.TrackDefinition;
import dev.playbook.load.ListValue;
import dev.playbook.load.Located;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a variant ({@code extends:}) to the playbook it starts from: removals first, then each
 * stage entry is merged into the inherited stage of the same id, or inserted where
 * {@code after:}/{@code before:} says. The result reads as if the author had written it whole.
 */
final class VariantMerger {
    private final Diagnostics diagnostics;

    VariantMerger(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    PlaybookDefinition merge(PlaybookDefinition parent, PlaybookDefinition variant) {
        List<StageDefinition> stages = new ArrayList<>(items(parent.stages()));
        applyRemovals(variant, stages);
        if (variant.stages() != null) {
            if (variant.stages().append()) {
                diagnostics.error(variant.stages().at(), "a variant's `stages:` are merged by id already; write a plain "
                        + "list (new stages go in with `after:` or `before:`)");
            }
            for (StageDefinition own : variant.stages().items()) {
                mergeStage(own, stages);
            }
        }
        ListValue<StageDefinition> mergedStages = new ListValue<>(stages, false,
                variant.stages() != null ? variant.stages().at() : parent.stages() != null ? parent.stages().at() : variant.at());
        return new PlaybookDefinition(variant.file(), variant.at(), variant.id(),
                either(variant.title(), parent.title()),
                either(variant.language(), parent.language()),
                either(variant.version(), parent.version()),
                either(variant.owner(), parent.owner()),
                either(variant.summary(), parent.summary()),
                variant.extendsId(),
                list(variant.roles(), parent.roles()),
                list(variant.buyerJourney(), parent.buyerJourney()),
                list(variant.lossReasons(), parent.lossReasons()),
                mergedStages,
                tracks(parent.tracks(), variant.tracks()),
                removals(parent, variant),
                // a variant is a playbook of its own in the CRM too: sharing its base's process would clash
                variant.crm(),
                either(variant.pdf(), parent.pdf()),
                either(variant.lastChanged(), parent.lastChanged()));
    }

    /** Every stage the chain of variants removed, kept so that a dangling reference can name its cause. */
    private static ListValue<Located<String>> removals(PlaybookDefinition parent, PlaybookDefinition variant) {
        List<Located<String>> all = new ArrayList<>(items(parent.remove()));
        all.addAll(items(variant.remove()));
        return all.isEmpty() ? null : new ListValue<>(all, false, variant.remove() != null ? variant.remove().at() : variant.at());
    }

    private void applyRemovals(PlaybookDefinition variant, List<StageDefinition> stages) {
        if (variant.remove() == null) return;
        for (Located<String> id : variant.remove().items()) {
            int index = indexOf(stages, id.value());
            if (index < 0) {
                diagnostics.error(id.at(), "no inherited stage `" + id.value() + "` to remove"
                        + Suggestions.didYouMean(id.value(), ids(stages)));
            } else {
                stages.remove(index);
            }
        }
    }

    private void mergeStage(StageDefinition own, List<StageDefinition> stages) {
        String id = own.id() == null ? null : own.id().value();
        if (id == null) return;
        int index = indexOf(stages, id);
        if (index >= 0) {
            if (own.after() != null || own.before() != null) {
                Located<String> where = own.after() != null ? own.after() : own.before();
                diagnostics.error(where.at(), "stage `" + id + "` is inherited, so it keeps its place; `after:` and "
                        + "`before:` are for new stages (to move it, `remove:` it and add it anew)");
            }
            stages.set(index, mergeFields(stages.get(index), own));
            return;
        }
        if (own.after() != null && own.before() != null) {
            diagnostics.error(own.before().at(), "give a new stage either `after:` or `before:`, not both");
        }
        Located<String> anchor = own.after() != null ? own.after() : own.before();
        if (anchor == null) {
            diagnostics.error(own.id().at(), "stage `" + id + "` is not inherited from the base playbook, so it is new "
                    + "and needs `after:` or `before:` to place it" + Suggestions.didYouMean(id, ids(stages)));
            return;
        }
        int at = indexOf(stages, anchor.value());
        if (at < 0) {
            diagnostics.error(anchor.at(), "no stage `" + anchor.value() + "` to place stage `" + id + "` "
                    + (own.after() != null ? "after" : "before") + Suggestions.didYouMean(anchor.value(), ids(stages)));
            return;
        }
        stages.add(own.after() != null ? at + 1 : at, withoutPlacement(own));
    }

    private static StageDefinition mergeFields(StageDefinition base, StageDefinition own) {
        return new StageDefinition(base.at(), base.id(),
                either(own.title(), base.title()),
                either(own.status(), base.status()),
                either(own.kind(), base.kind()),
                either(own.buyerPhase(), base.buyerPhase()),
                either(own.goal(), base.goal()),
                either(own.description(), base.description()),
                either(own.definition(), base.definition()),
                list(own.tasks(), base.tasks()),
                list(own.exitCriteria(), base.exitCriteria()),
                list(own.buyerCommitments(), base.buyerCommitments()),
                list(own.questions(), base.questions()),
                either(own.probability(), base.probability()),
                either(own.duration(), base.duration()),
                either(own.next(), base.next()),
                list(own.branches(), base.branches()),
                null, null,
                crm(own, base.crm()));
    }

    /**
     * A stage's {@code crm:} merges key by key: what the variant gives replaces, the rest is
     * inherited. It is placed at the variant's entry for the stage, which is where an export's
     * message about the stage (say, of a probability the variant changed) should point.
     */
    private static StageCrmDefinition crm(StageDefinition own, StageCrmDefinition base) {
        StageCrmDefinition mine = own.crm();
        if (mine == null && base == null) return new StageCrmDefinition(own.at(), null, null, null, null);
        if (mine == null) return new StageCrmDefinition(own.at(), base.name(), base.forecast(), base.fields(), base.guidance());
        if (base == null) return mine;
        return new StageCrmDefinition(mine.at(), either(mine.name(), base.name()), either(mine.forecast(), base.forecast()),
                either(mine.fields(), base.fields()), either(mine.guidance(), base.guidance()));
    }

    private static StageDefinition withoutPlacement(StageDefinition s) {
        return new StageDefinition(s.at(), s.id(), s.title(), s.status(), s.kind(), s.buyerPhase(), s.goal(),
                s.description(), s.definition(), s.tasks(), s.exitCriteria(), s.buyerCommitments(), s.questions(),
                s.probability(), s.duration(), s.next(), s.branches(), null, null, s.crm());
    }

    /** Tracks merge like stages: same id, fields given replace; a new track is added at the end. */
    private ListValue<TrackDefinition> tracks(ListValue<TrackDefinition> inherited, ListValue<TrackDefinition> own) {
        if (own == null) return inherited;
        if (own.append()) {
            diagnostics.error(own.at(), "a variant's `tracks:` are merged by id already; write a plain list");
        }
        List<TrackDefinition> result = new ArrayList<>(items(inherited));
        for (TrackDefinition track : own.items()) {
            int index = -1;
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).id().value().equals(track.id().value())) index = i;
            }
            if (index < 0) {
                result.add(track);
            } else {
                TrackDefinition base = result.get(index);
                result.set(index, new TrackDefinition(base.at(), base.id(), either(track.title(), base.title()),
                        list(track.stages(), base.stages()), either(track.returnsTo(), base.returnsTo())));
            }
        }
        return new ListValue<>(result, false, own.at());
    }

    private static <T> T either(T own, T inherited) {
        return own != null ? own : inherited;
    }

    /** A list given replaces the inherited one, unless it is written as {@code {append: [...]}}. */
    private static <T> ListValue<T> list(ListValue<T> own, ListValue<T> inherited) {
        if (own == null) return inherited;
        if (!own.append() || inherited == null) return new ListValue<>(own.items(), false, own.at());
        List<T> joined = new ArrayList<>(inherited.items());
        joined.addAll(own.items());
        return new ListValue<>(joined, false, own.at());
    }

    private static <T> List<T> items(ListValue<T> list) {
        return list == null ? List.of() : list.items();
    }

    private static int indexOf(List<StageDefinition> stages, String id) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().value().equals(id)) return i;
        }
        return -1;
    }

    private static List<String> ids(List<StageDefinition> stages) {
        return stages.stream().map(s -> s.id().value()).toList();
    }
}
