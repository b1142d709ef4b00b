package io.papi.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.recommender.algorithm.Models;
import org.junit.jupiter.api.Test;

/** Which algorithms fit where, and the one-line reasons when they do not. */
class FitTest {

    private static final long GIB = 1L << 30;

    @Test
    void theEaseFamilySaysHowMuchHeapItNeedsAndItemKnnAlwaysFits() {
        assertThat(Models.whyNot(Algorithm.EDLAE, 10_000, 20_000, 2 * GIB))
                .isEqualTo("EASE needs about 3.7 GiB for 10000 users and 20000 items but the heap allows 2.0 GiB");
        assertThat(Models.whyNot(Algorithm.EASE, 10_000, 20_000, 2 * GIB)).startsWith("EASE needs about ");
        assertThat(Models.whyNot(Algorithm.EDLAE, 943, 1682, GIB)).isNull();
        assertThat(Models.whyNot(Algorithm.ITEMKNN, 10_000_000, 1_000_000, GIB)).isNull();
        assertThat(Models.whyNot(Algorithm.EDLAE, 100_000, 100_000, 1L << 50))
                .as("past int indexing")
                .isNotNull();
    }

    @Test
    void theDefaultGivesWayAboveFiveThousandASide() {
        Ratings big = SyntheticData.generate(1, SyntheticShape.scaled(5_100, 5_200, 110_000))
                .ratings();

        assertThat(Recommender.whyNotQuick(Algorithm.EDLAE, big))
                .hasValue(
                        "edlae would invert a 5,100×5,100 matrix per fit (5100 users, 5200 items), minutes with --tune auto");
        assertThat(Recommender.whyNotQuick(Algorithm.ITEMKNN, big)).isEmpty();
        assertThat(Recommender.whyNotQuick(Algorithm.EDLAE, TestData.synthetic().ratings()))
                .isEmpty();
    }
}
