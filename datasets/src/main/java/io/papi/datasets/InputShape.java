package io.papi.datasets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two Snowplow tables the datasets are built from, with the columns that matter and the SQL type each is read
 * as. Files given to papi carry these names in their header (any case).
 */
public enum InputShape {
    /** {@code snowplow_ecommerce_product_interactions}: one row per (event, product). */
    ECOMMERCE(
            "snowplow_ecommerce_product_interactions",
            columns(
                    "ecommerce_user_id", "VARCHAR",
                    "domain_userid", "VARCHAR",
                    "domain_sessionid", "VARCHAR",
                    "product_id", "VARCHAR",
                    "derived_tstamp", "TIMESTAMP",
                    "is_product_view", "BOOLEAN",
                    "product_view_type", "VARCHAR",
                    "is_add_to_cart", "BOOLEAN",
                    "is_product_transaction", "BOOLEAN",
                    "transaction_id", "VARCHAR",
                    "product_quantity", "INTEGER",
                    "product_price", "DECIMAL(9,2)",
                    "product_category", "VARCHAR",
                    "ecommerce_user_is_guest", "BOOLEAN"),
            List.of(
                    "ecommerce_user_id",
                    "domain_userid",
                    "product_id",
                    "derived_tstamp",
                    "is_product_view",
                    "product_view_type",
                    "is_product_transaction",
                    "product_price",
                    "product_category",
                    "ecommerce_user_is_guest")),
    /** {@code snowplow_media_player_base}: one row per play. */
    MEDIA(
            "snowplow_media_player_base",
            columns(
                    "user_id", "VARCHAR",
                    "user_identifier", "VARCHAR",
                    "media_identifier", "VARCHAR",
                    "media_label", "VARCHAR",
                    "start_tstamp", "TIMESTAMP",
                    "play_time_secs", "INTEGER",
                    "duration_secs", "INTEGER",
                    "is_valid_play", "BOOLEAN"),
            List.of(
                    "user_id",
                    "user_identifier",
                    "media_identifier",
                    "start_tstamp",
                    "play_time_secs",
                    "is_valid_play"));

    private final String table;
    private final Map<String, String> types;
    private final List<String> required;

    InputShape(String table, Map<String, String> types, List<String> required) {
        this.table = table;
        this.types = types;
        this.required = required;
    }

    /** The Snowplow model's table name. */
    public String table() {
        return table;
    }

    /** Every column papi writes when it generates this table, in order, with its SQL type. */
    public Map<String, String> columnTypes() {
        return types;
    }

    /** The columns the dataset definitions read: a source without one of them is refused. */
    public List<String> requiredColumns() {
        return required;
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
