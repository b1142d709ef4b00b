package io.papi.recommender.publish;

import io.papi.recommender.TableName;

import java.util.List;

/**
 * The statements that publish recommendations to Snowflake, in order. Kept as text so they can be checked without a
 * Snowflake account.
 *
 * <ol>
 *   <li>{@link #createBatchTable()}, {@link #createLookupTable()}: the guide's tables, if absent (DDL commits on its
 *       own in Snowflake, so it runs before the transaction).</li>
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

    public SnowflakePublishSql(TableName batch, TableName lookup) {
        this.batch = batch;
        this.lookup = lookup;
        // The stage lives beside the batch table so a qualified name keeps it in the same database and schema.
        String name = batch.sql();
        int dot = name.lastIndexOf('.');
        this.stage = TableName.of((dot < 0 ? "" : name.substring(0, dot + 1)) + "PAPI_PUBLISH_STAGE");
    }

    public String createBatchTable() {
        return "CREATE TABLE IF NOT EXISTS " + batch.sql() + " (USER_ID NUMBER, RECOMMENDATIONS VARIANT)";
    }

    public String createLookupTable() {
        return "CREATE HYBRID TABLE IF NOT EXISTS " + lookup.sql()
                + " (USER_ID NUMBER PRIMARY KEY, RECOMMENDATIONS VARIANT)";
    }

    public String createStage() {
        return "CREATE OR REPLACE TEMPORARY TABLE " + stage.sql() + " (USER_ID NUMBER, RECOMMENDATIONS VARCHAR)";
    }

    public String insertStage() {
        return "INSERT INTO " + stage.sql() + " (USER_ID, RECOMMENDATIONS) VALUES (?, ?)";
    }

    /** The statements between BEGIN and COMMIT, in order. */
    public List<String> transaction() {
        return List.of(
                "DELETE FROM " + batch.sql(),
                "INSERT INTO " + batch.sql() + " (USER_ID, RECOMMENDATIONS) SELECT USER_ID, PARSE_JSON(RECOMMENDATIONS) FROM " + stage.sql(),
                "DELETE FROM " + lookup.sql(),
                "INSERT INTO " + lookup.sql() + " (USER_ID, RECOMMENDATIONS) SELECT USER_ID, RECOMMENDATIONS FROM " + batch.sql());
    }

    public String dropStage() {
        return "DROP TABLE IF EXISTS " + stage.sql();
    }

    public TableName lookupTable() {
        return lookup;
    }
}
