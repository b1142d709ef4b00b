package io.papi.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecommendedItemTest {

    /** Expected values are what Python prints for "%.2f" % score. */
    @ParameterizedTest
    @CsvSource({
        "12, 12.00",
        "4.5, 4.50",
        "2.675, 2.67", // binary value is 2.67499999…: Python rounds down, String.format would print 2.68
        "0.125, 0.12", // exactly half: half to even
        "0.375, 0.38",
        "1.005, 1.00", // binary value is 1.00499999…
        "-0.001, -0.00",
        "-1.5, -1.50",
        "1234567.891, 1234567.89"
    })
    void formatsScoresAsPythonsPercentTwoF(double score, String expected) {
        assertThat(new RecommendedItem(1, "x", score).movieScore()).isEqualTo(expected);
    }
}
