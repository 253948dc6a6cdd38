package dev.playbook.changes;

import dev.playbook.changes.Change.PlaybookAdded;
import dev.playbook.changes.Change.PlaybookRemoved;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares two resolved versions of a site, matching playbooks by id. */
public final class Comparer {

    public Comparison compare(String fromLabel, Site before, String toLabel, Site after) {
        Map<String, Playbook> old = byId(before);
        Map<String, Playbook> now = byId(after);
        TreeSet<String> ids = new TreeSet<>(old.keySet());
        ids.addAll(now.keySet());
        List<PlaybookChanges> changed = new ArrayList<>();
        for (String id : ids) {
            Playbook o = old.get(id);
            Playbook n = now.get(id);
            if (o == null) {
                changed.add(new PlaybookChanges(id, PlaybookChanges.Status.ADDED, null, n, List.of(new PlaybookAdded(id, n.title()))));
            } else if (n == null) {
                changed.add(new PlaybookChanges(id, PlaybookChanges.Status.REMOVED, o, null,
                        List.of(new PlaybookRemoved(id, o.title()))));
            } else {
                List<Change> changes = new PlaybookComparer(o, n).changes();
                if (!changes.isEmpty()) changed.add(new PlaybookChanges(id, PlaybookChanges.Status.CHANGED, o, n, changes));
            }
        }
        return new Comparison(fromLabel, toLabel, changed);
    }

    private static Map<String, Playbook> byId(Site site) {
        Map<String, Playbook> map = new TreeMap<>();
        for (Playbook p : site.playbooks()) map.put(p.id(), p);
        return map;
    }
}
