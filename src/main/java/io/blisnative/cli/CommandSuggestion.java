package io.blisnative.cli;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds the command a mistyped word most likely meant. picocli's own suggestions compare letter
 * pairs, which ranks "report" above "replay" for "repaly"; counting single-letter edits and
 * swaps of neighbours (optimal string alignment distance) catches the usual typos.
 */
final class CommandSuggestion {
    /** More edits than this and the word is taken as something else, not a typo. */
    static final int MAX_EDITS = 2;

    private CommandSuggestion() {
    }

    /** The first of {@code names} closest to {@code word} within {@link #MAX_EDITS}, if any. */
    static Optional<String> closest(String word, Collection<String> names) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String name : names) {
            int d = distance(word, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
