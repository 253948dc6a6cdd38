package dev.playbook.resolve;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.diagnostics.Suggestions;
import dev.playbook.load.Definitions.BranchDefinition;
import dev.playbook.load.Definitions.ItemDefinition;
import dev.playbook.load.Definitions.NamedDefinition;
import dev.playbook.load.Definitions.PlaybookDefinition;
import dev.playbook.load.Definitions.ResourceDefinition;
import dev.playbook.load.Definitions.StageDefinition;
import dev.playbook.load.Definitions.TaskDefinition;
import dev.playbook.load.Definitions.TrackDefinition;
import dev.playbook.load.ListValue;
import dev.playbook.load.Located;
import dev.playbook.model.Branch;
import dev.playbook.model.BuyerCommitment;
import dev.playbook.model.BuyerPhase;
import dev.playbook.model.ExitCriterion;
import dev.playbook.model.ItemKeys;
import dev.playbook.model.Language;
import dev.playbook.model.Markdown;
import dev.playbook.model.Outcome;
import dev.playbook.model.Playbook;
import dev.playbook.model.Resource;
import dev.playbook.model.Role;
import dev.playbook.model.Slugs;
import dev.playbook.model.Stage;
import dev.playbook.model.StageCrm;
import dev.playbook.model.StageKind;
import dev.playbook.model.StageStatus;
import dev.playbook.model.Target;
import dev.playbook.model.Task;
import dev.playbook.model.Track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns one merged playbook definition into the model: checks required fields and ids, applies
 * the defaults of the format (task ids, {@code next}, language) and resolves every reference.
 */
final class PlaybookBuilder {
    private static final Set<String> END_WORDS = Set.of("won", "lost");

    private final Diagnostics diagnostics;
    private final Language defaultLanguage;

    PlaybookBuilder(Diagnostics diagnostics, Language defaultLanguage) {
        this.diagnostics = diagnostics;
        this.defaultLanguage = defaultLanguage;
    }

