package io.papi.cli.stack;

import io.papi.lookup.TableName;
import io.papi.recommender.Algorithm;
import io.papi.recommender.LookupPublisher;
import io.papi.recommender.Parameters;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.Recommender;
import io.papi.recommender.SyntheticData;
import io.papi.recommender.UserRecommendations;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The local account's data: synthetic MovieLens-shaped ratings and the recommendations computed from them,
 * published to the embedded lookup table. Made once; later runs find the table filled and keep it.
 *
 * @param localDir the local account's directory, which holds the embedded store
 * @param table the lookup table's name
 */
public record LocalData(Path localDir, String table) {

    /** Rows in the lookup table, or 0 when it does not exist yet. */
    public long rows() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            if (!rs.next()) {
                return 0;
            }
            try (ResultSet count =
                    s.executeQuery("SELECT COUNT(*) FROM " + TableName.of(table).sql())) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    /** The smallest user id in the lookup table, for a first lookup. */
    public Optional<String> firstUserId() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT USER_ID FROM "
                        + TableName.of(table).sql() + " ORDER BY CAST(USER_ID AS BIGINT) LIMIT 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /**
     * Generates the synthetic data set (its CSV files go to {@code <local-dir>/data}), trains the default
     * algorithm, and publishes top-10 recommendations for every user.
     *
     * @return the number of users published
     */
    public int create(long seed, ProgressListener progress) throws IOException, SQLException {
        SyntheticData data = SyntheticData.generate(seed);
        data.writeGuideCsv(localDir.resolve("data"));
        Recommender recommender =
                Recommender.train(data.ratings(), Algorithm.defaultAlgorithm(), Parameters.defaults(), progress);
        List<UserRecommendations> recommendations = recommender.recommendAll(10, data.titles(), progress);
        try (Connection c = connect()) {
            return LookupPublisher.h2(c, TableName.of(table)).publish(recommendations, progress);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(LocalStore.jdbcUrl(localDir));
    }
}
