package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connection without database, schema or warehouse gets the fix with Snowflake's error, not the error alone. */
class SnowflakeContextHintTest {
    @TempDir
    Path home;

    private CliRun cli(ScriptedSnowflake snowflake) throws Exception {
        ConnectionsToml.inHome(
                home, "[bare]\naccount = \"myorg-myacct\"\nuser = \"ME\"\nauthenticator = \"externalbrowser\"\n");
        return new CliRun(home).snowflake(snowflake);
    }

    @Test
    void unqualifiedTablesWithoutADatabaseSayWhatTheConnectionNeeds() throws Exception {
        ScriptedSnowflake snowflake = new ScriptedSnowflake()
                .refuse(
                        "USER_RATINGS",
                        "SQL compilation error:\nObject 'USER_RATINGS' does not exist or not authorized.",
                        "42S02",
                        2003);

        var result = cli(snowflake).run("recommend", "-c", "bare", "--from-snowflake", "--algorithm", "popular");

        result.failsWith(
                1,
                "Object 'USER_RATINGS' does not exist or not authorized.",
                "give the connection database and schema",
                "papi doctor -c NAME");
    }

    @Test
    void noWarehouseSaysToGiveOne() throws Exception {
        ScriptedSnowflake snowflake = new ScriptedSnowflake()
                .refuse(
                        "USER_RATINGS",
                        "No active warehouse selected in the current session.  Select an active warehouse with the "
                                + "'use warehouse' command.",
                        "57P03",
                        606);

        var result = cli(snowflake).run("recommend", "-c", "bare", "--from-snowflake", "--algorithm", "popular");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("No active warehouse selected", "give the connection a warehouse");
    }
}
