package io.papi.recommender.publish;

import io.papi.lookup.KeyType;
import io.papi.lookup.LookupDdl;
import io.papi.lookup.LookupTable;
import io.papi.lookup.TableName;
import java.util.List;

/**
 * The statements that publish recommendations to Snowflake, in order. Kept as text so they can be checked without a
 * Snowflake account.
 *
 * <ol>
 *   <li>{@link #createBatchTable()}, {@link #createLookupTable()}: the guide's tables as the lookup-table contract
 *       defines them ({@link LookupDdl}), if absent, keyed on the {@link KeyType} of the ids published (DDL commits
 *       on its own in Snowflake, so it runs before the transaction).</li>
 *   <li>{@link #createStage()}: a session-temporary staging table with the JSON as text, filled by
 *       {@link #insertStage()} with batched binds. {@code PARSE_JSON} cannot appear in a {@code VALUES} list bound
 *       as a batch, so JSON reaches VARIANT through {@code INSERT … SELECT} below. The stage is private to the
 *       session, so filling it outside the transaction shows nothing to anyone.</li>
 *   <li>{@link #transaction()}: delete and refill the batch table from the stage, then delete and refill the hybrid
 *       lookup table from the batch table, as the guide's SQL does; committed once.</li>
 *   <li>{@link #dropStage()}.</li>
 * </ol>
 */
public final class SnowflakePublishSql {

    private final TableName batch;
    private final TableName lookup;
    private final TableName stage;
    private final KeyType key;

    public SnowflakePublishSql(TableName batch, TableName lookup, KeyType key) {
        this.batch = batch;
        this.lookup = lookup;
        this.key = key;
        // The stage lives beside the batch table so a qualified name keeps it in the same database and schema.
        this.stage = batch.sibling("PAPI_PUBLISH_STAGE");
    }

    public String createBatchTable() {
        return LookupDdl.snowflakeBatch(batch, key);
    }

    public String createLookupTable() {
        return LookupDdl.snowflakeLookup(lookup, key);
    }

    public String createStage() {
        return "CREATE OR REPLACE TEMPORARY TABLE " + stage.sql() + " (" + LookupTable.USER_ID + " "
                + key.snowflakeType() + ", " + LookupTable.RECOMMENDATIONS + " VARCHAR)";
    }

    public String insertStage() {
        return "INSERT INTO " + stage.sql() + " (" + LookupTable.COLUMNS + ") VALUES (?, ?)";
    }

    /** The statements between BEGIN and COMMIT, in order. */
    public List<String> transaction() {
        return List.of(
                "DELETE FROM " + batch.sql(),
                "INSERT INTO " + batch.sql() + " (" + LookupTable.COLUMNS + ") SELECT " + LookupTable.USER_ID
                        + ", PARSE_JSON(" + LookupTable.RECOMMENDATIONS + ") FROM " + stage.sql(),
                "DELETE FROM " + lookup.sql(),
                "INSERT INTO " + lookup.sql() + " (" + LookupTable.COLUMNS + ") SELECT " + LookupTable.COLUMNS
                        + " FROM " + batch.sql());
    }

    public String dropStage() {
        return "DROP TABLE IF EXISTS " + stage.sql();
    }

    public TableName lookupTable() {
        return lookup;
    }

    /** The key type the tables are created with, and the stage's ids are bound as. */
    public KeyType key() {
        return key;
    }
}
