package io.papi.recommender.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.lookup.KeyType;
import io.papi.lookup.TableName;
import org.junit.jupiter.api.Test;

class SnowflakePublishSqlTest {

    @Test
    void writesTheBatchTableThenTheHybridTableFromStagedJsonAsTheGuideDoes() {
        SnowflakePublishSql sql = new SnowflakePublishSql(
                TableName.of("MOVIE_RECOMMENDATIONS"), TableName.of("MOVIE_RECOMMENDATIONS_HYBRID"), KeyType.NUMBER);

        assertThat(sql.createBatchTable())
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"MOVIE_RECOMMENDATIONS\" (USER_ID NUMBER(38,0), RECOMMENDATIONS VARIANT)");
        assertThat(sql.createLookupTable())
                .isEqualTo("CREATE HYBRID TABLE IF NOT EXISTS \"MOVIE_RECOMMENDATIONS_HYBRID\" "
                        + "(USER_ID NUMBER(38,0) NOT NULL PRIMARY KEY, RECOMMENDATIONS VARIANT)");
        assertThat(sql.createStage())
                .isEqualTo(
                        "CREATE OR REPLACE TEMPORARY TABLE \"PAPI_PUBLISH_STAGE\" (USER_ID NUMBER(38,0), RECOMMENDATIONS VARCHAR)");
        assertThat(sql.insertStage())
                .isEqualTo("INSERT INTO \"PAPI_PUBLISH_STAGE\" (USER_ID, RECOMMENDATIONS) VALUES (?, ?)");
        assertThat(sql.transaction())
                .containsExactly(
                        "DELETE FROM \"MOVIE_RECOMMENDATIONS\"",
                        "INSERT INTO \"MOVIE_RECOMMENDATIONS\" (USER_ID, RECOMMENDATIONS) SELECT USER_ID, PARSE_JSON(RECOMMENDATIONS) "
                                + "FROM \"PAPI_PUBLISH_STAGE\"",
                        "DELETE FROM \"MOVIE_RECOMMENDATIONS_HYBRID\"",
                        "INSERT INTO \"MOVIE_RECOMMENDATIONS_HYBRID\" (USER_ID, RECOMMENDATIONS) SELECT USER_ID, RECOMMENDATIONS "
                                + "FROM \"MOVIE_RECOMMENDATIONS\"");
        assertThat(sql.dropStage()).isEqualTo("DROP TABLE IF EXISTS \"PAPI_PUBLISH_STAGE\"");
    }

    @Test
    void idsThatAreNotNumbersGetVarcharKeysInEveryTable() {
        SnowflakePublishSql sql = new SnowflakePublishSql(
                TableName.of("MOVIE_RECOMMENDATIONS"), TableName.of("MOVIE_RECOMMENDATIONS_HYBRID"), KeyType.VARCHAR);

        assertThat(sql.createBatchTable()).contains("(USER_ID VARCHAR(256), RECOMMENDATIONS VARIANT)");
        assertThat(sql.createLookupTable())
                .contains("(USER_ID VARCHAR(256) NOT NULL PRIMARY KEY, RECOMMENDATIONS VARIANT)");
        assertThat(sql.createStage()).contains("(USER_ID VARCHAR(256), RECOMMENDATIONS VARCHAR)");
    }

    @Test
    void keepsTheStageInTheBatchTablesDatabaseAndSchema() {
        SnowflakePublishSql sql = new SnowflakePublishSql(
                TableName.of("RECS_DB.SERVING.BATCH"), TableName.of("RECS_DB.SERVING.LOOKUP"), KeyType.NUMBER);

        assertThat(sql.createStage())
                .startsWith("CREATE OR REPLACE TEMPORARY TABLE \"RECS_DB\".\"SERVING\".\"PAPI_PUBLISH_STAGE\" ");
        assertThat(sql.transaction().get(3))
                .isEqualTo("INSERT INTO \"RECS_DB\".\"SERVING\".\"LOOKUP\" (USER_ID, RECOMMENDATIONS) "
                        + "SELECT USER_ID, RECOMMENDATIONS FROM \"RECS_DB\".\"SERVING\".\"BATCH\"");
    }
}
