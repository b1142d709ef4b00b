package io.papi.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void onTheDefaultSyntheticDataEaseBeatsItemKnnBeatsPopularityOnNdcg() {
        List<EvaluationRow> rows = Evaluation.run(
                TestData.synthetic().ratings(),
                Evaluation.DEFAULT_SEED,
                List.of(Algorithm.POPULAR, Algorithm.ITEMKNN, Algorithm.EASE),
                Parameters.defaults(),
                ProgressListener.NONE);

        EvaluationRow popular = rows.get(0);
        EvaluationRow itemKnn = rows.get(1);
        EvaluationRow ease = rows.get(2);
        assertThat(ease.ndcg()).isGreaterThan(itemKnn.ndcg());
        assertThat(itemKnn.ndcg()).isGreaterThan(popular.ndcg());
        for (EvaluationRow row : rows) {
            assertThat(row.k()).isEqualTo(10);
            assertThat(row.users()).isEqualTo(943);
            assertThat(row.precision()).isBetween(0.0, 1.0);
            assertThat(row.map()).isLessThanOrEqualTo(row.mapAtK());
        }
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        Ratings r = TestData.synthetic().ratings();

        EvaluationRow a = Evaluation.run(r, 5, List.of(Algorithm.POPULAR), Parameters.defaults(), ProgressListener.NONE)
                .get(0);
        EvaluationRow b = Evaluation.run(r, 5, List.of(Algorithm.POPULAR), Parameters.defaults(), ProgressListener.NONE)
                .get(0);

        assertThat(a.ndcg()).isEqualTo(b.ndcg());
        assertThat(a.map()).isEqualTo(b.map());
    }

    @Test
    void refusesACutOffBelowOne() {
        Ratings r = Ratings.builder().add(1, 1, 5, 0).add(1, 2, 4, 0).build();

        assertThatThrownBy(() -> Evaluation.run(
                        r, 42, List.of(Algorithm.POPULAR), Parameters.defaults(), 0, ProgressListener.NONE))
                .hasMessage("k must be at least 1, got 0");
    }
}
