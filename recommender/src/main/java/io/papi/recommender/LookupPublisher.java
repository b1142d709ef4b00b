package io.papi.recommender;

import io.papi.recommender.publish.H2LookupPublisher;
import io.papi.recommender.publish.SnowflakeLookupPublisher;
import io.papi.recommender.publish.SnowflakePublishSql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Replaces the recommendations the lookup API serves with a new set, atomically: a reader sees the whole old set or
 * the whole new one, never a mix. Values are bound, table names are validated {@link TableName}s. The connection is
 * used, not closed; its auto-commit setting is restored afterwards.
 */
public interface LookupPublisher {

    /** The lookup table's default name, as in the guide. */
    String DEFAULT_LOOKUP_TABLE = "MOVIE_RECOMMENDATIONS_HYBRID";
    /** The guide's batch table (Snowflake only), the source of the hybrid table's rows. */
    String DEFAULT_BATCH_TABLE = "MOVIE_RECOMMENDATIONS";

    /**
     * Publishes the set, replacing whatever the tables held.
     *
     * @return rows written to the lookup table
     * @throws SQLException after rolling back, so the previous set is still in place
     */
    int publish(List<UserRecommendations> recommendations, ProgressListener progress) throws SQLException;

    /**
     * The local store: {@code <table> (USER_ID VARCHAR(64) PRIMARY KEY, RECOMMENDATIONS VARCHAR(1000000))} holding
     * JSON text, created if absent; replaced in one transaction (delete, batched insert, commit), during which H2's
     * MVCC keeps other connections reading the committed rows.
     */
    static LookupPublisher h2(Connection connection, TableName table) {
        return new H2LookupPublisher(connection, table);
    }

    /** The local store under {@value #DEFAULT_LOOKUP_TABLE}. */
    static LookupPublisher h2(Connection connection) {
        return h2(connection, TableName.of(DEFAULT_LOOKUP_TABLE));
    }

    /**
     * Snowflake, as the guide's SQL does it: the batch table {@code <batch> (USER_ID NUMBER, RECOMMENDATIONS VARIANT)}
     * then the hybrid lookup table {@code <lookup> (USER_ID NUMBER PRIMARY KEY, RECOMMENDATIONS VARIANT)}, both
     * created if absent and both replaced in one transaction (Snowflake runs atomic transactions across hybrid and
     * standard tables). Rows travel as batched binds into a session-temporary staging table and reach VARIANT
     * through {@code INSERT … SELECT … PARSE_JSON}. See {@link SnowflakePublishSql} for the exact statements.
     */
    static LookupPublisher snowflake(Connection connection, TableName batchTable, TableName lookupTable) {
        return new SnowflakeLookupPublisher(connection, new SnowflakePublishSql(batchTable, lookupTable));
    }

    /** Snowflake with the guide's table names. */
    static LookupPublisher snowflake(Connection connection) {
        return snowflake(connection, TableName.of(DEFAULT_BATCH_TABLE), TableName.of(DEFAULT_LOOKUP_TABLE));
    }
}
