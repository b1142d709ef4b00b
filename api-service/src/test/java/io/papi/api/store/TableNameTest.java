package io.papi.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TableNameTest {

    @Test
    void plainAndQualifiedNamesAreQuotedUpperCase() {
        assertThat(TableName.of("movie_recommendations_hybrid").sql()).isEqualTo("\"MOVIE_RECOMMENDATIONS_HYBRID\"");
        assertThat(TableName.of(TableNameTestNames.HYBRID).sql()).isEqualTo("\"API\".\"DATA\".\"MOVIE_RECOMMENDATIONS_HYBRID\"");
        assertThat(TableName.of("_T$1").sql()).isEqualTo("\"_T$1\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1TABLE", "A.B.C.D", "A..B", "T\"; DROP TABLE X; --", "T X", "T-1", "Tä", "A.", ".A"})
    void anythingElseIsRefused(String name) {
        assertThatThrownBy(() -> TableName.of(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table name");
    }
}
