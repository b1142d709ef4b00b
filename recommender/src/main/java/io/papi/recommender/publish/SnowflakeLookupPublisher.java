package io.papi.recommender.publish;

import io.papi.lookup.KeyType;
import io.papi.lookup.OneTransaction;
import io.papi.lookup.TableName;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.UserRecommendations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.AbstractList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SnowflakePublishSql}'s statements over a Snowflake JDBC connection ({@code LookupPublisher.snowflake}
 * hands it out). The tables' key type follows the ids published ({@link KeyType#forIds}): NUMBER when every id is a
 * number, as the guide's are, else VARCHAR. A table that exists already keeps its key type.
 */
public final class SnowflakeLookupPublisher {

    /** Rows per executeBatch; snowflake-jdbc sends a batch as one array bind (staged when large). */
    static final int BATCH = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(SnowflakeLookupPublisher.class);

    private final Connection connection;
    private final TableName batchTable;
    private final TableName lookupTable;

    public SnowflakeLookupPublisher(Connection connection, TableName batchTable, TableName lookupTable) {
        this.connection = connection;
        this.batchTable = batchTable;
        this.lookupTable = lookupTable;
    }

    /** The user ids as text, as the key type is decided on them. */
    static List<String> userIds(List<UserRecommendations> recommendations) {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return Long.toString(recommendations.get(index).userId());
            }

            @Override
            public int size() {
                return recommendations.size();
            }
        };
    }

    /** See {@code LookupPublisher#publish}. */
    public int publish(List<UserRecommendations> recommendations, ProgressListener progress) throws SQLException {
        SnowflakePublishSql sql =
                new SnowflakePublishSql(batchTable, lookupTable, KeyType.forIds(userIds(recommendations)));
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
                    if (sql.key() == KeyType.NUMBER) {
                        insert.setLong(1, u.userId());
                    } else {
                        insert.setString(1, Long.toString(u.userId()));
                    }
                    insert.setString(2, u.itemsJson());
                    insert.addBatch();
                    if ((k + 1) % BATCH == 0 || k + 1 == recommendations.size()) {
                        insert.executeBatch();
                        progress.advance((k % BATCH) + 1);
                    }
                }
            }
            OneTransaction.executeUpdates(connection, sql.transaction());
            LOG.info(
                    "published {} users to {}",
                    recommendations.size(),
                    sql.lookupTable().name());
            return recommendations.size();
        } finally {
            progress.done();
            try {
                connection.setAutoCommit(true);
                try (Statement st = connection.createStatement()) {
                    st.execute(sql.dropStage());
                }
            } catch (SQLException e) {
                LOG.warn(
                        "could not drop the staging table (it is temporary and goes with the session): {}",
                        e.getMessage());
            }
            connection.setAutoCommit(autoCommit);
        }
    }
}
