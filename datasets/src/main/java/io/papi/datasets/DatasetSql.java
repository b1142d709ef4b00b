package io.papi.datasets;

/**
 * The one definition of each Snowplow dataset, as SQL that runs unchanged on the embedded engine (DuckDB) and in
 * the Snowflake warehouse. Only portable constructs are used: {@code COALESCE}, {@code CASE}, {@code REPLACE},
 * {@code CAST(.. AS DATE)}, {@code DATEDIFF('second', ..)} (boundaries crossed, so epoch seconds are floored on
 * both engines), {@code DISTINCT}, {@code GROUP BY} and {@code QUALIFY}.
 *
 * <p>The ratings datasets (VIDEO_ON_DEMAND: interactions {@code Watch} with the rating as EVENT_VALUE, items,
 * users) read the tables {@code papi} loads from the ratings it was given; they keep every rating, with no window.
 *
 * <p>The source is the relation to read: a Snowflake table name, or the embedded engine's typed copy of a file.
 * Every value pasted into the text is a date, an integer or an escaped string literal.
 */
public final class DatasetSql {
    private DatasetSql() {}

    /** The SELECT that yields {@code dataset} from {@code source}, with the header's column names and order. */
    public static String select(TrainingDataset dataset, String source, BuildOptions options) {
        return switch (dataset) {
            case ECOMMERCE_INTERACTIONS -> ecommerceInteractions(source, options);
            case ECOMMERCE_USERS -> ecommerceUsers(source, options);
            case ECOMMERCE_ITEMS -> ecommerceItems(source, options);
            case MEDIA_INTERACTIONS -> mediaInteractions(source, options);
            case RATINGS_INTERACTIONS ->
                "SELECT CAST(user_id AS VARCHAR) AS \"USER_ID\",\n"
                        + "       CAST(item_id AS VARCHAR) AS \"ITEM_ID\",\n"
                        + "       rated_at AS \"TIMESTAMP\",\n"
                        + "       'Watch' AS \"EVENT_TYPE\",\n"
                        + "       rating AS \"EVENT_VALUE\"\n"
                        + "FROM " + source + "\n";
            case RATINGS_ITEMS ->
                "SELECT CAST(item_id AS VARCHAR) AS \"ITEM_ID\",\n"
                        + "       title AS \"TITLE\",\n"
                        + "       genres AS \"GENRES\",\n"
                        + "       created_at AS \"CREATION_TIMESTAMP\"\n"
                        + "FROM " + source + "\n";
            case RATINGS_USERS ->
                "SELECT CAST(user_id AS VARCHAR) AS \"USER_ID\",\n"
                        + "       age AS \"AGE\",\n"
                        + "       gender AS \"GENDER\",\n"
                        + "       occupation AS \"OCCUPATION\"\n"
                        + "FROM " + source + "\n";
        };
    }

    private static String ecommerceInteractions(String source, BuildOptions options) {
        return "SELECT " + userId() + " AS \"USER_ID\",\n"
                + "       product_id AS \"ITEM_ID\",\n"
                + "       " + epochSeconds("derived_tstamp") + " AS \"TIMESTAMP\",\n"
                + "       CASE WHEN " + isView(options) + " THEN 'View' ELSE 'Purchase' END AS \"EVENT_TYPE\"\n"
                + "FROM " + source + "\n"
                + ecommerceWhere(options);
    }

    private static String ecommerceUsers(String source, BuildOptions options) {
        String guest = "COALESCE(ecommerce_user_is_guest, ecommerce_user_id IS NULL)";
        if (options.dedupe()) {
            // the non-guest row wins: the user is a guest only if every row says so
            return "SELECT " + userId() + " AS \"USER_ID\",\n"
                    + "       CASE WHEN MIN(CASE WHEN " + guest + " THEN 1 ELSE 0 END) = 1 THEN 'True' ELSE 'False' END"
                    + " AS \"ECOMMERCE_USER_IS_GUEST\"\n"
                    + "FROM " + source + "\n"
                    + ecommerceWhere(options)
                    + "GROUP BY " + userId() + "\n";
        }
        return "SELECT DISTINCT " + userId() + " AS \"USER_ID\",\n"
                + "       CASE WHEN " + guest + " THEN 'True' ELSE 'False' END AS \"ECOMMERCE_USER_IS_GUEST\"\n"
                + "FROM " + source + "\n"
                + ecommerceWhere(options);
    }

    private static String ecommerceItems(String source, BuildOptions options) {
        String columns = "product_id AS \"ITEM_ID\",\n"
                + "       CAST(product_price AS DOUBLE) AS \"PRICE\",\n"
                + "       REPLACE(product_category, " + literal(options.categorySeparator())
                + ", '|') AS \"CATEGORY_L1\"\n";
        if (options.dedupe()) {
            // the latest price wins (ties: the higher price, so that the answer does not depend on row order)
            return "SELECT " + columns
                    + "FROM " + source + "\n"
                    + ecommerceWhere(options)
                    + "QUALIFY ROW_NUMBER() OVER (PARTITION BY product_id ORDER BY derived_tstamp DESC, product_price DESC NULLS LAST,"
                    + " product_category DESC NULLS LAST) = 1\n";
        }
        return "SELECT DISTINCT " + columns + "FROM " + source + "\n" + ecommerceWhere(options);
    }

    private static String mediaInteractions(String source, BuildOptions options) {
        String valid = options.validPlaySeconds() == null
                ? "is_valid_play"
                : "play_time_secs > " + options.validPlaySeconds().intValue();
        return "SELECT COALESCE(CAST(user_id AS VARCHAR), user_identifier) AS \"USER_ID\",\n"
                + "       media_identifier AS \"ITEM_ID\",\n"
                + "       " + epochSeconds("start_tstamp") + " AS \"TIMESTAMP\",\n"
                + "       'Watch' AS \"EVENT_TYPE\"\n"
                + "FROM " + source + "\n"
                + "WHERE " + valid + "\n"
                + "  AND " + inWindow("start_tstamp", options.window()) + "\n";
    }

    private static String ecommerceWhere(BuildOptions options) {
        return "WHERE (" + isView(options) + " OR is_product_transaction)\n" + "  AND "
                + inWindow("derived_tstamp", options.window()) + "\n";
    }

    private static String isView(BuildOptions options) {
        return options.productViewsOnly()
                ? "(is_product_view AND product_view_type = 'product_view')"
                : "is_product_view";
    }

    private static String userId() {
        return "COALESCE(ecommerce_user_id, domain_userid)";
    }

    /** Whole seconds since the epoch, floored: DATEDIFF counts the second boundaries crossed on both engines. */
    static String epochSeconds(String column) {
        return "DATEDIFF('second', TIMESTAMP '1970-01-01 00:00:00', " + column + ")";
    }

    static String inWindow(String column, DateWindow window) {
        return "CAST(" + column + " AS DATE) BETWEEN DATE '" + window.start() + "' AND DATE '" + window.end() + "'";
    }

    /**
     * A SQL string literal with single quotes doubled. Backslashes are refused: Snowflake reads them as escapes and
     * DuckDB does not, so no literal with one means the same on both.
     */
    public static String literal(String value) {
        if (value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a backslash cannot be used here: " + value);
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
