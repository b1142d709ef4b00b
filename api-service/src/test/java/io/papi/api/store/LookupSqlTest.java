package io.papi.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.lookup.TableName;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LookupSqlTest {
    private final LookupSql snowflake =
            new LookupSql(TableName.of("api.data.movie_recommendations_hybrid"), LookupSql.Dialect.SNOWFLAKE);

    @Test
    void selectsToJsonOfTheVariantWithOnePlaceholderPerIdRoundedUpToAPowerOfTwo() {
        assertThat(snowflake.lookup(1))
                .isEqualTo(
                        "SELECT USER_ID, TO_JSON(RECOMMENDATIONS) FROM \"API\".\"DATA\".\"MOVIE_RECOMMENDATIONS_HYBRID\" WHERE USER_ID IN (?)");
        assertThat(snowflake.lookup(3)).endsWith("IN (?,?,?,?)");
        assertThat(snowflake.lookup(100)).endsWith("IN (" + "?,".repeat(127) + "?)");
    }

    @Test
    void aHundredDifferentIdCountsShareEightStatementTexts() {
        Set<String> texts = new HashSet<>();
        for (int n = 1; n <= 100; n++) {
            texts.add(snowflake.lookup(n));
        }
        assertThat(texts).hasSize(8);
    }

    @Test
    void bucketsArePowersOfTwo() {
        assertThat(LookupSql.bucket(1)).isEqualTo(1);
        assertThat(LookupSql.bucket(2)).isEqualTo(2);
        assertThat(LookupSql.bucket(3)).isEqualTo(4);
        assertThat(LookupSql.bucket(64)).isEqualTo(64);
        assertThat(LookupSql.bucket(65)).isEqualTo(128);
    }

    @Test
    void theEmbeddedStoreReadsTheJsonTextColumnAsIs() {
        LookupSql h2 = new LookupSql(TableName.of("MOVIE_RECOMMENDATIONS_HYBRID"), LookupSql.Dialect.H2);

        assertThat(h2.lookup(2))
                .isEqualTo(
                        "SELECT USER_ID, RECOMMENDATIONS FROM \"MOVIE_RECOMMENDATIONS_HYBRID\" WHERE USER_ID IN (?,?)");
        assertThat(h2.ping()).isEqualTo("SELECT USER_ID FROM \"MOVIE_RECOMMENDATIONS_HYBRID\" WHERE 1 = 0");
    }
}
