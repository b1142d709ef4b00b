package io.papi.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LookupDdlTest {
    private final TableName lookup = TableName.of("api.data.MOVIE_RECOMMENDATIONS_HYBRID");
    private final TableName batch = TableName.of("API.DATA.MOVIE_RECOMMENDATIONS");

    @Test
    void theEmbeddedTableKeysOnTextAndHoldsJsonText() {
        assertThat(LookupDdl.h2(TableName.of(LookupTable.DEFAULT_NAME)))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS "
                                + "\"MOVIE_RECOMMENDATIONS_HYBRID\" (USER_ID VARCHAR(256) PRIMARY KEY, RECOMMENDATIONS VARCHAR(1000000))");
    }

    @Test
    void theHybridTableHasAPrimaryKeyOfTheKeyType() {
        assertThat(LookupDdl.snowflakeLookup(lookup, KeyType.NUMBER))
                .isEqualTo(
                        "CREATE HYBRID TABLE IF NOT EXISTS "
                                + "\"API\".\"DATA\".\"MOVIE_RECOMMENDATIONS_HYBRID\" (USER_ID NUMBER(38,0) NOT NULL PRIMARY KEY, RECOMMENDATIONS VARIANT)");
        assertThat(LookupDdl.snowflakeLookup(lookup, KeyType.VARCHAR))
                .contains("(USER_ID VARCHAR(256) NOT NULL PRIMARY KEY,");
    }

    @Test
    void theBatchTableIsAStandardTableOfTheKeyType() {
        assertThat(LookupDdl.snowflakeBatch(batch, KeyType.NUMBER))
                .isEqualTo("CREATE TABLE IF NOT EXISTS "
                        + "\"API\".\"DATA\".\"MOVIE_RECOMMENDATIONS\" (USER_ID NUMBER(38,0), RECOMMENDATIONS VARIANT)");
        assertThat(LookupDdl.snowflakeBatch(batch, KeyType.VARCHAR))
                .contains("(USER_ID VARCHAR(256), RECOMMENDATIONS VARIANT)");
    }
}
