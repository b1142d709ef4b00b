package io.papi.api.store;

import io.papi.lookup.LookupTable;
import io.papi.lookup.TableName;

/**
 * The statements a store runs. A lookup is one {@code SELECT ... WHERE USER_ID IN (?, ?, ...)} with every id a
 * bind parameter. The number of placeholders is rounded up to a power of two (the last id repeated to fill),
 * so at most eight statement texts exist for up to 128 ids: the database's plan cache and the driver's
 * statement cache stay warm, where one text per id count would keep a hundred plans.
 */
public final class LookupSql {
    /** How the recommendations column is read. */
    public enum Dialect {
        /** Embedded store: the column holds JSON text already. */
        H2(LookupTable.RECOMMENDATIONS),
        /** Hybrid table: the column is a VARIANT; TO_JSON renders it as compact JSON text. */
        SNOWFLAKE("TO_JSON(" + LookupTable.RECOMMENDATIONS + ")");

        private final String recommendations;

        Dialect(String recommendations) {
            this.recommendations = recommendations;
        }
    }

    private final String[] byBucket = new String[15];
    private final String select;
    private final String ping;
    private final String count;

    public LookupSql(TableName table, Dialect dialect) {
        this.select = "SELECT " + LookupTable.USER_ID + ", " + dialect.recommendations + " FROM " + table.sql()
                + " WHERE " + LookupTable.USER_ID + " IN (";
        this.ping = "SELECT " + LookupTable.USER_ID + " FROM " + table.sql() + " WHERE 1 = 0";
        this.count = "SELECT COUNT(*) FROM " + table.sql();
    }

    /** Placeholders used for {@code n} ids: the next power of two. */
    public static int bucket(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a lookup needs at least one id");
        }
        return Integer.highestOneBit(n) == n ? n : Integer.highestOneBit(n) << 1;
    }

    /** The lookup statement with {@link #bucket(int) bucket(n)} placeholders. */
    public String lookup(int n) {
        int size = bucket(n);
        int slot = Integer.numberOfTrailingZeros(size);
        if (slot >= byBucket.length) {
            return text(size);
        }
        String sql = byBucket[slot];
        if (sql == null) {
            sql = text(size);
            byBucket[slot] = sql;
        }
        return sql;
    }

    private String text(int placeholders) {
        StringBuilder sql = new StringBuilder(select.length() + placeholders * 2 + 1).append(select);
        for (int i = 0; i < placeholders; i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        return sql.append(')').toString();
    }

    /** Proves the table is there and readable without reading a row. */
    public String ping() {
        return ping;
    }

    /** The table's row count, for readiness (run at most once a minute: on a hybrid table it is a scan). */
    public String count() {
        return count;
    }
}