    /** Null when the definition is too broken to make a playbook of; the reasons are reported. */
    Playbook build(PlaybookDefinition def) {
        String id = def.id().value();
        boolean titled = required(def.title(), def.at(), "playbook `" + id + "` is missing `title:`");
        boolean complete = true;
        if (def.stages() == null || def.stages().items().isEmpty()) {
            // a list whose stages were all rejected has been reported already
            if (def.stages() == null || def.stages().whole()) {
                diagnostics.error(def.stages() == null ? def.at() : def.stages().at(),
                        "playbook `" + id + "` needs `stages:` with at least one stage");
            }
            return null;
        }
        Language language = language(def.language());

        List<Role> roles = named(def.roles(), "role", Role::new);
        List<BuyerPhase> phases = named(def.buyerJourney(), "buyer phase", BuyerPhase::new);
        Index index = new Index(def);
        List<StageDefinition> mainDefs = def.stages().items();
        List<TrackDefinition> trackDefs = def.tracks() == null ? List.of() : def.tracks().items();

        Set<String> roleIds = ids(roles, Role::id);
        Set<String> phaseIds = ids(phases, BuyerPhase::id);
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < mainDefs.size(); i++) {
            Stage s = stage(mainDefs.get(i), defaultNextOnMainPath(mainDefs, i), null, index, roleIds, phaseIds);
            if (s == null) complete = false;
            else stages.add(s);
        }
        List<Track> tracks = new ArrayList<>();
        for (TrackDefinition t : trackDefs) {
            Track track = track(t, index, roleIds, phaseIds);
            if (track == null) complete = false;
            else tracks.add(track);
        }
        List<String> lossReasons = def.lossReasons() == null ? List.of()
                : def.lossReasons().items().stream().map(Located::value).toList();
        if (!complete) return null;
        // without a title the playbook cannot be published, but its flow can still be checked
        Playbook playbook = new Playbook(id, titled ? def.title().value() : "", language, text(def.version()),
                text(def.owner()), def.summary(), text(def.extendsId()), roles, phases, lossReasons, stages, tracks,
                def.file(), new CrmSettings(diagnostics).playbook(def), !Boolean.FALSE.equals(def.pdf()),
                def.lastChanged() == null ? null : def.lastChanged().value());
        new FlowChecks(diagnostics).check(playbook, def);
        return titled ? playbook : null;
    }

    /**
     * Checks a required text: absent is reported at the mapping, empty at its key; a value of the
     * wrong type was reported when it was read. True when the value is usable.
     */
    private boolean required(Located<String> value, Position mappingAt, String message) {
        if (value != null && value.value() == null) return false;
        if (value == null || value.value().isBlank()) {
            diagnostics.error(value == null ? mappingAt : value.at(), message);
            return false;
        }
        return true;
    }

    private Language language(Located<String> written) {
        if (written == null) return defaultLanguage;
        Language language = Language.fromCode(written.value().trim());
        if (language == null) {
            diagnostics.error(written.at(), "`language` must be `en` or `pl`; `" + written.value() + "` is not supported");
            return defaultLanguage;
        }
        return language;
    }

    private Track track(TrackDefinition def, Index index, Set<String> roleIds, Set<String> phaseIds) {
        boolean complete = required(def.title(), def.at(), "track `" + def.id().value() + "` is missing `title:`");
        List<StageDefinition> defs = def.stages() == null ? List.of() : def.stages().items();
        if (defs.isEmpty()) {
            if (def.stages() == null || def.stages().whole()) {
                diagnostics.error(def.stages() == null ? def.at() : def.stages().at(),
                        "track `" + def.id().value() + "` needs `stages:` with at least one stage");
            }
            return null;
        }
        String returnsTo = null;
        if (def.returnsTo() != null) {
            returnsTo = def.returnsTo().value();
            if (!index.stageIds.contains(returnsTo)) {
                diagnostics.error(def.returnsTo().at(), "`returns_to` names no stage `" + returnsTo + "`"
                        + Suggestions.didYouMean(returnsTo, index.stageIds));
                complete = false;
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            Target fallback = i + 1 < defs.size() ? new Target.ToStage(defs.get(i + 1).id().value())
                    : returnsTo != null ? new Target.ToStage(returnsTo) : null;
            Stage s = stage(defs.get(i), fallback, def.id().value(), index, roleIds, phaseIds);
            if (s == null) complete = false;
            else stages.add(s);
        }
        return complete ? new Track(def.id().value(), def.title().value(), stages, returnsTo) : null;
    }

    /** By default an open stage leads to the following stage that is not lost; past the last, to the won end. */
    private static Target defaultNextOnMainPath(List<StageDefinition> defs, int i) {
        for (int j = i + 1; j < defs.size(); j++) {
            if (status(defs.get(j)) != StageStatus.LOST) return new Target.ToStage(defs.get(j).id().value());
        }
        for (StageDefinition d : defs) {
            if (status(d) == StageStatus.WON) return new Target.ToStage(d.id().value());
        }
        return new Target.ToEnd(Outcome.WON);
    }

    private static StageStatus status(StageDefinition def) {
        return def.status() == null ? StageStatus.OPEN : def.status().value();
    }

    private Stage stage(StageDefinition def, Target fallbackNext, String trackId, Index index,
                        Set<String> roleIds, Set<String> phaseIds) {
        String id = def.id().value();
        boolean complete = required(def.title(), def.at(), "stage `" + id + "` is missing `title:`");
        StageStatus status = status(def);
        String phase = null;
        if (def.buyerPhase() != null) {
            phase = def.buyerPhase().value();
            if (!phaseIds.contains(phase)) {
                diagnostics.error(def.buyerPhase().at(), phaseIds.isEmpty()
                        ? "`buyer_phase` names `" + phase + "`, but the playbook has no `buyer_journey:`"
                        : "`buyer_phase` names no phase `" + phase + "` of the buyer journey"
                        + Suggestions.didYouMean(phase, phaseIds));
                complete = false;
            }
        }
        for (ListValue<?> list : Arrays.asList(def.tasks(), def.exitCriteria(), def.buyerCommitments(),
                def.questions(), def.branches())) {
            if (list != null && list.append()) {
                diagnostics.error(list.at(), "`append:` adds to an inherited list, so it only works in a variant "
                        + "(a playbook with `extends:`)");
            }
        }
        if (def.after() != null || def.before() != null) {
            Located<String> where = def.after() != null ? def.after() : def.before();
            diagnostics.error(where.at(), "`after:` and `before:` place a new stage in a variant; this playbook "
                    + "has no `extends:`, so list the stages in order instead");
        }
        List<Task> tasks = tasks(def, roleIds);
        Target next = fallbackNext;
        if (status != StageStatus.OPEN) next = null;
        if (def.next() != null) {
            next = target(def.next(), "next", id, index);
            if (next == null) complete = false;
        }
        List<Branch> branches = new ArrayList<>();
        if (def.branches() != null) {
            for (BranchDefinition b : def.branches().items()) {
                Target to = target(b.to(), "to", id, index);
                if (to == null) complete = false;
                else branches.add(new Branch(b.when(), to));
            }
        }
        List<ExitCriterion> exitCriteria = new ArrayList<>();
        List<BuyerCommitment> commitments = new ArrayList<>();
        complete &= items(id, def.exitCriteria(), "exit criteria", (itemId, text) -> ItemKeys.exitCriterion(id, itemId, text),
                (itemId, key, text) -> exitCriteria.add(new ExitCriterion(itemId, key, text)));
        complete &= items(id, def.buyerCommitments(), "buyer commitments", (itemId, text) -> ItemKeys.commitment(id, itemId, text),
                (itemId, key, text) -> commitments.add(new BuyerCommitment(itemId, key, text)));
        StageCrm crm = new CrmSettings(diagnostics).stage(def, status);
        if (tasks == null || crm == null || !complete) return null;
        return new Stage(id, def.title().value(), status,
                def.kind() == null ? StageKind.MILESTONE : def.kind().value(),
                phase, def.goal(), def.description(), def.definition(), tasks,
                exitCriteria, commitments, markdown(def.questions()),
                def.probability() == null ? null : def.probability().value(),
                def.duration() == null ? null : def.duration().value(),
                next, branches, trackId, crm);
    }

    /** Makes the model's item from its id (or null), key and words. */
    private interface ItemMaker {
        void make(String id, String key, Markdown text);
    }

    /**
     * Exit criteria or buyer commitments, each with its author's id checked for repeats in the
     * stage. Items without an id that read the same are one item said twice: both are kept, and
     * the later twin's key gets a number, the only place where order counts.
     */
    private boolean items(String stageId, ListValue<ItemDefinition> list, String what,
                          BiFunction<String, String, String> keyOf, ItemMaker make) {
        if (list == null) return true;
        Map<String, Position> seen = new LinkedHashMap<>();
        Map<String, Integer> keys = new HashMap<>();
        boolean complete = true;
        for (ItemDefinition item : list.items()) {
            String id = item.id() == null ? null : item.id().value();
            if (id != null) {
                Position earlier = seen.putIfAbsent(id, item.id().at());
                if (earlier != null) {
                    diagnostics.error(item.id().at(), "two " + what + " of stage `" + stageId + "` have the id `"
                            + id + "` (the other at line " + earlier.line() + ")");
                    complete = false;
                }
            }
            String key = keyOf.apply(id, item.text().source());
            int twins = keys.merge(key, 1, Integer::sum);
            make.make(id, twins == 1 ? key : key + "-" + twins, item.text());
        }
        return complete;
    }

    private List<Task> tasks(StageDefinition def, Set<String> roleIds) {
        if (def.tasks() == null) return List.of();
        List<Task> tasks = new ArrayList<>();
        Map<String, Position> seen = new LinkedHashMap<>();
        boolean complete = true;
        for (TaskDefinition t : def.tasks().items()) {
            String id = t.id() != null ? t.id().value() : Slugs.slug(t.title().value());
            Position at = t.id() != null ? t.id().at() : t.title().at();
            if (id.isEmpty()) {
                diagnostics.error(at, "cannot make an id from the task title `" + t.title().value()
                        + "`; give the task an `id:`");
                complete = false;
                continue;
            }
            Position earlier = seen.putIfAbsent(id, at);
            if (earlier != null) {
                diagnostics.error(at, "two tasks of stage `" + def.id().value() + "` have the id `" + id
                        + "` (the other at line " + earlier.line() + ")"
                        + (t.id() == null ? "; give one of them its own `id:`" : ""));
                complete = false;
            }
            if (t.role() != null && !roleIds.contains(t.role().value())) {
                diagnostics.error(t.role().at(), roleIds.isEmpty()
                        ? "`role` names `" + t.role().value() + "`, but the playbook has no `roles:`"
                        : "`role` names no role `" + t.role().value() + "`" + Suggestions.didYouMean(t.role().value(), roleIds));
                complete = false;
            }
            List<Resource> resources = new ArrayList<>();
            for (ResourceDefinition r : t.resources()) resources.add(new Resource(r.title(), r.url()));
            tasks.add(new Task(id, t.title().value(), t.role() == null ? null : t.role().value(), t.optional(),
                    t.details(), resources));
        }
        return complete ? tasks : null;
    }

    /** A {@code next} or {@code to}: a stage id, a track id, or the words {@code won} or {@code lost}. */
    private Target target(Located<String> ref, String key, String fromStage, Index index) {
        String id = ref.value().trim();
        if (END_WORDS.contains(id)) {
            StageStatus wanted = id.equals("won") ? StageStatus.WON : StageStatus.LOST;
            List<String> candidates = index.stagesWithStatus(wanted);
            if (candidates.isEmpty()) return new Target.ToEnd(wanted == StageStatus.WON ? Outcome.WON : Outcome.LOST);
            if (candidates.size() == 1) return new Target.ToStage(candidates.get(0));
            diagnostics.error(ref.at(), "`" + key + ": " + id + "` is ambiguous: the playbook has " + candidates.size()
                    + " " + id + " stages (" + String.join(", ", candidates.stream().map(c -> "`" + c + "`").toList())
                    + "); name the one you mean");
            return null;
        }
        if (index.stageIds.contains(id)) return new Target.ToStage(id);
        if (index.trackIds.contains(id)) return new Target.ToTrack(id);
        Located<String> removal = index.removal(id);
        if (removal != null) {
            // the file that refers to it is fine; the variant that removed the stage is where to act
            String where = removal.at().file().equals(ref.at().file()) ? "line " + ref.at().line()
                    : shortName(ref.at().file()) + " line " + ref.at().line();
            diagnostics.error(removal.at(), "stage `" + id + "` cannot be removed: stage `" + fromStage + "` leads to it with `"
                    + key + ":` (" + where + "); give `" + fromStage + "` another `" + key + ":` in this variant");
            return null;
        }
        Set<String> all = new LinkedHashSet<>(index.stageIds);
        all.addAll(index.trackIds);
        all.addAll(END_WORDS);
        diagnostics.error(ref.at(), "`" + key + "` names no stage or track `" + id + "`" + Suggestions.didYouMean(id, all));
        return null;
    }

    private <T> List<T> named(ListValue<NamedDefinition> list, String what, BiFunction<String, String, T> make) {
        if (list == null) return List.of();
        List<T> result = new ArrayList<>();
        Map<String, Position> seen = new LinkedHashMap<>();
        for (NamedDefinition n : list.items()) {
            Position earlier = seen.putIfAbsent(n.id().value(), n.id().at());
            if (earlier != null) {
                diagnostics.error(n.id().at(), "the " + what + " id `" + n.id().value() + "` is used twice (first at line "
                        + earlier.line() + ")");
                continue;
            }
            result.add(make.apply(n.id().value(), n.title()));
        }
        return result;
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        Set<String> ids = new LinkedHashSet<>();
        for (T item : items) ids.add(id.apply(item));
        return ids;
    }

    private static String shortName(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }

    private static List<Markdown> markdown(ListValue<Markdown> list) {
        return list == null ? List.of() : list.items();
    }

    private static String text(Located<String> value) {
        return value == null || value.value().isBlank() ? null : value.value();
    }

    /** Every stage and track id of the playbook, checked once for clashes. */
    private final class Index {
        final Set<String> stageIds = new LinkedHashSet<>();
        final Set<String> trackIds = new LinkedHashSet<>();
        private final Map<String, StageStatus> statusById = new LinkedHashMap<>();
        private final Map<String, Located<String>> removed = new LinkedHashMap<>();

        Index(PlaybookDefinition def) {
            if (def.remove() != null) for (Located<String> r : def.remove().items()) removed.putIfAbsent(r.value(), r);
            Map<String, Position> seen = new LinkedHashMap<>();
            List<StageDefinition> all = new ArrayList<>(def.stages().items());
            List<TrackDefinition> tracks = def.tracks() == null ? List.of() : def.tracks().items();
            for (TrackDefinition t : tracks) {
                if (t.stages() != null) all.addAll(t.stages().items());
            }
            for (StageDefinition s : all) {
                claim(seen, s.id(), "stage");
                stageIds.add(s.id().value());
                statusById.putIfAbsent(s.id().value(), status(s));
            }
            for (TrackDefinition t : tracks) {
                claim(seen, t.id(), "track");
                trackIds.add(t.id().value());
            }
        }

        private void claim(Map<String, Position> seen, Located<String> id, String what) {
            if (END_WORDS.contains(id.value())) {
                diagnostics.error(id.at(), "`" + id.value() + "` is reserved for the end of a deal (`to: "
                        + id.value() + "`); give this " + what + " another id, e.g. `closed-" + id.value() + "`");
            }
            Position earlier = seen.putIfAbsent(id.value(), id.at());
            if (earlier != null) {
                diagnostics.error(id.at(), "the id `" + id.value() + "` is already used in this playbook"
                        + (earlier.file().equals(id.at().file()) ? " (at line " + earlier.line() + ")" : " (at " + earlier + ")")
                        + "; stage and track ids must be unique across the playbook");
            }
        }

        /** The `remove:` entry of a variant that took this stage out, or null. */
        Located<String> removal(String id) {
            return stageIds.contains(id) ? null : removed.get(id);
        }

        List<String> stagesWithStatus(StageStatus status) {
            return statusById.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).toList();
        }
    }
}
