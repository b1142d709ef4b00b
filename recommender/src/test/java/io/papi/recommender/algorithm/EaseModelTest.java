package io.papi.recommender.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;
import io.papi.recommender.TestRatings;
import org.junit.jupiter.api.Test;

class EaseModelTest {

    /** Items A, B and C. */
    private static final long[] ITEMS_10_20_30 = {10, 20, 30};

    /**
     * Users {A,B}, {B,C}, {A,B,C} over items A, B, C give XᵀX = [[2,2,1],[2,3,2],[1,2,2]]. With λ = 1,
     * P = [[3,2,1],[2,4,2],[1,2,3]]⁻¹ = [[.5,-.25,0],[-.25,.5,-.25],[0,-.25,.5]], so B_ij = -P_ij/P_jj is
     * [[0,.5,0],[.5,0,.5],[0,.5,0]].
     */
    @Test
    void matchesTheClosedFormSolvedByHand() {
        // ratings become 1s: EASE sees interactions
        Ratings r = TestRatings.pivot(
                ITEMS_10_20_30,
                new int[] {4, 1, 0}, // user 1
                new int[] {0, 5, 2}, // user 2
                new int[] {3, 3, 3}); // user 3

        EaseModel model = EaseModel.train(r, 1.0, ProgressListener.NONE);

        assertWeights(model, new float[][] {{0, .5f, 0}, {.5f, 0, .5f}, {0, .5f, 0}});
        float[] scores = new float[3];
        model.score(r.userIndex(1), scores); // rows A + B
        assertThat(scores).containsExactly(new float[] {.5f, .5f, .5f}, within(1e-6f));
    }

    /**
     * Two users {A,B}, {B,C} over three items take the Woodbury route (fewer users than items). XᵀX + I =
     * [[2,1,0],[1,3,1],[0,1,2]] has determinant 8 and inverse [[5,-2,1],[-2,4,-2],[1,-2,5]] / 8, so
     * B = [[0,.5,-.2],[.4,0,.4],[-.2,.5,0]].
     */
    @Test
    void matchesTheClosedFormSolvedByHandWithFewerUsersThanItems() {
        Ratings r = twoUsersOverThreeItems();

        EaseModel model = EaseModel.train(r, 1.0, ProgressListener.NONE);

        assertWeights(model, new float[][] {{0, .5f, -.2f}, {.4f, 0, .4f}, {-.2f, .5f, 0}});
        float[] scores = new float[3];
        model.score(r.userIndex(1), scores);
        assertThat(scores[2]).isCloseTo(.2f, within(1e-6f));
    }

    @Test
    void theUserAndItemRoutesGiveTheSameInverse() {
        java.util.Random random = new java.util.Random(3);
        Ratings.Builder b = Ratings.builder();
        for (int u = 0; u < 60; u++) {
            for (int i = 0; i < 150; i++) {
                if (random.nextDouble() < 0.1 + 0.2 * (i % 3)) {
                    b.add(u, i, 4, 0);
                }
            }
        }
        Ratings r = b.build();
        assertThat(r.userCount()).isLessThan(r.itemCount());

        double[] viaUsers = EaseInverse.viaUsers(r, 7.5, ProgressListener.NONE);
        double[] viaItems = EaseInverse.viaItems(r, 7.5, ProgressListener.NONE);

        double worst = 0;
        for (int k = 0; k < viaItems.length; k++) {
            worst = Math.max(worst, Math.abs(viaUsers[k] - viaItems[k]));
        }
        assertThat(worst).isLessThan(1e-12);
    }

    @Test
    void announcesEachTrainingPhaseThroughTheProgressListener() {
        Ratings r = twoUsersOverThreeItems();
        java.util.List<String> phases = new java.util.ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void start(String phase, long total) {
                phases.add(phase);
            }

            @Override
            public void advance(long n) {}

            @Override
            public void done() {}
        };

        Models.train(r, io.papi.recommender.Algorithm.EASE, io.papi.recommender.Parameters.defaults(), listener);

        assertThat(phases)
                .containsExactly("user co-occurrence counts", "Cholesky factor", "inverse", "Woodbury products");
    }

    @Test
    void rejectsANonPositiveLambda() {
        Ratings r = Ratings.builder().add(1, 1, 1, 0).build();

        assertThatThrownBy(() -> EaseModel.train(r, 0, ProgressListener.NONE))
                .hasMessage("EASE lambda must be positive, got 0.0");
    }

    /** Users {A,B} and {B,C} over items A, B, C: fewer users than items, so EASE takes the Woodbury route. */
    private static Ratings twoUsersOverThreeItems() {
        return TestRatings.pivot(
                ITEMS_10_20_30,
                new int[] {5, 5, 0}, // user 1
                new int[] {0, 1, 1}); // user 2
    }

    private static void assertWeights(EaseModel model, float[][] expected) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(model.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-6f));
            }
        }
    }
}
