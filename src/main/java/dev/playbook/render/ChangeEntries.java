package dev.playbook.render;

import dev.playbook.changes.Change;
import dev.playbook.changes.PlaybookChanges;
import dev.playbook.changes.WordDiff;
import dev.playbook.model.Branch;
import dev.playbook.model.Playbook;
import dev.playbook.model.StageDuration;
import dev.playbook.model.Target;
import dev.playbook.plan.PageLinks;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns the changes of one playbook into entries a page shows, in the page's language and with titles for ids. */
final class ChangeEntries {
    private final PlaybookChanges playbook;
    private final Messages messages;
    private final PlaybookView now;
    private final PlaybookView then;

    ChangeEntries(PlaybookChanges playbook, PageLinks links, Messages messages) {
        this.playbook = playbook;
        this.messages = messages;
        this.now = new PlaybookView(playbook.after(), links, messages);
        this.then = new PlaybookView(playbook.before(), links, messages);
    }

    ChangeEntry entry(Change change) {
        String stageId = change.stageId();
        boolean exists = stageId != null && playbook.after().stage(stageId).isPresent();
        String stageTitle = stageId == null ? null : exists ? now.stageTitle(stageId) : then.stageTitle(stageId);
        List<ChangeEntry.Word> words = change.reworded()
                ? WordDiff.between((String) change.before(), (String) change.after()).stream()
                        .map(s -> new ChangeEntry.Word(s.op().name().toLowerCase(Locale.ROOT), s.text())).toList()
                : List.of();
        return new ChangeEntry(change.kind(), stageId, stageTitle, exists, subject(change),
                shown(change, true), shown(change, false), words);
    }

    /** The title of what the change is about inside the stage or playbook, where that is not its value. */
    private String subject(Change change) {
        if (change instanceof Change.TaskMoved m) return m.title();
        if (change instanceof Change.TaskRoleChanged r) return r.title();
        if (change instanceof Change.TaskDetailChanged d) return d.title();
        if (change instanceof Change.PartRenamed p) return p.id();
        if (change instanceof Change.TrackReturnChanged t) return now.trackTitle(t.trackId());
        return null;
    }

    /** One side's value in the reader's terms; null where that side has none. */
    private String shown(Change change, boolean old) {
        Object plain = old ? change.before() : change.after();
        if (plain == null) return null;
        PlaybookView view = old ? then : now;
        if (change instanceof Change.ProbabilityChanged) return plain + "%";
        if (change instanceof Change.DurationChanged d) return duration(old ? d.oldDuration() : d.newDuration());
        if (change instanceof Change.NextChanged n) return target(view, old ? n.oldNext() : n.newNext());
        if (change instanceof Change.BranchAdded b) return branch(view, b.branch());
        if (change instanceof Change.BranchRemoved b) return branch(view, b.branch());
        if (change instanceof Change.BranchChanged b) return branch(view, old ? b.oldBranch() : b.newBranch());
        if (change instanceof Change.StageMoved m) return place(view, old ? m.from() : m.to());
        if (change instanceof Change.TaskRoleChanged) return view.roleTitle((String) plain);
        if (change instanceof Change.TaskMoved) return view.stageTitle((String) plain);
        if (change instanceof Change.TrackReturnChanged) return view.stageTitle((String) plain);
        if (change instanceof Change.BuyerJourneyReordered) {
            return ((List<?>) plain).stream().map(id -> view.phaseTitle((String) id)).collect(Collectors.joining(" → "));
        }
        if (change instanceof Change.StageDetailChanged d) {
            return switch (d.detail()) {
                case STATUS -> messages.get("status." + plain);
                case KIND -> messages.get("kind." + plain);
                case BUYER_PHASE -> view.phaseTitle((String) plain);
                default -> plain.toString();
            };
        }
        if (change instanceof Change.TaskDetailChanged d && d.detail() == Change.TaskDetail.OPTIONAL) {
            return messages.get("optional".equals(plain) ? "task.optional" : "changes.required");
        }
        return plain.toString();
    }

    private String duration(StageDuration d) {
        return messages.plural(d.unit() == StageDuration.Unit.WEEKS ? "weeks" : "days", d.amount());
    }

    private static String target(PlaybookView view, Target target) {
        return view.targetTitle(target);
    }

    private static String branch(PlaybookView view, Branch branch) {
        return branch.when() + " → " + view.targetTitle(branch.to());
    }

    private String place(PlaybookView view, Change.Place place) {
        String path = place.trackId() == null ? messages.get("changes.mainPath") : view.trackTitle(place.trackId());
        return path + ", " + place.position() + ".";
    }
}
