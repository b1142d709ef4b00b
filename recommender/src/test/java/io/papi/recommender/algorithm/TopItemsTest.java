package io.papi.recommender.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopItemsTest {

    @Test
    void picksHighestScoresWithTiesToTheLowerIndex() {
        float[] s = {1, 3, 2, 3, 0, 3};

        assertThat(TopItems.select(s, s.length, null, 4, false)).containsExactly(1, 3, 5, 2);
        assertThat(TopItems.select(s, s.length, null, 2, false)).containsExactly(1, 3);
    }

    @Test
    void skipsExcludedIndexesAndOptionallyNonPositiveScores() {
        float[] s = {5, 4, 0, -1};
        boolean[] excluded = {true, false, false, false};

        assertThat(TopItems.select(s, s.length, excluded, 10, false)).containsExactly(1, 2, 3);
        assertThat(TopItems.select(s, s.length, excluded, 10, true)).containsExactly(1);
    }

    @Test
    void agreesWithAFullSortOnRandomScores() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 50; round++) {
            float[] s = new float[200];
            for (int i = 0; i < s.length; i++) {
                s[i] = random.nextInt(20); // many ties
            }
            Integer[] all = new Integer[s.length];
            for (int i = 0; i < s.length; i++) {
                all[i] = i;
            }
            java.util.Arrays.sort(all, (a, b) -> s[a] != s[b] ? Float.compare(s[b], s[a]) : Integer.compare(a, b));
            int[] expected = java.util.Arrays.stream(all)
                    .limit(15)
                    .mapToInt(Integer::intValue)
                    .toArray();

            assertThat(TopItems.select(s, s.length, null, 15, false)).containsExactly(expected);
        }
    }
}
