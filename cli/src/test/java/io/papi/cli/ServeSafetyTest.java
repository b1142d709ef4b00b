package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** papi serve refuses what would expose recommendations, and names the SPCS problem it has. */
class ServeSafetyTest {
    @TempDir
    Path home;

    private CliRun cli() {
        return new CliRun(home)
                .env("PAPI_HOME", home.resolve("papi").toString())
                .env("PAPI_SPCS_TOKEN_FILE", home.resolve("no-such-token").toString());
    }

    @Test
    void refusesAnOpenBindWithoutAuthOutsideSpcs() {
        var result = cli().run("serve", "--host", "0.0.0.0", "--port", "0");

        result.failsWith(2, "--host 0.0.0.0 with --auth none", "--insecure-no-auth", "--auth local");
        assertThat(Files.exists(home.resolve("papi")))
                .as("nothing created before refusing")
                .isFalse();
    }

    @Test
    void refusesAnOpenBindGivenByTheEnvironmentToo() {
        var result = cli().env("PAPI_API_HOST", "10.1.2.3").run("serve", "--port", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--host 10.1.2.3 with --auth none");
    }

    @Test
    void insideSpcsAnUnreadableTokenFileIsNamedInsteadOfAMissingUser() {
        var result = cli().env("SNOWFLAKE_HOST", "snowflake.us-west-2.aws.snowflakecomputing.com")
                .env("SNOWFLAKE_ACCOUNT", "XY12345")
                .env("SNOWFLAKE_DATABASE", "API")
                .env("SNOWFLAKE_SCHEMA", "DATA")
                .run("serve", "--store", "snowflake", "--port", "0");

        result.failsWith(1);
        assertThat(result.err())
                .contains(
                        "SNOWFLAKE_HOST is set, so papi serve runs as an SPCS service, but the SPCS session token file "
                                + home.resolve("no-such-token") + " does not exist")
                .doesNotContain("SNOWFLAKE_USER");
    }

    @Test
    void insideSpcsAnEmptyTokenFileIsNamed() throws Exception {
        Path token = home.resolve("token");
        Files.writeString(token, "\n");
        var result = new CliRun(home)
                .env("PAPI_HOME", home.resolve("papi").toString())
                .env("PAPI_SPCS_TOKEN_FILE", token.toString())
                .env("SNOWFLAKE_HOST", "h.snowflakecomputing.com")
                .env("SNOWFLAKE_ACCOUNT", "XY12345")
                .env("SNOWFLAKE_DATABASE", "API")
                .env("SNOWFLAKE_SCHEMA", "DATA")
                .run("serve", "--store", "snowflake", "--port", "0");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("token file " + token + " is empty");
    }

    @Test
    void outsideSpcsWithoutAConnectionTheErrorIsTheOneTheDocQuotes() throws Exception {
        var result = cli().run("serve", "--store", "snowflake", "--port", "0");

        result.failsWith(2);
        String quoted =
                "--store snowflake: not inside SPCS (SNOWFLAKE_HOST is not set) and no connection is configured; ";
        assertThat(result.err()).contains(quoted);
        Path doc = Path.of("..", "docs", "deploy-spcs.md");
        assertThat(Files.readString(doc).replaceAll("\\s*\\n\\s*", " "))
                .contains("`" + quoted.strip().replace("; ", "; …`").strip());
    }
}
