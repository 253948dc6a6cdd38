package dev.playbook.changes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which entries of a list changed their order, as a reader would say it: the fewest entries that moved. */
final class Order {
    private Order() {
    }

    /**
     * The ids in both lists that are not part of a longest run the two lists share in the same
     * order: moving one entry marks that one, not every entry it jumped over.
     */
    static Set<String> moved(List<String> before, List<String> after) {
        Set<String> inBoth = new HashSet<>(before);
        inBoth.retainAll(new HashSet<>(after));
        List<String> a = before.stream().filter(inBoth::contains).toList();
        List<String> b = after.stream().filter(inBoth::contains).toList();
        int[][] longest = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                longest[i][j] = a.get(i).equals(b.get(j)) ? longest[i + 1][j + 1] + 1
                        : Math.max(longest[i + 1][j], longest[i][j + 1]);
            }
        }
        Set<String> kept = new HashSet<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                kept.add(a.get(i));
                i++;
                j++;
            } else if (longest[i + 1][j] >= longest[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        Set<String> moved = new HashSet<>(inBoth);
        moved.removeAll(kept);
        return moved;
    }
}
