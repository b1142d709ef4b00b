package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.cli.ScriptedSnowflake.Rows;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code papi datasets ecommerce -c NAME --table --stage} against the scripted Snowflake driver. */
class DatasetsSnowflakeTest {
    static final String TABLE = "SHOP.RAW.EVENTS";

    @TempDir
    Path home;

    CliRun cli;
    ScriptedSnowflake snowflake;

    @BeforeEach
    void connection() throws Exception {
        ConnectionsToml.inHome(home, ConnectionsToml.SHOP);
        snowflake = new ScriptedSnowflake();
        cli = new CliRun(home);
        cli.snowflake(snowflake);
    }

    private CliRun.Result build() {
        return cli.run("datasets", "ecommerce", "-c", "shop", "--table", TABLE, "--stage", "@SHOP.RAW.EXPORTS");
    }

    private static Rows columns() {
        Rows rows = Rows.of("COLUMN_NAME");
        for (String column : new String[] {
            "ECOMMERCE_USER_ID",
            "DOMAIN_USERID",
            "DOMAIN_SESSIONID",
            "PRODUCT_ID",
            "DERIVED_TSTAMP",
            "IS_PRODUCT_VIEW",
            "PRODUCT_VIEW_TYPE",
            "IS_ADD_TO_CART",
            "IS_PRODUCT_TRANSACTION",
            "TRANSACTION_ID",
            "PRODUCT_QUANTITY",
            "PRODUCT_PRICE",
            "PRODUCT_CATEGORY",
            "ECOMMERCE_USER_IS_GUEST"
        }) {
            rows.row(column);
        }
        return rows;
    }

    @Test
    void aTableThatDoesNotExistIsOneLineWithExitTwoAndNothingIsBuilt() {
        snowflake.answer("INFORMATION_SCHEMA\\.COLUMNS", Rows.of("COLUMN_NAME"));
        CliRun.Result result = build();
        result.failsWith(2, "Snowflake table SHOP.RAW.EVENTS does not exist, or your role cannot see it");
        assertThat(snowflake.statements).noneMatch(s -> s.startsWith("CREATE") || s.startsWith("COPY"));
    }

    @Test
    void buildsInTheWarehouseUnloadsToTheStageAndValidatesThere() {
        snowflake
                .answer("INFORMATION_SCHEMA\\.COLUMNS", columns())
                .accept("^CREATE OR REPLACE TEMPORARY TABLE snowplow_recommendations_ecommerce_")
                .accept("^COPY INTO @SHOP\\.RAW\\.EXPORTS/snowplow_recommendations_ecommerce_")
                .answer("^SELECT COUNT\\(\\*\\)", Rows.of("COUNT(*)").row(5000L))
                .answer(
                        "LENGTH\\(|ABS\\(|IS NULL|COUNT\\(DISTINCT",
                        Rows.of("COUNT(*)").row(0L));
        CliRun.Result result = build();
        result.succeeds();
        assertThat(result.out())
                .contains("5,000 rows  @SHOP.RAW.EXPORTS/snowplow_recommendations_ecommerce_items/")
                .contains("aws-ecomm-frequently-bought-together")
                .contains("validation: 0 errors, 0 warnings");
        assertThat(snowflake.statements).filteredOn(s -> s.startsWith("COPY")).hasSize(9);
        assertThat(snowflake.connects)
                .singleElement()
                .satisfies(c -> assertThat(c.url()).startsWith("jdbc:snowflake://"));
    }

    @Test
    void aRefusedUnloadIsOneLineWithExitOne() {
        snowflake
                .answer("INFORMATION_SCHEMA\\.COLUMNS", columns())
                .accept("^CREATE OR REPLACE TEMPORARY TABLE")
                .answer("^SELECT COUNT\\(\\*\\)", Rows.of("COUNT(*)").row(5000L))
                .refuse(
                        "^COPY INTO",
                        "SQL access control error: Insufficient privileges to operate on stage 'EXPORTS'",
                        "42501",
                        3001);
        CliRun.Result result = build();
        result.failsWith(1, "Insufficient privileges to operate on stage");
    }
}
