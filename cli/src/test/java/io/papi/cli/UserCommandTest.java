package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.broker.PassphraseSource;
import io.papi.broker.PublicKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserCommandTest extends KeyedHomeTest {
    String keyValue;

    @BeforeEach
    void readKeyValue() {
        keyValue = PublicKeys.snowflakeValue(PublicKeys.read(publicKey(), PassphraseSource.none()));
    }

    private String pub() {
        return publicKey().toString();
    }

    /** papi user create --print-sql for user {@code name} with role {@code role} and the home's public key. */
    private CliRun.Result printCreate(String name, String role) {
        return cli.run("user", "create", "--name", name, "--role", role, "--public-key", pub(), "--print-sql");
    }

    @Test
    void createPrintsTheServiceUserStatements() {
        var result = printCreate("svc_data_api", "DATA_API_ROLE");
        result.succeeds();
        assertThat(result.out())
                .isEqualTo(
                        "CREATE USER IF NOT EXISTS SVC_DATA_API TYPE = SERVICE DEFAULT_ROLE = DATA_API_ROLE RSA_PUBLIC_KEY = '"
                                + keyValue + "';\n"
                                + "GRANT ROLE DATA_API_ROLE TO USER SVC_DATA_API;\n"
                                + "DESCRIBE USER SVC_DATA_API;\n");
    }

    @Test
    void namesWithQuotesCannotBreakOutOfTheStatement() {
        var result = printCreate("o'brien\"; DROP USER ADMIN; --", "R");
        result.succeeds();
        assertThat(result.out())
                .startsWith("CREATE USER IF NOT EXISTS \"o'brien\"\"; DROP USER ADMIN; --\" TYPE = SERVICE");
        assertThat(result.out()).contains("GRANT ROLE R TO USER \"o'brien\"\"; DROP USER ADMIN; --\";");
    }

    @Test
    void rotateFillsTheSecondSlotAndFinishRetiresTheFirst() {
        assertThat(cli.run("user", "rotate", "--name", "SVC_DATA_API", "--public-key", pub(), "--print-sql")
                        .out())
                .isEqualTo("ALTER USER SVC_DATA_API SET RSA_PUBLIC_KEY_2 = '" + keyValue + "';\n");
        assertThat(cli.run("user", "rotate", "--name", "SVC_DATA_API", "--finish", "--print-sql")
                        .out())
                .isEqualTo("ALTER USER SVC_DATA_API UNSET RSA_PUBLIC_KEY;\n");
        assertThat(cli.run(
                                "user",
                                "rotate",
                                "--name",
                                "SVC_DATA_API",
                                "--slot",
                                "1",
                                "--public-key",
                                pub(),
                                "--print-sql")
                        .out())
                .isEqualTo("ALTER USER SVC_DATA_API SET RSA_PUBLIC_KEY = '" + keyValue + "';\n");
    }

    @Test
    void describeAndDropStatements() {
        assertThat(cli.run("user", "describe", "--name", "svc", "--print-sql").out())
                .isEqualTo("DESCRIBE USER SVC;\n");
        assertThat(cli.run("user", "drop", "--name", "svc", "--print-sql").out())
                .isEqualTo("DROP USER IF EXISTS SVC;\n");
    }

    @Test
    void createWithoutAPublicKeySaysWhatIsMissing() {
        var result = cli.run("user", "create", "--print-sql");
        result.failsWith(2, "--public-key");
    }

    @Test
    void localCreateIsIdempotentAndDescribeShowsTheKey() {
        String localDir = home.resolve("local").toString();
        var first = cli.run("user", "create", "--local", "--local-dir", localDir, "--public-key", pub());
        var second = cli.run("user", "create", "--local", "--local-dir", localDir, "--public-key", pub());
        first.succeeds();
        second.succeeds();
        assertThat(first.out()).isNotEqualTo(second.out());

        var describe = cli.run("user", "describe", "--local", "--local-dir", localDir, "--public-key", pub());
        describe.succeeds();
        assertThat(describe.out()).contains("SVC_DATA_API").contains("is in RSA_PUBLIC_KEY");
    }

    @Test
    void snowflakeTargetWithoutCredentialsSaysHowToGiveThem() {
        var result = cli.env("SNOWFLAKE_ACCOUNT", "myorg-myacct")
                .env("SNOWFLAKE_USER", "admin")
                .run("user", "create", "--public-key", pub());
        result.failsWith(2, "SNOWFLAKE_PASSWORD", "--private-key");
    }
}
