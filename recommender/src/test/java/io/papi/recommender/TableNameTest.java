package io.papi.recommender;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"MOVIE_RECOMMENDATIONS_HYBRID", "db.schema.t", "_T$1", "PUBLIC.USER_RATINGS"})
    void acceptsPlainIdentifiersUpToThreeParts(String name) {
        assertThat(TableName.of(name).sql()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1TABLE", "T;DROP", "\"T\"", "a b", "a..b", "a.b.c.d", "T--"})
    void rejectsAnythingElseWithOneLine(String name) {
        assertThatThrownBy(() -> TableName.of(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("table name '" + name + "'")
                .hasMessageNotContaining("\n");
    }
}
