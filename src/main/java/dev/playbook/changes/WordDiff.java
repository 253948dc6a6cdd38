package dev.playbook.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Old and new words of a reworded text, side by side: which words stayed, which went and which came. */
public final class WordDiff {
    /** Longer texts are shown as all old, then all new: a word-by-word table for them would cost too much. */
    private static final long MAX_CELLS = 1_000_000;
    private static final Pattern TOKEN = Pattern.compile("\\s+|\\S+");

    public enum Op { SAME, REMOVED, ADDED }

    /** A run of text; spaces between two runs of the same kind belong to the run. */
    public record Segment(Op op, String text) {
    }

    private WordDiff() {
    }

    /** Both texts with their spacing evened out first, so that only words count. */
    public static List<Segment> between(String before, String after) {
        List<String> a = tokens(Texts.normalized(before == null ? "" : before));
        List<String> b = tokens(Texts.normalized(after == null ? "" : after));
        List<Segment> raw = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            raw.add(new Segment(Op.REMOVED, String.join("", a)));
            raw.add(new Segment(Op.ADDED, String.join("", b)));
            return merged(raw);
        }
        int[][] longest = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                longest[i][j] = a.get(i).equals(b.get(j)) ? longest[i + 1][j + 1] + 1
                        : Math.max(longest[i + 1][j], longest[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                raw.add(new Segment(Op.SAME, a.get(i++)));
                j++;
            } else if (j == b.size() || (i < a.size() && longest[i + 1][j] >= longest[i][j + 1])) {
                raw.add(new Segment(Op.REMOVED, a.get(i++)));
            } else {
                raw.add(new Segment(Op.ADDED, b.get(j++)));
            }
        }
        return merged(raw);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) tokens.add(m.group());
        return tokens;
    }

    /**
     * Joins neighbouring runs of one kind. A lone space kept between two changed runs goes to
     * both, so that "a b" replaced by "x y" reads as one removal and one addition.
     */
    private static List<Segment> merged(List<Segment> raw) {
        List<Segment> pass = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            Segment s = raw.get(k);
            boolean spaceBetweenChanges = s.op() == Op.SAME && s.text().isBlank() && k > 0 && k + 1 < raw.size()
                    && raw.get(k - 1).op() != Op.SAME && raw.get(k + 1).op() != Op.SAME;
            if (spaceBetweenChanges) {
                pass.add(new Segment(Op.REMOVED, s.text()));
                pass.add(new Segment(Op.ADDED, s.text()));
            } else {
                pass.add(s);
            }
        }
        // removals first, then additions, within each stretch of changes
        List<Segment> ordered = new ArrayList<>();
        int k = 0;
        while (k < pass.size()) {
            if (pass.get(k).op() == Op.SAME) {
                ordered.add(pass.get(k++));
                continue;
            }
            StringBuilder removed = new StringBuilder();
            StringBuilder added = new StringBuilder();
            while (k < pass.size() && pass.get(k).op() != Op.SAME) {
                (pass.get(k).op() == Op.REMOVED ? removed : added).append(pass.get(k).text());
                k++;
            }
            if (removed.length() > 0) ordered.add(new Segment(Op.REMOVED, removed.toString()));
            if (added.length() > 0) ordered.add(new Segment(Op.ADDED, added.toString()));
        }
        List<Segment> joined = new ArrayList<>();
        for (Segment s : ordered) {
            int last = joined.size() - 1;
            if (last >= 0 && joined.get(last).op() == s.op()) joined.set(last, new Segment(s.op(), joined.get(last).text() + s.text()));
            else joined.add(s);
        }
        return joined;
    }
}
