package io.papi.recommender.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;
import io.papi.recommender.TestRatings;
import org.junit.jupiter.api.Test;

class ItemKnnModelTest {

    /**
     * Raters: item A {1,2,3}, B {1,2}, C {3}. Co-occurrence A·B = 2, A·C = 1, B·C = 0.
     * With shrinkage 1: sim(A,B) = 2/(√6+1), sim(A,C) = 1/(√3+1), sim(B,C) = 0.
     */
    private static final Ratings R = TestRatings.pivot(
            new int[] {5, 5, 0}, // user 1
            new int[] {1, 2, 0}, // user 2
            new int[] {3, 0, 4}); // user 3

    @Test
    void cosineOfRaterSetsIsShrunk() {
        ItemKnnModel m = ItemKnnModel.train(R, 5, 1.0, ProgressListener.NONE);

        assertThat(m.similarity(1, 0)).isCloseTo((float) (2 / (Math.sqrt(6) + 1)), within(1e-6f));
        assertThat(m.similarity(0, 1)).isCloseTo((float) (2 / (Math.sqrt(6) + 1)), within(1e-6f));
        assertThat(m.similarity(2, 0)).isCloseTo((float) (1 / (Math.sqrt(3) + 1)), within(1e-6f));
        assertThat(m.similarity(1, 2)).isZero();
        assertThat(m.similarity(0, 0)).isZero();
    }

    @Test
    void eachTargetKeepsOnlyItsKMostSimilarItems() {
        ItemKnnModel m = ItemKnnModel.train(R, 1, 1.0, ProgressListener.NONE);

        // Target A's best neighbour is B (0.580 > 0.366): C no longer counts towards A.
        assertThat(m.similarity(1, 0)).isGreaterThan(0);
        assertThat(m.similarity(2, 0)).isZero();
        float[] scores = new float[3];
        m.score(R.userIndex(3), scores); // user 3 rated A and C
        assertThat(scores[1]).isCloseTo((float) (2 / (Math.sqrt(6) + 1)), within(1e-6f)); // B via A
    }

    @Test
    void aModelWithFewerNeighboursIsAPrefixOfOneWithMore() {
        io.papi.recommender.Ratings r = io.papi.recommender.TestData.synthetic().ratings();

        ItemKnnModel direct = ItemKnnModel.train(r, 20, 10, io.papi.recommender.ProgressListener.NONE);
        ItemKnnModel prefix = ItemKnnModel.neighbours(r, 80, 10, io.papi.recommender.ProgressListener.NONE)
                .model(20);

        assertThat(prefix.size()).isEqualTo(direct.size()).isPositive();
        float[] a = new float[r.itemCount()];
        float[] b = new float[r.itemCount()];
        for (int u = 0; u < r.userCount(); u += 37) {
            direct.score(u, a);
            prefix.score(u, b);
            assertThat(b).as("user " + u).containsExactly(a);
        }
    }
}
