package io.papi.recommender;

import io.papi.lookup.LookupTable;
import io.papi.lookup.TableName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Item-kNN in a Snowflake warehouse: {@code sql/recommender/itemknn.sql} (shipped in this jar) with the knobs and
 * table names filled in, run statement by statement over JDBC. This is papi's answer when the ratings outgrow one
 * machine: nothing holds an item×item matrix in one place, and the recommendations are published to the batch and
 * hybrid lookup tables in one transaction, as {@link LookupPublisher#snowflake} does for models trained in memory.
 *
 * <p>The script's own {@code SET} lines carry the knobs, so {@link #statements()} prints a script that runs as it is
 * in a worksheet or with {@code snow sql}. When a statement between {@code BEGIN} and {@code COMMIT} fails, papi sends
 * {@code ROLLBACK}, so the API keeps serving the previous set; the temporary tables go with the session.
 */
public final class WarehouseItemKnn {

    static final String RESOURCE = "/io/papi/recommender/sql/itemknn.sql";
    private static final Pattern SET = Pattern.compile("(?i)^SET\\s+(NEIGHBOURS|SHRINKAGE|TOP_N)\\s*=\\s*\\S+$");
    private static final Pattern TABLES = Pattern.compile("\\b(USER_RATINGS|" + LookupTable.DEFAULT_NAME + "|"
            + LookupTable.DEFAULT_BATCH_NAME + ")\\b|\\bJOIN TITLE\\b");

    private final List<String> statements;
    private final String lookupInsert;

    private WarehouseItemKnn(List<String> statements, TableName lookup) {
        this.statements = statements;
        this.lookupInsert = ("INSERT INTO " + lookup.sql() + " ").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The script for these knobs and tables (the guide's names are USER_RATINGS, TITLE, MOVIE_RECOMMENDATIONS and
     * MOVIE_RECOMMENDATIONS_HYBRID).
     *
     * @throws IllegalArgumentException when a knob is out of range
     */
    public static WarehouseItemKnn of(
            int neighbours,
            double shrinkage,
            int topN,
            TableName ratings,
            TableName titles,
            TableName batch,
            TableName lookup) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("item-kNN neighbours must be at least 1, got " + neighbours);
        }
        if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
            throw new IllegalArgumentException(
                    "item-kNN shrinkage must be zero or a positive number, got " + shrinkage);
        }
        if (topN < 1) {
            throw new IllegalArgumentException("top-N must be at least 1, got " + topN);
        }
        Map<String, String> knobs = Map.of(
                "NEIGHBOURS",
                Integer.toString(neighbours),
                "SHRINKAGE",
                new BigDecimal(shrinkage).stripTrailingZeros().toPlainString(),
                "TOP_N",
                Integer.toString(topN));
        Map<String, String> names = Map.of(
                "USER_RATINGS",
                ratings.sql(),
                LookupTable.DEFAULT_BATCH_NAME,
                batch.sql(),
                LookupTable.DEFAULT_NAME,
                lookup.sql(),
                "JOIN TITLE",
                "JOIN " + titles.sql());
        List<String> out = new ArrayList<>();
        for (String statement : split(script())) {
            Matcher set = SET.matcher(statement);
            if (set.matches()) {
                String name = set.group(1).toUpperCase(java.util.Locale.ROOT);
                out.add("SET " + name + " = " + knobs.get(name));
                continue;
            }
            out.add(TABLES.matcher(statement)
                    .replaceAll(
                            m -> Matcher.quoteReplacement(names.get(m.group(1) != null ? m.group(1) : "JOIN TITLE"))));
        }
        return new WarehouseItemKnn(List.copyOf(out), lookup);
    }

    /** The statements in order, comments removed, without their semicolons. */
    public List<String> statements() {
        return statements;
    }

    /** The statements as a script, one per paragraph, each ending in a semicolon. */
    public String text() {
        return String.join(";\n\n", statements) + ";\n";
    }

    /**
     * Runs every statement on the connection (auto-commit on, as the script's own BEGIN and COMMIT delimit the
     * transaction), rolling back when one inside the transaction fails.
     *
     * @return the rows the script inserted into the lookup table
     * @throws SQLException after the rollback, naming the statement that failed
     */
    public long run(Connection connection, ProgressListener progress) throws SQLException {
        Objects.requireNonNull(progress, "progress");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        boolean inTransaction = false;
        long published = -1;
        progress.start("item-kNN in the warehouse", statements.size());
        try (Statement st = connection.createStatement()) {
            for (int k = 0; k < statements.size(); k++) {
                String sql = statements.get(k);
                String head = sql.toUpperCase(java.util.Locale.ROOT);
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    if (inTransaction) {
                        try {
                            st.execute("ROLLBACK");
                        } catch (SQLException r) {
                            e.addSuppressed(r);
                        }
                    }
                    throw new SQLException(
                            "statement " + (k + 1) + " of " + statements.size() + " ("
                                    + firstWords(sql) + ") failed" + (inTransaction ? " and was rolled back" : "")
                                    + ": "
                                    + e.getMessage(),
                            e.getSQLState(),
                            e.getErrorCode(),
                            e);
                }
                if (head.equals("BEGIN")) {
                    inTransaction = true;
                } else if (head.equals("COMMIT")) {
                    inTransaction = false;
                } else if (inTransaction && head.startsWith(lookupInsert)) {
                    published = st.getUpdateCount();
                }
                progress.advance(1);
            }
        } finally {
            progress.done();
            connection.setAutoCommit(autoCommit);
        }
        return published;
    }

    private static String firstWords(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "…";
    }

    static String script() {
        try (InputStream in = WarehouseItemKnn.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the recommender jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statements of the script: "--" comments dropped (no string in it contains "--"), split at semicolons. */
    static List<String> split(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            int comment = line.indexOf("--");
            code.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String s : code.toString().split(";")) {
            String trimmed = s.strip().replaceAll("\n\\s*\n", "\n");
            if (!trimmed.isEmpty()) {
                out.add(trimmed);
            }
        }
        return out;
    }
}
