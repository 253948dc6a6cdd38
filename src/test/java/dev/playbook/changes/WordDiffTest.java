package dev.playbook.changes;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Execution(ExecutionMode.CONCURRENT)
class WordDiffTest {

    private static String shown(List<WordDiff.Segment> segments) {
        StringBuilder out = new StringBuilder();
        for (WordDiff.Segment s : segments) {
            out.append(switch (s.op()) {
                case SAME -> s.text();
                case REMOVED -> "[-" + s.text() + "-]";
                case ADDED -> "{+" + s.text() + "+}";
            });
        }
        return out.toString();
    }

    @Test
    void keepsTheWordsBothTextsShare() {
        assertEquals("The need is [-known.-]{+written down.+}", shown(WordDiff.between("The need is known.", "The need is written down.")));
    }

    @Test
    void aReplacementInTheMiddleIsOneRemovalAndOneAddition() {
        assertEquals("Call [-the-]{+every+} lead today", shown(WordDiff.between("Call the lead today", "Call every lead today")));
        assertEquals("Call [-the lead-]{+every customer+} today",
                shown(WordDiff.between("Call the lead today", "Call every customer today")));
    }

    @Test
    void spacingAndLineBreaksDoNotCount() {
        // words keep their punctuation: "four." and "four," are different words
        assertEquals("Ask all [-four.-]{+four, in order.+}", shown(WordDiff.between("Ask  all\nfour.", "Ask all four, in order.")));
        assertEquals("Same words", shown(WordDiff.between("Same\n words", "Same words")));
    }
}
