package dev.playbook.changes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The entries of two versions of a list, paired: first by key (repeated keys pair in order),
 * then, where allowed, an unpaired old entry with an unpaired new one that stands in the same gap
 * between entries paired by key, which is how an edit that rewords an entry in place looks.
 */
record Pairing<T>(List<Pair<T>> pairs, List<T> removed, List<T> added) {

    record Pair<T>(T before, T after) {
    }

    /**
     * @param alike whether an unpaired old and new entry in the same gap are the same entry; null never pairs them
     */
    static <T> Pairing<T> of(List<T> before, List<T> after, Function<T, String> key, BiPredicate<T, T> alike) {
        Map<String, Deque<Integer>> oldByKey = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            oldByKey.computeIfAbsent(key.apply(before.get(i)), k -> new ArrayDeque<>()).add(i);
        }
        Integer[] partnerOfNew = new Integer[after.size()];
        boolean[] oldPaired = new boolean[before.size()];
        for (int j = 0; j < after.size(); j++) {
            Deque<Integer> same = oldByKey.get(key.apply(after.get(j)));
            if (same != null && !same.isEmpty()) {
                partnerOfNew[j] = same.poll();
                oldPaired[partnerOfNew[j]] = true;
            }
        }
        if (alike != null) {
            int[] oldGap = gaps(oldPaired);
            boolean[] newPaired = new boolean[after.size()];
            for (int j = 0; j < after.size(); j++) newPaired[j] = partnerOfNew[j] != null;
            int[] newGap = gaps(newPaired);
            for (int j = 0; j < after.size(); j++) {
                if (newPaired[j]) continue;
                for (int i = 0; i < before.size(); i++) {
                    if (!oldPaired[i] && oldGap[i] == newGap[j] && alike.test(before.get(i), after.get(j))) {
                        partnerOfNew[j] = i;
                        oldPaired[i] = true;
                        break;
                    }
                }
            }
        }
        List<Pair<T>> pairs = new ArrayList<>();
        List<T> added = new ArrayList<>();
        for (int j = 0; j < after.size(); j++) {
            if (partnerOfNew[j] == null) added.add(after.get(j));
            else pairs.add(new Pair<>(before.get(partnerOfNew[j]), after.get(j)));
        }
        List<T> removed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!oldPaired[i]) removed.add(before.get(i));
        }
        return new Pairing<>(List.copyOf(pairs), List.copyOf(removed), List.copyOf(added));
    }

    /** For each entry, how many entries before it were paired by key: entries with the same count share a gap. */
    static int[] gaps(boolean[] paired) {
        int[] gap = new int[paired.length];
        int count = 0;
        for (int i = 0; i < paired.length; i++) {
            gap[i] = count;
            if (paired[i]) count++;
        }
        return gap;
    }

    /** Pairs by key alone. */
    static <T> Pairing<T> byKey(List<T> before, List<T> after, Function<T, String> key) {
        return of(before, after, key, null);
    }
}
