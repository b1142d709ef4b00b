package io.papi.lists;

import io.papi.lookup.OneTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The lists as SQL, for interactions that live in Snowflake (the table {@code papi datasets ecommerce -c CONN}
 * builds): the same definitions as {@link RecipeLists}, co-occurrence as the self-join of
 * sql/recommender/itemknn.sql, over baskets that are transactions (one user's purchases at one timestamp),
 * sessions (views split at the session gap) or users. Statements up to {@link #portable()} are plain SQL (papi's
 * tests run them on H2 against the Java lists); {@link #publish()} is Snowflake's (VARIANT, hybrid table).
 *
 * <p>Differences from the Java path: baskets are not cut to their first items, genres do not enter "similar",
 * and scores are not rounded.
 */
public final class ListsWarehouseSql {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*){0,2}");

    private final ListOptions o;
    private final String interactions;
    private final ListsTableStatements table;

    private ListsWarehouseSql(ListOptions options, String interactions, ListsTableStatements table) {
        this.o = options;
        this.interactions = interactions;
        this.table = table;
    }

    /** @throws IllegalArgumentException for a table name that is not an identifier */
    public static ListsWarehouseSql of(ListOptions options, String interactionsTable, ListsTableStatements table) {
        if (interactionsTable == null || !TABLE.matcher(interactionsTable).matches()) {
            throw new IllegalArgumentException(
                    "the interactions table is an identifier such as DB.SCHEMA.SNOWPLOW_RECOMMENDATIONS_ECOMMERCE_INTERACTIONS (got "
                            + interactionsTable + ")");
        }
        return new ListsWarehouseSql(options, interactionsTable.toUpperCase(Locale.ROOT), table);
    }

    /** Computes PAPI_L_RANKED (LIST_NAME, LIST_KEY, ITEM_ID, SCORE, RANK_IN_LIST) in temporary tables. */
    public List<String> portable() {
        List<String> s = new ArrayList<>();
        s.add("CREATE OR REPLACE TEMPORARY TABLE PAPI_L_EVENTS AS SELECT CAST(USER_ID AS VARCHAR) AS USER_ID, "
                + "CAST(ITEM_ID AS VARCHAR) AS ITEM_ID, CAST(\"TIMESTAMP\" AS BIGINT) AS TS, CASE LOWER(EVENT_TYPE) "
                + "WHEN 'view' THEN 'VIEW' WHEN 'purchase' THEN 'PURCHASE' WHEN 'watch' THEN 'WATCH' ELSE 'OTHER' END AS EVENT_TYPE "
                + "FROM " + interactions);
        s.add("CREATE OR REPLACE TEMPORARY TABLE PAPI_L_NOW AS SELECT MAX(TS) AS NOW_TS FROM PAPI_L_EVENTS");
        // baskets: T transactions, S sessions of views, U users
        s.add(
                "CREATE OR REPLACE TEMPORARY TABLE PAPI_L_BASKET_ITEMS AS SELECT DISTINCT KIND, USER_ID, BASKET, ITEM_ID FROM ("
                        + "SELECT 'T' AS KIND, USER_ID, TS AS BASKET, ITEM_ID FROM PAPI_L_EVENTS WHERE EVENT_TYPE = 'PURCHASE' "
                        + "UNION ALL SELECT 'S' AS KIND, USER_ID, SUM(NEW_SESSION) OVER (PARTITION BY USER_ID ORDER BY TS) AS BASKET, ITEM_ID FROM ("
                        + "SELECT USER_ID, ITEM_ID, TS, CASE WHEN TS - LAG(TS) OVER (PARTITION BY USER_ID ORDER BY TS) <= "
                        + o.sessionGap().toSeconds()
                        + " THEN 0 ELSE 1 END AS NEW_SESSION FROM PAPI_L_EVENTS WHERE EVENT_TYPE = 'VIEW') v "
                        + "UNION ALL SELECT 'U' AS KIND, USER_ID, 0 AS BASKET, ITEM_ID FROM PAPI_L_EVENTS) b");
        s.add("CREATE OR REPLACE TEMPORARY TABLE PAPI_L_ITEM_BASKETS AS SELECT KIND, ITEM_ID, COUNT(*) AS N "
                + "FROM PAPI_L_BASKET_ITEMS GROUP BY KIND, ITEM_ID");
        s.add("CREATE OR REPLACE TEMPORARY TABLE PAPI_L_BASKET_COUNT AS SELECT KIND, COUNT(*) AS T FROM "
                + "(SELECT DISTINCT KIND, USER_ID, BASKET FROM PAPI_L_BASKET_ITEMS) d GROUP BY KIND");
        // co-occurrence: the self-join on the basket, as itemknn.sql joins on the user
        s.add(
                "CREATE OR REPLACE TEMPORARY TABLE PAPI_L_PAIRS AS SELECT a.KIND, a.ITEM_ID AS SEED, b.ITEM_ID, COUNT(*) AS BOTH_N "
                        + "FROM PAPI_L_BASKET_ITEMS a JOIN PAPI_L_BASKET_ITEMS b ON b.KIND = a.KIND AND b.USER_ID = a.USER_ID "
                        + "AND b.BASKET = a.BASKET AND b.ITEM_ID <> a.ITEM_ID GROUP BY a.KIND, a.ITEM_ID, b.ITEM_ID");
        String pairScore = "CASE p.KIND WHEN 'T' THEN "
                + (o.measure() == ListOptions.Measure.LIFT
                        ? "CAST(c.T AS DOUBLE) * p.BOTH_N / (CAST(na.N AS DOUBLE) * nb.N)"
                        : "p.BOTH_N / SQRT(CAST(na.N AS DOUBLE) * nb.N)")
                + " WHEN 'S' THEN p.BOTH_N / CAST(na.N + nb.N - p.BOTH_N AS DOUBLE) ELSE p.BOTH_N / SQRT(CAST(na.N AS DOUBLE) * nb.N) END";
        s.add("CREATE OR REPLACE TEMPORARY TABLE PAPI_L_SCORED AS "
                + popular("most-viewed", "e.EVENT_TYPE = 'VIEW'", o.halfLife() != null)
                + " UNION ALL " + popular("best-sellers", "e.EVENT_TYPE = 'PURCHASE'", false)
                + " UNION ALL " + popular("most-popular", "1 = 1", o.halfLife() != null)
                + " UNION ALL SELECT 'trending' AS LIST_NAME, '_' AS LIST_KEY, ITEM_ID, "
                + "CAST(LATEST - PREVIOUS AS DOUBLE) / (PREVIOUS + 1) AS SCORE, LATEST AS TIE, CAST(0 AS DOUBLE) AS SHOWN FROM ("
                + "SELECT e.ITEM_ID, SUM(CASE WHEN e.TS > n.NOW_TS - "
                + o.trendInterval().toSeconds() + " THEN 1 ELSE 0 END) AS LATEST, "
                + "SUM(CASE WHEN e.TS > n.NOW_TS - " + o.trendInterval().toSeconds()
                + " THEN 0 ELSE 1 END) AS PREVIOUS "
                + "FROM PAPI_L_EVENTS e CROSS JOIN PAPI_L_NOW n WHERE e.TS > n.NOW_TS - "
                + 2 * o.trendInterval().toSeconds()
                + " AND e.TS <= n.NOW_TS GROUP BY e.ITEM_ID) t WHERE LATEST >= " + o.trendMinCount()
                + " AND LATEST > PREVIOUS"
                + " UNION ALL SELECT LIST_NAME, LIST_KEY, ITEM_ID, SCORE, TIE, CAST(0 AS DOUBLE) AS SHOWN FROM ("
                + "SELECT CASE p.KIND WHEN 'T' THEN 'bought-together' WHEN 'S' THEN 'also-viewed' ELSE 'similar' END AS LIST_NAME, "
                + "p.SEED AS LIST_KEY, p.ITEM_ID, " + pairScore + " AS SCORE, p.BOTH_N AS TIE "
                + "FROM PAPI_L_PAIRS p JOIN PAPI_L_ITEM_BASKETS na ON na.KIND = p.KIND AND na.ITEM_ID = p.SEED "
                + "JOIN PAPI_L_ITEM_BASKETS nb ON nb.KIND = p.KIND AND nb.ITEM_ID = p.ITEM_ID "
                + "JOIN PAPI_L_BASKET_COUNT c ON c.KIND = p.KIND "
                + "WHERE p.KIND <> 'T' OR p.BOTH_N >= " + o.minSupport() + ") pairs "
                + "WHERE LIST_NAME <> 'also-viewed' OR SCORE >= " + o.jaccardThreshold()
                // seen: ranked by the latest event, shown with the user's event count
                + " UNION ALL SELECT 'seen' AS LIST_NAME, USER_ID AS LIST_KEY, ITEM_ID, CAST(MAX(TS) AS DOUBLE) AS SCORE, "
                + "COUNT(*) AS TIE, CAST(COUNT(*) AS DOUBLE) AS SHOWN FROM PAPI_L_EVENTS GROUP BY USER_ID, ITEM_ID");
        s.add("CREATE OR REPLACE TEMPORARY TABLE PAPI_L_RANKED AS SELECT LIST_NAME, LIST_KEY, ITEM_ID, "
                + "CASE WHEN LIST_NAME = 'seen' THEN SHOWN ELSE SCORE END AS SCORE, RANK_IN_LIST FROM ("
                + "SELECT LIST_NAME, LIST_KEY, ITEM_ID, SCORE, SHOWN, ROW_NUMBER() OVER (PARTITION BY LIST_NAME, LIST_KEY "
                + "ORDER BY ROUND(SCORE, 9) DESC, TIE DESC, ITEM_ID) AS RANK_IN_LIST FROM PAPI_L_SCORED) r "
                + "WHERE RANK_IN_LIST <= CASE LIST_NAME WHEN 'seen' THEN " + RecipeLists.SEEN_ITEMS
                + " WHEN 'similar' THEN "
                + Math.min(o.neighbours(), o.size()) + " ELSE " + o.size() + " END");
        return s;
    }

    private String popular(String name, String where, boolean decay) {
        String from =
                o.window() == null ? "" : " AND e.TS > n.NOW_TS - " + o.window().toSeconds();
        String score = decay
                ? "SUM(POWER(2, -(u.NOW_TS - u.LATEST) / "
                        + (double) o.halfLife().toSeconds() + "))"
                : "CAST(COUNT(*) AS DOUBLE)";
        return "SELECT '" + name + "' AS LIST_NAME, '_' AS LIST_KEY, u.ITEM_ID, " + score
                + " AS SCORE, SUM(u.EVENTS) AS TIE, "
                + "CAST(0 AS DOUBLE) AS SHOWN FROM (SELECT e.USER_ID, e.ITEM_ID, n.NOW_TS, MAX(e.TS) AS LATEST, COUNT(*) AS EVENTS "
                + "FROM PAPI_L_EVENTS e CROSS JOIN PAPI_L_NOW n WHERE " + where + from
                + " GROUP BY e.USER_ID, e.ITEM_ID, n.NOW_TS) u GROUP BY u.ITEM_ID";
    }

    /** Snowflake: the lists table if absent (DDL commits on its own), then the replacement, in one transaction. */
    public List<String> publish() {
        return List.of(
                table.snowflakeCreate(),
                "DELETE FROM " + table.name(),
                "INSERT INTO " + table.name() + " (LIST_NAME, LIST_KEY, ITEMS) SELECT LIST_NAME, LIST_KEY, "
                        + "ARRAY_AGG(OBJECT_CONSTRUCT('item_id', ITEM_ID, 'score', SCORE)) WITHIN GROUP (ORDER BY RANK_IN_LIST) "
                        + "FROM PAPI_L_RANKED GROUP BY LIST_NAME, LIST_KEY");
    }

    /** What --print-sql prints: every statement, with BEGIN and COMMIT around the replacement. */
    public String text() {
        StringBuilder out = new StringBuilder("-- papi recommend lists, in the warehouse: from ")
                .append(interactions)
                .append(" to ")
                .append(table.shown())
                .append(" (docs/recipes.md)\n");
        for (String sql : portable()) {
            out.append(sql).append(";\n\n");
        }
        List<String> publish = publish();
        out.append(publish.get(0)).append(";\n\nBEGIN;\n");
        for (String sql : publish.subList(1, publish.size())) {
            out.append(sql).append(";\n");
        }
        return out.append("COMMIT;\n").toString();
    }

    /** Runs everything on {@code connection} (Snowflake), the replacement in one transaction. */
    public void run(Connection connection) throws SQLException {
        List<String> publish = publish();
        try (Statement st = connection.createStatement()) {
            for (String sql : portable()) {
                st.execute(sql);
            }
            st.execute(publish.get(0));
        }
        OneTransaction.executeUpdates(connection, publish.subList(1, publish.size()));
    }
}
