package dev.playbook.changes;

import dev.playbook.model.Branch;
import dev.playbook.model.StageDuration;
import dev.playbook.model.Target;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Model values spelled as an author writes them in a definition file. */
final class Spelling {
    private Spelling() {
    }

    static String duration(StageDuration duration) {
        if (duration == null) return null;
        return duration.amount() + (duration.unit() == StageDuration.Unit.WEEKS ? "w" : "d");
    }

    /** A stage or track id, or {@code won} / {@code lost} for the built-in ends. */
    static String target(Target target) {
        if (target == null) return null;
        if (target instanceof Target.ToStage s) return s.stageId();
        if (target instanceof Target.ToTrack t) return t.trackId();
        return ((Target.ToEnd) target).outcome().name().toLowerCase(Locale.ROOT);
    }

    static Map<String, Object> branch(Branch branch) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("when", branch.when());
        map.put("to", target(branch.to()));
        return map;
    }
}
