package dev.playbook.changes.report;

import dev.playbook.changes.Change;
import dev.playbook.changes.Comparison;
import dev.playbook.changes.PlaybookChanges;
import dev.playbook.changes.Revisions;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The English words the terminal and pull-request reports share. */
final class Words {
    private Words() {
    }

    /** "Stage renamed", "Exit criterion added": the kind read out, with a few names made plainer. */
    static String label(Change change) {
        String kind = switch (change.kind()) {
            case "next-changed" -> "next-stage-changed";
            case "track-return-changed" -> "track-return-point-changed";
            case "buyer-journey-reordered" -> "buyer-phases-reordered";
            default -> change.kind();
        };
        String words = kind.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    static String heading(Comparison comparison) {
        return "from " + comparison.from() + " to " + side(comparison.to());
    }

    /** "the working tree", or a revision or folder as named. */
    static String side(String label) {
        return Revisions.WORKING_TREE.equals(label) ? "the working tree" : label;
    }

    static String status(PlaybookChanges playbook) {
        String versions = versions(playbook);
        return switch (playbook.status()) {
            case ADDED -> "new playbook" + (playbook.newVersion() != null ? ", version " + playbook.newVersion() : "");
            case REMOVED -> "removed";
            case CHANGED -> plural(playbook.changes().size(), "change") + (versions.isEmpty() ? "" : ", version " + versions);
        };
    }

    private static String versions(PlaybookChanges playbook) {
        String was = playbook.oldVersion();
        String is = playbook.newVersion();
        if (was == null && is == null) return "";
        if (was != null && was.equals(is)) return was;
        return (was == null ? "none" : was) + " → " + (is == null ? "none" : is);
    }

    /** The stage a change is in, by its title now (or at the baseline, if it is gone). */
    static Optional<String> stageTitle(PlaybookChanges playbook, String stageId) {
        if (stageId == null) return Optional.empty();
        return title(playbook.after(), stageId).or(() -> title(playbook.before(), stageId));
    }

    private static Optional<String> title(Playbook playbook, String stageId) {
        return playbook == null ? Optional.empty() : playbook.stage(stageId).map(Stage::title);
    }

    /**
     * What a change is about, beyond its stage: a task's or part's id. Items are known by their
     * text, which the values already show.
     */
    static String subject(Change change) {
        if (change instanceof Change.ItemAdded || change instanceof Change.ItemRemoved || change instanceof Change.ItemChanged) {
            return null;
        }
        if (change instanceof Change.BranchAdded || change instanceof Change.BranchRemoved
                || change instanceof Change.BranchChanged) {
            return null;
        }
        return change.subject();
    }

    /** Whether the change is about a stage itself rather than something in it. */
    static boolean isAboutStage(Change change) {
        return change.stageId() != null && (change.kind().startsWith("stage-") || change instanceof Change.ProbabilityChanged
                || change instanceof Change.DurationChanged || change instanceof Change.NextChanged);
    }

    /** Whether the change has an old and a new value to show, rather than one thing that came or went. */
    static boolean hasBothSides(Change change) {
        return change.before() != null && change.after() != null || change.kind().endsWith("-changed");
    }

    /** A value as plain text: words in quotes, a probability in percent, a place, a branch. */
    static String value(Change change, Object value) {
        if (value == null) return "none";
        if (value instanceof Integer n) return change instanceof Change.ProbabilityChanged ? n + "%" : n.toString();
        if (value instanceof List<?> list) return String.join(", ", list.stream().map(String::valueOf).toList());
        if (value instanceof Map<?, ?> map && map.containsKey("position")) {
            Object track = map.get("track");
            return (track == null ? "main path" : "track " + track) + ", stage " + map.get("position");
        }
        if (value instanceof Map<?, ?> map && map.containsKey("when")) {
            return quoted(String.valueOf(map.get("when"))) + " (to " + map.get("to") + ")";
        }
        if (change instanceof Change.TaskMoved) return "stage " + value;
        if (isWord(change)) return value.toString();
        return quoted(value.toString());
    }

    /** Values that are ids or single words, shown bare. */
    private static boolean isWord(Change change) {
        return change instanceof Change.VersionChanged || change instanceof Change.DurationChanged
                || change instanceof Change.NextChanged || change instanceof Change.TaskRoleChanged
                || change instanceof Change.TrackReturnChanged
                || change instanceof Change.StageDetailChanged d && !d.reworded() && d.detail() != Change.StageDetail.GOAL
                && d.detail() != Change.StageDetail.DESCRIPTION && d.detail() != Change.StageDetail.DEFINITION
                || change instanceof Change.TaskDetailChanged t && t.detail() == Change.TaskDetail.OPTIONAL;
    }

    static String quoted(String text) {
        return "\"" + text.replace("\n", " ").strip() + "\"";
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
