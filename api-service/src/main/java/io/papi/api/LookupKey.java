package io.papi.api;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The type of the lookup table's {@code USER_ID} key, and so how ids are bound. Decided in one place, from what an id
 * may be ({@link ApiConfig.IdMode}): numeric ids are the guide's {@code NUMBER(38,0)}; ids with letters need
 * {@code VARCHAR(64)} (papi's ids are at most 32 characters). sql/05 and sql/06 say the same; the recommender's
 * publisher creates NUMBER keys, the guide's, until the lookup-table contract (issue 10) carries this type.
 *
 * <p>Bound by type, an id that cannot be a number is never compared with a NUMBER column: Snowflake would fail the
 * whole {@code IN (...)} query with a conversion error (a 503 for every id asked with it). Such an id simply
 * cannot be found there, so it is left out of the query.
 */
public enum LookupKey {
    NUMBER("NUMBER(38,0)"),
    VARCHAR("VARCHAR(64)");

    private final String snowflakeType;

    LookupKey(String snowflakeType) {
        this.snowflakeType = snowflakeType;
    }

    /** The key type for ids of this mode: NUMERIC ids in a NUMBER column, ALPHANUMERIC ones in a VARCHAR column. */
    public static LookupKey forIdMode(ApiConfig.IdMode mode) {
        return mode == ApiConfig.IdMode.NUMERIC ? NUMBER : VARCHAR;
    }

    /** The column type in Snowflake DDL. */
    public String snowflakeType() {
        return snowflakeType;
    }

    /** The ids a key of this type can hold; the others are not looked up. */
    public List<String> matchable(List<String> ids) {
        if (this == VARCHAR) {
            return ids;
        }
        List<String> numbers = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (isNumber(id)) {
                numbers.add(id);
            }
        }
        return numbers.size() == ids.size() ? ids : numbers;
    }

    /** Binds one id as this key type. */
    public void bind(PreparedStatement statement, int index, String id) throws SQLException {
        if (this == NUMBER) {
            statement.setBigDecimal(index, new BigDecimal(id));
        } else {
            statement.setString(index, id);
        }
    }

    private static boolean isNumber(String id) {
        if (id.isEmpty() || id.length() > 38) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
