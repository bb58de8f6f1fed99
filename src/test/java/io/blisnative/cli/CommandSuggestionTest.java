package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandSuggestionTest {
    private static final List<String> COMMANDS =
            List.of("replay", "compare", "run", "convert", "calibrate", "report", "models", "hardware");

    @Test
    void distance_knownPairs_countEditsAndSwaps() {
        assertEquals(0, CommandSuggestion.distance("replay", "replay"));
        assertEquals(1, CommandSuggestion.distance("repaly", "replay"));   // one swap of neighbours
        assertEquals(1, CommandSuggestion.distance("rn", "run"));          // one insertion
        assertEquals(3, CommandSuggestion.distance("kitten", "sitting"));  // textbook Levenshtein figure
    }

    @Test
    void closest_typos_findTheIntendedCommand() {
        assertEquals(Optional.of("replay"), CommandSuggestion.closest("repaly", COMMANDS));
        assertEquals(Optional.of("convert"), CommandSuggestion.closest("covnert", COMMANDS));
        assertEquals(Optional.of("models"), CommandSuggestion.closest("model", COMMANDS));
    }

    @Test
    void closest_unrelatedWord_suggestsNothing() {
        assertEquals(Optional.empty(), CommandSuggestion.closest("traces/llama70b.jsonl", COMMANDS));
    }
}
