package io.papi.recommender.load;

import io.papi.lookup.TableName;
import io.papi.recommender.BadDataException;
import io.papi.recommender.Dataset;
import io.papi.recommender.LoadOptions;
import io.papi.recommender.LoadReport;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;
import io.papi.recommender.TimestampFormat;
import io.papi.recommender.Titles;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Reads the guide's tables over plain JDBC: {@code USER_RATINGS (USER_ID, ITEM_ID, RATING, TIMESTAMP)} and
 * {@code TITLE (ITEM_ID, TITLE)}. Table names are validated identifiers ({@link TableName}); the queries take no
 * values, so nothing from outside reaches the SQL text. {@code TIMESTAMP} may be a TIMESTAMP_NTZ (read as UTC), a
 * number of epoch seconds, ISO text or NULL.
 */
public final class JdbcTables {

    static final int FETCH_SIZE = 10_000;
    private static final long PROGRESS_STEP = 10_000;

    private JdbcTables() {}

    static String ratingsQuery(TableName table) {
        return "SELECT \"USER_ID\", \"ITEM_ID\", \"RATING\", \"TIMESTAMP\" FROM " + table.sql();
    }

    static String titlesQuery(TableName table) {
        return "SELECT \"ITEM_ID\", \"TITLE\" FROM " + table.sql();
    }

    /** Reads ratings and, when {@code titles} is not null, titles. */
    public static Dataset read(
            Connection connection, TableName ratingsTable, TableName titlesTable, LoadOptions options)
            throws SQLException, BadDataException {
        List<LoadReport> reports = new ArrayList<>();
        Ratings.Builder builder = Ratings.builder();
        BadRowCollector ratingRows = new BadRowCollector(ratingsTable.name(), options.strict());
        ProgressListener progress = options.progress();
        progress.start("reading " + ratingsTable.name(), -1);
        try {
            long rows = eachRow(
                    connection,
                    ratingsQuery(ratingsTable),
                    ratingRows,
                    rs -> {
                        long user = id(rs.getObject(1), "USER_ID");
                        long item = id(rs.getObject(2), "ITEM_ID");
                        float rating = rating(rs.getObject(3));
                        long ts = timestamp(rs.getObject(4));
                        builder.add(user, item, rating, ts);
                    },
                    row -> {
                        if (row % PROGRESS_STEP == 0) {
                            progress.advance(PROGRESS_STEP);
                        }
                    });
            progress.advance(rows % PROGRESS_STEP);
        } finally {
            progress.done();
        }
        Ratings ratings = builder.build();
        reports.add(ratingRows.report(builder.duplicatesReplaced()));
        Titles titles = Titles.empty();
        if (titlesTable != null) {
            BadRowCollector titleRows = new BadRowCollector(titlesTable.name(), options.strict());
            Map<Long, String> byItem = new HashMap<>();
            eachRow(
                    connection,
                    titlesQuery(titlesTable),
                    titleRows,
                    rs -> {
                        long item = id(rs.getObject(1), "ITEM_ID");
                        String title = rs.getString(2);
                        if (title == null || title.isBlank()) {
                            throw new RowProblem("TITLE is empty");
                        }
                        byItem.put(item, title.trim());
                    },
                    row -> {});
            titles = Titles.of(byItem);
            reports.add(titleRows.report(0));
        }
        return new Dataset(ratings, titles, reports);
    }

    /** Reads one row of a result set; a {@link RowProblem} marks the row bad. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException, RowProblem;
    }

    /** Reads every row of {@code sql} into {@code reader}, counting each in {@code rows}; returns the row count. */
    private static long eachRow(
            Connection connection, String sql, BadRowCollector rows, RowReader reader, LongConsumer afterRow)
            throws SQLException, BadDataException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = st.executeQuery()) {
                long row = 0;
                while (rs.next()) {
                    row++;
                    rows.row();
                    try {
                        reader.read(rs);
                    } catch (RowProblem p) {
                        rows.bad(row, p.getMessage());
                    }
                    afterRow.accept(row);
                }
                return row;
            }
        }
    }

    private static long id(Object v, String column) throws RowProblem {
        if (v == null) {
            throw new RowProblem(column + " is NULL");
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw new RowProblem(column + " '" + d.toPlainString() + "' is not a whole number");
            }
        }
        return Fields.id(v.toString(), column);
    }

    private static float rating(Object v) throws RowProblem {
        if (v == null) {
            throw new RowProblem("RATING is NULL");
        }
        String text = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        return Fields.rating(text, "RATING", 1, 5);
    }

    private static long timestamp(Object v) throws RowProblem {
        if (v == null) {
            return Ratings.NO_TIMESTAMP;
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime().toEpochSecond(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime t) {
            return t.toEpochSecond(ZoneOffset.UTC);
        }
        if (v instanceof OffsetDateTime t) {
            return t.toEpochSecond();
        }
        if (v instanceof Number n) {
            return Fields.timestamp(
                    v instanceof BigDecimal d ? d.toPlainString() : n.toString(),
                    "TIMESTAMP",
                    TimestampFormat.EPOCH_SECONDS);
        }
        return Fields.timestamp(v.toString(), "TIMESTAMP", TimestampFormat.ISO_LOCAL);
    }
}
