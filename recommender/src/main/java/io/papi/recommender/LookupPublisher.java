package io.papi.recommender;

import io.papi.lookup.LookupDdl;
import io.papi.lookup.LookupTable;
import io.papi.lookup.TableName;
import io.papi.recommender.publish.H2LookupPublisher;
import io.papi.recommender.publish.SnowflakeLookupPublisher;
import io.papi.recommender.publish.SnowflakePublishSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Replaces the recommendations the lookup API serves with a new set, atomically: a reader sees the whole old set or
 * the whole new one, never a mix. Values are bound, table names are validated {@link TableName}s, and the tables are
 * created as the lookup-table contract says ({@link LookupDdl}). The connection is used, not closed; its auto-commit
 * setting is restored afterwards.
 *
 * <p>The implementations in {@code publish} do not know this interface: the factories here hand out their
 * {@code publish} methods, so the dependency runs one way.
 */
@FunctionalInterface
public interface LookupPublisher {

    /**
     * Publishes the set, replacing whatever the tables held.
     *
     * @return rows written to the lookup table
     * @throws SQLException after rolling back, so the previous set is still in place
     */
    int publish(List<UserRecommendations> recommendations, ProgressListener progress) throws SQLException;

    /**
     * The local store: the lookup table of {@link LookupDdl#h2} holding JSON text, created if absent; replaced in one
     * transaction (delete, batched insert, commit), during which H2's MVCC keeps other connections reading the
     * committed rows.
     */
    static LookupPublisher h2(Connection connection, TableName table) {
        return new H2LookupPublisher(connection, table)::publish;
    }

    /** The local store under {@value LookupTable#DEFAULT_NAME}. */
    static LookupPublisher h2(Connection connection) {
        return h2(connection, TableName.of(LookupTable.DEFAULT_NAME));
    }

    /**
     * Snowflake, as the guide's SQL does it: the batch table then the hybrid lookup table
     * ({@link LookupDdl#snowflakeBatch}, {@link LookupDdl#snowflakeLookup}), both created if absent, with NUMBER keys
     * when every user id is a number and VARCHAR keys otherwise, and both replaced in one transaction (Snowflake runs
     * atomic transactions across hybrid and standard tables). Rows travel as batched binds into a session-temporary
     * staging table and reach VARIANT through {@code INSERT … SELECT … PARSE_JSON}. See {@link SnowflakePublishSql}
     * for the exact statements.
     */
    static LookupPublisher snowflake(Connection connection, TableName batchTable, TableName lookupTable) {
        return new SnowflakeLookupPublisher(connection, batchTable, lookupTable)::publish;
    }

    /** Snowflake with the guide's table names. */
    static LookupPublisher snowflake(Connection connection) {
        return snowflake(
                connection, TableName.of(LookupTable.DEFAULT_BATCH_NAME), TableName.of(LookupTable.DEFAULT_NAME));
    }
}
