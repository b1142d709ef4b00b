package io.papi.recommender.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.recommender.LookupPublisher;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.RecommendedItem;
import io.papi.recommender.RecordingConnection;
import io.papi.recommender.UserRecommendations;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnowflakeLookupPublisherTest {

    private static final List<UserRecommendations> RECS = List.of(
            new UserRecommendations(7, List.of(new RecommendedItem(50, "Star Wars (1977)", 12))),
            new UserRecommendations(22, List.of(new RecommendedItem(377, "It's '); DROP TABLE x; --", 3))));

    private static final List<String> BEFORE_TRANSACTION = List.of(
            "CREATE TABLE IF NOT EXISTS \"MOVIE_RECOMMENDATIONS\" (USER_ID NUMBER(38,0), RECOMMENDATIONS VARIANT)",
            "CREATE HYBRID TABLE IF NOT EXISTS \"MOVIE_RECOMMENDATIONS_HYBRID\" (USER_ID NUMBER(38,0) NOT NULL PRIMARY KEY, RECOMMENDATIONS VARIANT)",
            "CREATE OR REPLACE TEMPORARY TABLE \"PAPI_PUBLISH_STAGE\" (USER_ID NUMBER(38,0), RECOMMENDATIONS VARCHAR)",
            "prepare INSERT INTO \"PAPI_PUBLISH_STAGE\" (USER_ID, RECOMMENDATIONS) VALUES (?, ?)",
            "bind 1=7",
            "bind 2=[{\"item_id\":50,\"movie_name\":\"Star Wars (1977)\",\"movie_score\":\"12.00\"}]",
            "addBatch",
            "bind 1=22",
            "bind 2=[{\"item_id\":377,\"movie_name\":\"It's '); DROP TABLE x; --\",\"movie_score\":\"3.00\"}]",
            "addBatch",
            "executeBatch",
            "autoCommit false",
            "DELETE FROM \"MOVIE_RECOMMENDATIONS\"",
            "INSERT INTO \"MOVIE_RECOMMENDATIONS\" (USER_ID, RECOMMENDATIONS) SELECT USER_ID, PARSE_JSON(RECOMMENDATIONS) FROM \"PAPI_PUBLISH_STAGE\"",
            "DELETE FROM \"MOVIE_RECOMMENDATIONS_HYBRID\"",
            "INSERT INTO \"MOVIE_RECOMMENDATIONS_HYBRID\" (USER_ID, RECOMMENDATIONS) SELECT USER_ID, RECOMMENDATIONS FROM \"MOVIE_RECOMMENDATIONS\"");

    @Test
    void bindsEveryValueAndCommitsBothTablesInOneTransaction() throws SQLException {
        RecordingConnection db = new RecordingConnection(sql -> false);

        int n = LookupPublisher.snowflake(db.connection()).publish(RECS, ProgressListener.NONE);

        assertThat(n).isEqualTo(2);
        assertThat(db.calls).startsWith(BEFORE_TRANSACTION.toArray(String[]::new));
        assertThat(db.calls.subList(BEFORE_TRANSACTION.size(), db.calls.size()))
                .containsExactly("commit", "autoCommit true", "DROP TABLE IF EXISTS \"PAPI_PUBLISH_STAGE\"");
    }

    @Test
    void aFailedHybridWriteRollsBackTheBatchTableToo() {
        RecordingConnection db =
                new RecordingConnection(sql -> sql.startsWith("INSERT INTO \"MOVIE_RECOMMENDATIONS_HYBRID\""));

        assertThatThrownBy(() -> LookupPublisher.snowflake(db.connection()).publish(RECS, ProgressListener.NONE))
                .isInstanceOf(SQLException.class)
                .hasMessage("Hybrid table write failed");

        assertThat(db.calls).startsWith(BEFORE_TRANSACTION.toArray(String[]::new));
        assertThat(db.calls.subList(BEFORE_TRANSACTION.size(), db.calls.size()))
                .containsExactly("rollback", "autoCommit true", "DROP TABLE IF EXISTS \"PAPI_PUBLISH_STAGE\"");
        assertThat(db.calls).doesNotContain("commit");
    }

    @Test
    void numericIdsMakeNumberKeysAndAreBoundAsNumbers() throws SQLException {
        RecordingConnection db = new RecordingConnection(sql -> false);

        LookupPublisher.snowflake(db.connection()).publish(RECS, ProgressListener.NONE);

        assertThat(db.boundTypes).containsExactly("Long", "String", "Long", "String");
    }

    @Test
    void idsThatAreNotNumbersMakeVarcharKeysAndAreBoundAsText() throws SQLException {
        RecordingConnection db = new RecordingConnection(sql -> false);
        List<UserRecommendations> recs = List.of(
                new UserRecommendations(7, List.of(new RecommendedItem(50, "Star Wars (1977)", 12))),
                new UserRecommendations(-3, List.of(new RecommendedItem(377, "Air", 3))));

        LookupPublisher.snowflake(db.connection()).publish(recs, ProgressListener.NONE);

        assertThat(db.calls.subList(0, 3))
                .containsExactly(
                        "CREATE TABLE IF NOT EXISTS \"MOVIE_RECOMMENDATIONS\" (USER_ID VARCHAR(256), RECOMMENDATIONS VARIANT)",
                        "CREATE HYBRID TABLE IF NOT EXISTS \"MOVIE_RECOMMENDATIONS_HYBRID\" (USER_ID VARCHAR(256) NOT NULL PRIMARY KEY, RECOMMENDATIONS VARIANT)",
                        "CREATE OR REPLACE TEMPORARY TABLE \"PAPI_PUBLISH_STAGE\" (USER_ID VARCHAR(256), RECOMMENDATIONS VARCHAR)");
        assertThat(db.calls).contains("bind 1=7", "bind 1=-3");
        assertThat(db.boundTypes).containsExactly("String", "String", "String", "String");
    }
}
