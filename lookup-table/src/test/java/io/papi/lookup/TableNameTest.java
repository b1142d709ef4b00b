package io.papi.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableNameTest {

    @Test
    void plainAndQualifiedNamesAreQuotedUpperCase() {
        assertThat(TableName.of("movie_recommendations_hybrid").sql()).isEqualTo("\"MOVIE_RECOMMENDATIONS_HYBRID\"");
        assertThat(TableName.of("api.data.MOVIE_RECOMMENDATIONS_HYBRID").sql())
                .isEqualTo("\"API\".\"DATA\".\"MOVIE_RECOMMENDATIONS_HYBRID\"");
        assertThat(TableName.of("_T$1").sql()).isEqualTo("\"_T$1\"");
        assertThat(TableName.of("Order").sql()).isEqualTo("\"ORDER\"");
    }

    @Test
    void theNameForMessagesIsUnquotedAndResolved() {
        TableName name = TableName.of("api.data.recs");
        assertThat(name.name()).isEqualTo("API.DATA.RECS");
        assertThat(name.table()).isEqualTo("RECS");
        assertThat(name).hasToString(name.sql());
    }

    @Test
    void namesThatResolveAlikeAreEqual() {
        assertThat(TableName.of("db.s.t")).isEqualTo(TableName.of("DB.S.T")).hasSameHashCodeAs(TableName.of("Db.S.t"));
        assertThat(TableName.of("s.t")).isNotEqualTo(TableName.of("t"));
    }

    @Test
    void aSiblingKeepsTheDatabaseAndSchema() {
        assertThat(TableName.of("db.s.batch").sibling("stage").sql()).isEqualTo("\"DB\".\"S\".\"STAGE\"");
        assertThat(TableName.of("batch").sibling("STAGE").sql()).isEqualTo("\"STAGE\"");
        assertThatThrownBy(() -> TableName.of("t").sibling("a.b")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "1TABLE",
                "T;DROP",
                "\"T\"",
                "a b",
                "a..b",
                "a.b.c.d",
                "T--",
                "T-1",
                "Tä",
                "A.",
                ".A",
                "T\"; DROP TABLE X; --"
            })
    void anythingElseIsRefusedWithOneLineNamingIt(String name) {
        assertThatThrownBy(() -> TableName.of(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("table name '" + name + "'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aNullNameIsRefusedAsEmpty() {
        assertThatThrownBy(() -> TableName.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table name '' is empty: give one such as MOVIE_RECOMMENDATIONS_HYBRID");
    }

    @Test
    void aLongBadNameIsShortenedInTheMessage() {
        String name = "X".repeat(100) + "!";
        assertThatThrownBy(() -> TableName.of(name))
                .hasMessageContaining("X".repeat(60) + "...")
                .hasMessageNotContaining("X".repeat(61));
    }

    @Test
    void partsUpTo255CharactersAreAccepted() {
        assertThat(TableName.of("T" + "x".repeat(254)).table()).hasSize(255);
        assertThatThrownBy(() -> TableName.of("T" + "x".repeat(255))).isInstanceOf(IllegalArgumentException.class);
    }
}
