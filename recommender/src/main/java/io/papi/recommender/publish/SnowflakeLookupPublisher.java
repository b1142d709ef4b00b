package io.papi.recommender.publish;

import io.papi.recommender.LookupPublisher;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.UserRecommendations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs {@link SnowflakePublishSql}'s statements over a Snowflake JDBC connection. */
public final class SnowflakeLookupPublisher implements LookupPublisher {

    /** Rows per executeBatch; snowflake-jdbc sends a batch as one array bind (staged when large). */
    static final int BATCH = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(SnowflakeLookupPublisher.class);

    private final Connection connection;
    private final SnowflakePublishSql sql;

    public SnowflakeLookupPublisher(Connection connection, SnowflakePublishSql sql) {
        this.connection = connection;
        this.sql = sql;
    }

    @Override
    public int publish(List<UserRecommendations> recommendations, ProgressListener progress) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        progress.start("publishing to Snowflake", recommendations.size());
        try {
            connection.setAutoCommit(true);
            try (Statement st = connection.createStatement()) {
                st.execute(sql.createBatchTable());
                st.execute(sql.createLookupTable());
                st.execute(sql.createStage());
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.insertStage())) {
                for (int k = 0; k < recommendations.size(); k++) {
                    UserRecommendations u = recommendations.get(k);
                    insert.setLong(1, u.userId());
                    insert.setString(2, u.itemsJson());
                    insert.addBatch();
                    if ((k + 1) % BATCH == 0 || k + 1 == recommendations.size()) {
                        insert.executeBatch();
                        progress.advance((k % BATCH) + 1);
                    }
                }
            }
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (String statement : sql.transaction()) {
                    st.executeUpdate(statement);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
            LOG.info("published {} users to {}", recommendations.size(), sql.lookupTable().sql());
            return recommendations.size();
        } finally {
            progress.done();
            try {
                connection.setAutoCommit(true);
                try (Statement st = connection.createStatement()) {
                    st.execute(sql.dropStage());
                }
            } catch (SQLException e) {
                LOG.warn("could not drop the staging table (it is temporary and goes with the session): {}", e.getMessage());
            }
            connection.setAutoCommit(autoCommit);
        }
    }
}
