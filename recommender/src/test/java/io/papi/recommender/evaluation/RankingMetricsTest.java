package io.papi.recommender.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    /**
     * Ranked [0,1,2,3,4], relevant {0,2,9}, k = 5: hits at ranks 1 and 3.
     * precision = 2/5; recall = 2/3; DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal DCG over min(5,3) = 3 ranks =
     * 1 + 1/log2(3) + 1/2 = 2.130930, so nDCG = 0.703918; AP = (1/1 + 2/3) / 3 = 0.555…; AP@k = the same over min(5,3) = 3.
     */
    @Test
    void matchesHandComputedValues() {
        boolean[] relevant = new boolean[10];
        relevant[0] = relevant[2] = relevant[9] = true;

        RankingMetrics m = RankingMetrics.of(new int[] {0, 1, 2, 3, 4}, relevant, 3, 5);

        assertThat(m.precision()).isEqualTo(0.4);
        assertThat(m.recall()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(m.ndcg()).isCloseTo(1.5 / (1 + 1 / (Math.log(3) / Math.log(2)) + 0.5), within(1e-15));
        assertThat(m.ndcg()).isCloseTo(0.703918, within(1e-6));
        assertThat(m.averagePrecision()).isCloseTo((1 + 2.0 / 3) / 3, within(1e-15));
        assertThat(m.averagePrecisionAtK()).isCloseTo((1 + 2.0 / 3) / 3, within(1e-15));
    }

    /** With more relevant items than k, MAP divides by |relevant| and MAP@k by k. */
    @Test
    void mapAndMapAtKDifferWhenMoreItemsAreRelevantThanK() {
        boolean[] relevant = new boolean[10];
        for (int i = 0; i < 8; i++) {
            relevant[i] = true;
        }

        RankingMetrics m = RankingMetrics.of(new int[] {9, 1}, relevant, 8, 2);

        // one hit at rank 2: precision there is 1/2
        assertThat(m.averagePrecision()).isEqualTo(0.5 / 8);
        assertThat(m.averagePrecisionAtK()).isEqualTo(0.5 / 2);
        assertThat(m.ndcg())
                .isCloseTo((1 / (Math.log(3) / Math.log(2))) / (1 + 1 / (Math.log(3) / Math.log(2))), within(1e-15));
        assertThat(m.precision()).isEqualTo(0.5);
        assertThat(m.recall()).isEqualTo(1.0 / 8);
    }

    @Test
    void aPerfectRankingScoresOne() {
        boolean[] relevant = {true, true, false};

        RankingMetrics m = RankingMetrics.of(new int[] {1, 0, 2}, relevant, 2, 10);

        assertThat(m.ndcg()).isCloseTo(1.0, within(1e-15));
        assertThat(m.averagePrecision()).isEqualTo(1.0);
        assertThat(m.precision()).isEqualTo(0.2); // hits / k even when fewer than k are relevant
    }
}
