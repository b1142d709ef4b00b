package io.papi.recommender.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;
import io.papi.recommender.TestRatings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the portable part of sql/recommender/itemknn.sql (steps 1-6) on H2 and checks it ranks what the in-memory
 * item-kNN ranks. Only the Snowflake-specific publishing step is left out.
 */
class ItemKnnSqlTest {

    private static final Path SQL = Path.of("..", "sql", "recommender", "itemknn.sql");
    private static final int NEIGHBOURS = 20;
    private static final double SHRINKAGE = 10;
    private static final int TOP_N = 10;

    /** Statements between the portable markers, with session variables replaced by values and DDL in H2's words. */
    private static List<String> portableStatements() throws IOException {
        String text = Files.readString(SQL);
        String portable = text.substring(text.indexOf("-- portable: begin"), text.indexOf("-- portable: end"));
        String body = portable.lines()
                .filter(l -> !l.trim().startsWith("--"))
                .collect(Collectors.joining("\n"))
                .replace("$NEIGHBOURS", Integer.toString(NEIGHBOURS))
                .replace("$SHRINKAGE", Double.toString(SHRINKAGE))
                .replace("$TOP_N", Integer.toString(TOP_N))
                .replace("CREATE OR REPLACE TEMPORARY TABLE", "CREATE LOCAL TEMPORARY TABLE");
        List<String> statements = new ArrayList<>();
        for (String s : body.split(";")) {
            if (!s.isBlank()) {
                statements.add(s.trim());
            }
        }
        return statements;
    }

    @Test
    void theWarehouseSqlRanksWhatTheInMemoryModelRanks() throws Exception {
        Ratings r = TestRatings.syntheticSlice(60, 150);
        ItemKnnModel model = ItemKnnModel.train(r, NEIGHBOURS, SHRINKAGE, ProgressListener.NONE);

        Map<Long, List<double[]>> sqlTop = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:itemknn-sql")) {
            try (Statement st = c.createStatement()) {
                st.execute(
                        "CREATE TABLE USER_RATINGS (USER_ID BIGINT, ITEM_ID BIGINT, RATING INT, \"TIMESTAMP\" TIMESTAMP)");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO USER_RATINGS VALUES (?, ?, ?, NULL)")) {
                for (int u = 0; u < r.userCount(); u++) {
                    for (int p = r.start(u); p < r.end(u); p++) {
                        insert.setLong(1, r.userId(u));
                        insert.setLong(2, r.itemId(r.item(p)));
                        insert.setInt(3, (int) r.value(p));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            List<String> statements = portableStatements();
            assertThat(statements).hasSize(6);
            try (Statement st = c.createStatement()) {
                for (String s : statements) {
                    st.execute(s);
                    // H2 joins by nested loops without an index; Snowflake hash-joins and needs none.
                    if (s.contains("TABLE PAPI_INTERACTIONS ")) {
                        st.execute("CREATE INDEX ON PAPI_INTERACTIONS (USER_ID, ITEM_ID)");
                    } else if (s.contains("TABLE PAPI_ITEM_RATERS ")) {
                        st.execute("CREATE INDEX ON PAPI_ITEM_RATERS (ITEM_ID)");
                    } else if (s.contains("TABLE PAPI_NEIGHBOURS ")) {
                        st.execute("CREATE INDEX ON PAPI_NEIGHBOURS (ITEM_I)");
                    }
                }
                try (ResultSet rs = st.executeQuery(
                        "SELECT USER_ID, ITEM_ID, SCORE FROM PAPI_TOP_N ORDER BY USER_ID, RANK_IN_USER")) {
                    while (rs.next()) {
                        sqlTop.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new double[] {rs.getLong(2), rs.getDouble(3)});
                    }
                }
            }
        }

        assertThat(sqlTop).hasSize(r.userCount());
        float[] scores = new float[r.itemCount()];
        boolean[] excluded = new boolean[r.itemCount()];
        for (int u = 0; u < r.userCount(); u++) {
            int[] javaTop = Models.topItems(model, r, u, TOP_N, scores, excluded);
            List<double[]> sql = sqlTop.get(r.userId(u));
            assertThat(sql).as("user %d", r.userId(u)).hasSize(javaTop.length);
            for (int k = 0; k < javaTop.length; k++) {
                long sqlItem = (long) sql.get(k)[0];
                double sqlScore = sql.get(k)[1];
                // Same score sequence, and the SQL item scores the same in Java: equal up to near-ties between
                // float (Java) and double (SQL) sums.
                assertThat(sqlScore)
                        .as("user %d rank %d", r.userId(u), k + 1)
                        .isCloseTo(scores[javaTop[k]], within(1e-4));
                assertThat((double) scores[r.itemIndex(sqlItem)]).isCloseTo(sqlScore, within(1e-4));
            }
            assertThat(sql.stream().map(row -> (long) row[0]).distinct().count())
                    .isEqualTo(javaTop.length);
        }
    }
}
