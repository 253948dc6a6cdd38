package dev.playbook.diagnostics;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Did you mean" hints: close slips are named, different words are not. */
@Execution(ExecutionMode.CONCURRENT)
class SuggestionsTest {
    private static final List<String> KEYS = List.of("exit_criteria", "tasks", "title", "buyer_phase", "branches");

    @Test
    void aTypoNamesTheKeyMeant() {
        assertEquals(Optional.of("exit_criteria"), Suggestions.closest("exit_criterias", KEYS));
        assertEquals(Optional.of("tasks"), Suggestions.closest("taks", KEYS));
        assertEquals(Optional.of("buyer_phase"), Suggestions.closest("buyer_phsae", KEYS), "two swapped letters are one slip");
        assertEquals(Optional.of("title"), Suggestions.closest("Title", KEYS), "case does not count");
    }

    @Test
    void aDifferentWordGetsNoHint() {
        assertEquals(Optional.empty(), Suggestions.closest("owner", KEYS));
        assertEquals(Optional.empty(), Suggestions.closest("x", List.of()));
        assertEquals("", Suggestions.didYouMean("completely-unrelated", KEYS));
    }

    @Test
    void theHintIsASentenceEnding() {
        assertEquals("; did you mean `branches`?", Suggestions.didYouMean("branchs", KEYS));
    }

    @Test
    void amongEquallyCloseWordsTheFirstInOrderWins() {
        assertEquals(Optional.of("bat"), Suggestions.closest("bax", List.of("bay", "bat")));
    }

    @Test
    void distanceCountsEditsAndSwaps() {
        assertEquals(0, Suggestions.distance("abc", "abc"));
        assertEquals(1, Suggestions.distance("abc", "acb"));
        assertEquals(1, Suggestions.distance("abc", "abcd"));
        assertEquals(3, Suggestions.distance("", "abc"));
        assertEquals(2, Suggestions.distance("kitten", "sitten") + Suggestions.distance("sitten", "sittin"));
    }
}
