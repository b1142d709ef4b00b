package io.papi.recommender.publish;

import io.papi.lookup.LookupDdl;
import io.papi.lookup.LookupTable;
import io.papi.lookup.OneTransaction;
import io.papi.lookup.TableName;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.UserRecommendations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes to the embedded H2 lookup table in one transaction ({@code LookupPublisher.h2} hands it out). */
public final class H2LookupPublisher {

    private static final int MAX_JSON_CHARS = LookupTable.H2_MAX_JSON_CHARS;
    static final int BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(H2LookupPublisher.class);

    private final Connection connection;
    private final TableName table;

    public H2LookupPublisher(Connection connection, TableName table) {
        this.connection = connection;
        this.table = table;
    }

    static String deleteSql(TableName table) {
        return "DELETE FROM " + table.sql();
    }

    static String insertSql(TableName table) {
        return "INSERT INTO " + table.sql() + " (" + LookupTable.COLUMNS + ") VALUES (?, ?)";
    }

    /** See {@code LookupPublisher#publish}. */
    public int publish(List<UserRecommendations> recommendations, ProgressListener progress) throws SQLException {
        // Render and check everything before touching the table, so a bad row cannot even start a transaction.
        String[] json = new String[recommendations.size()];
        for (int k = 0; k < json.length; k++) {
            json[k] = recommendations.get(k).itemsJson();
            if (json[k].length() > MAX_JSON_CHARS) {
                throw new IllegalArgumentException(
                        "the recommendations of user " + recommendations.get(k).userId()
                                + " are " + json[k].length() + " characters of JSON, more than the " + MAX_JSON_CHARS
                                + " the lookup column holds: publish fewer items per user");
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute(LookupDdl.h2(table)); // DDL commits by itself in H2, so it stays outside the transaction
        }
        progress.start("publishing to " + table.name(), json.length);
        try {
            OneTransaction.run(connection, () -> replaceRows(recommendations, json, progress));
        } finally {
            progress.done();
        }
        LOG.info("published {} users to {}", json.length, table.name());
        return json.length;
    }

    private void replaceRows(List<UserRecommendations> recommendations, String[] json, ProgressListener progress)
            throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate(deleteSql(table));
        }
        try (PreparedStatement insert = connection.prepareStatement(insertSql(table))) {
            for (int k = 0; k < json.length; k++) {
                insert.setString(1, Long.toString(recommendations.get(k).userId()));
                insert.setString(2, json[k]);
                insert.addBatch();
                if ((k + 1) % BATCH == 0 || k + 1 == json.length) {
                    insert.executeBatch();
                    progress.advance((k % BATCH) + 1);
                }
            }
        }
    }
}
