package io.papi.datasets;

import java.sql.SQLException;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Loads {@link RatingsInput} into the embedded engine as the tables the ratings definitions read. */
final class RatingsTables {
    static final String RATINGS = "ratings_source";
    static final String ITEMS = "ratings_items_source";
    static final String USERS = "ratings_users_source";

    private RatingsTables() {}

    static void load(EmbeddedWarehouse warehouse, RatingsInput input) throws SQLException {
        warehouse.execute(
                "CREATE TEMP TABLE " + RATINGS + " (user_id BIGINT, item_id BIGINT, rating DOUBLE, rated_at BIGINT)");
        warehouse.execute(
                "CREATE TEMP TABLE " + ITEMS + " (item_id BIGINT, title VARCHAR, genres VARCHAR, created_at BIGINT)");
        warehouse.execute(
                "CREATE TEMP TABLE " + USERS + " (user_id BIGINT, age INTEGER, gender VARCHAR, occupation VARCHAR)");
        DuckDBConnection duck = warehouse.connection().unwrap(DuckDBConnection.class);
        try (DuckDBAppender rows = duck.createAppender("temp", "main", RATINGS)) {
            for (int i = 0; i < input.size(); i++) {
                rows.beginRow()
                        .append(input.userIds()[i])
                        .append(input.itemIds()[i])
                        .append((double) input.values()[i]);
                long at = input.timestamps()[i];
                (at == RatingsInput.NO_TIMESTAMP ? rows.appendNull() : rows.append(at)).endRow();
            }
        }
        try (DuckDBAppender rows = duck.createAppender("temp", "main", ITEMS)) {
            for (Map.Entry<Long, RatingsInput.Item> item : input.items().entrySet()) {
                RatingsInput.Item facts = item.getValue();
                rows.beginRow().append(item.getKey());
                text(rows, facts.title());
                text(rows, facts.genres());
                (facts.creationTimestamp() == null
                                ? rows.appendNull()
                                : rows.append(facts.creationTimestamp().longValue()))
                        .endRow();
            }
        }
        try (DuckDBAppender rows = duck.createAppender("temp", "main", USERS)) {
            for (Map.Entry<Long, RatingsInput.User> user : input.users().entrySet()) {
                RatingsInput.User facts = user.getValue();
                rows.beginRow().append(user.getKey());
                if (facts.age() == null) {
                    rows.appendNull();
                } else {
                    rows.append(facts.age().intValue());
                }
                text(rows, facts.gender());
                text(rows, facts.occupation());
                rows.endRow();
            }
        }
    }

    private static void text(DuckDBAppender rows, String value) throws SQLException {
        if (value == null) {
            rows.appendNull();
        } else {
            rows.append(value);
        }
    }
}
