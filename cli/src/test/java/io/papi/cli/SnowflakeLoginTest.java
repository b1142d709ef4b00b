package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.broker.KeyFingerprint;
import io.papi.broker.PassphraseSource;
import io.papi.broker.PublicKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** papi user create against a recording driver that answers as Snowflake does, with each authenticator. */
class SnowflakeLoginTest extends KeyedHomeTest {
    ScriptedSnowflake snowflake;
    String fingerprint;

    @BeforeEach
    void scriptSnowflake() {
        fingerprint = KeyFingerprint.of(PublicKeys.read(publicKey(), PassphraseSource.none()));
        snowflake = new ScriptedSnowflake();
        cli.snowflake(snowflake);
    }

    private void connection(String body) throws Exception {
        ConnectionsToml.inHome(
                home, "[admin]\naccount = \"myorg-myacct\"\nuser = \"ME\"\nrole = \"SECURITYADMIN\"\n" + body);
    }

    private static ScriptedSnowflake.Rows describe(String fp1, String fp2) {
        return ScriptedSnowflake.Rows.of("property", "value", "default", "description")
                .row("NAME", "SVC_DATA_API", "null", "Name")
                .row("TYPE", "SERVICE", "null", "Type of user")
                .row("DEFAULT_ROLE", "DATA_API_CALLER_ROLE", "null", "Primary default role")
                .row("RSA_PUBLIC_KEY_FP", fp1, "null", "RSA public key fingerprint of the user")
                .row("RSA_PUBLIC_KEY_2_FP", fp2, "null", "Second RSA public key fingerprint of the user");
    }

    private CliRun.Result create() {
        return cli.run(
                "user", "create", "-c", "admin", "--public-key", publicKey().toString());
    }

    @Test
    void createRunsCreateThenGrantThenChecksTheFingerprintWithDescribeUser() throws Exception {
        connection("authenticator = \"externalbrowser\"\n");
        snowflake
                .accept("^CREATE USER IF NOT EXISTS SVC_DATA_API TYPE = SERVICE DEFAULT_ROLE = DATA_API_CALLER_ROLE ")
                .accept("^GRANT ROLE DATA_API_CALLER_ROLE TO USER SVC_DATA_API;$")
                .answer("^DESCRIBE USER SVC_DATA_API;$", describe(fingerprint, "null"));

        var result = create();

        result.succeeds();
        assertThat(snowflake.statements).hasSize(3);
        assertThat(snowflake.statements.get(0)).startsWith("CREATE USER");
        assertThat(snowflake.statements.get(1)).startsWith("GRANT ROLE");
        assertThat(snowflake.statements.get(2)).startsWith("DESCRIBE USER");
        assertThat(result.out())
                .startsWith("needs: CREATE USER on the account (USERADMIN has it) and, for GRANT ROLE, ownership "
                        + "of role DATA_API_CALLER_ROLE or MANAGE GRANTS (SECURITYADMIN has it)\n");
        assertThat(result.out()).contains("its key " + fingerprint + " is registered");
    }

    @Test
    void createFailsInOneLineWhenTheUserAlreadyExistedWithAnotherKey() throws Exception {
        connection("authenticator = \"externalbrowser\"\n");
        snowflake
                .accept("^CREATE USER")
                .accept("^GRANT ROLE")
                .answer("^DESCRIBE USER", describe("SHA256:c3RhbGVrZXlzdGFsZWtleXN0YWxla2V5c3RhbGVrZXk=", "null"));

        var result = create();

        result.failsWith(1, "already existed with another key (SHA256:c3RhbGVr", fingerprint, "papi user rotate");
    }

    @Test
    void aRefusedGrantSaysTheUserExistsWithoutItsRoleAndWhatRoleIsNeeded() throws Exception {
        connection("authenticator = \"externalbrowser\"\n");
        snowflake
                .accept("^CREATE USER")
                .refuse(
                        "^GRANT ROLE",
                        "SQL access control error:\nInsufficient privileges to operate on role 'DATA_API_CALLER_ROLE'",
                        "42501",
                        3001);

        var result = create();

        result.failsWith(
                1,
                "statement 2 of 3 (GRANT ROLE)",
                "user SVC_DATA_API exists now without role DATA_API_CALLER_ROLE",
                "MANAGE GRANTS");
        assertThat(snowflake.statements).hasSize(2);
    }

    @Test
    void externalBrowserSendsNoSecret() throws Exception {
        connection(
                "authenticator = \"EXTERNALBROWSER\"\nwarehouse = \"DATA_API_WH\"\ndatabase = \"API\"\nschema = \"DATA\"\n");
        snowflake.accept("^CREATE").accept("^GRANT").answer("^DESCRIBE", describe(fingerprint, null));

        assertThat(create().exitCode()).isZero();
        Properties props = snowflake.connects.get(0).properties();
        assertThat(props)
                .containsEntry("authenticator", "EXTERNALBROWSER")
                .containsEntry("user", "ME")
                .containsEntry("warehouse", "DATA_API_WH")
                .containsEntry("db", "API")
                .containsEntry("schema", "DATA")
                .doesNotContainKeys("password", "token", "privateKey");
        assertThat(snowflake.connects.get(0).url()).isEqualTo("jdbc:snowflake://myorg-myacct.snowflakecomputing.com");
    }

    @Test
    void usernamePasswordMfaSendsThePasscode() throws Exception {
        connection("authenticator = \"username_password_mfa\"\npassword = \"pw\"\npasscode = \"123456\"\n");
        snowflake.accept("^CREATE").accept("^GRANT").answer("^DESCRIBE", describe(fingerprint, null));

        assertThat(create().exitCode()).isZero();
        assertThat(snowflake.connects.get(0).properties())
                .containsEntry("authenticator", "USERNAME_PASSWORD_MFA")
                .containsEntry("password", "pw")
                .containsEntry("passcode", "123456");
    }

    @Test
    void programmaticAccessTokenIsReadFromTokenFilePath() throws Exception {
        Path pat = home.resolve("pat.txt");
        Files.writeString(pat, "pat-secret-value\n");
        connection("authenticator = \"programmatic_access_token\"\ntoken_file_path = \"" + pat + "\"\n");
        snowflake.accept("^CREATE").accept("^GRANT").answer("^DESCRIBE", describe(fingerprint, null));

        var result = create();

        result.succeeds();
        assertThat(snowflake.connects.get(0).properties())
                .containsEntry("authenticator", "PROGRAMMATIC_ACCESS_TOKEN")
                .containsEntry("token", "pat-secret-value")
                .doesNotContainKey("password");
        assertThat(result.out() + result.err()).doesNotContain("pat-secret-value");
    }

    @Test
    void oauthTakesTheTokenFromTheEnvironmentAndTheFlagWinsOverTheConnection() throws Exception {
        connection("authenticator = \"externalbrowser\"\n");
        cli.env("SNOWFLAKE_TOKEN", "oauth-access-token");
        snowflake.accept("^CREATE").accept("^GRANT").answer("^DESCRIBE", describe(fingerprint, null));

        var result = cli.run(
                "user",
                "create",
                "-c",
                "admin",
                "--authenticator",
                "oauth",
                "--public-key",
                publicKey().toString());

        result.succeeds();
        assertThat(snowflake.connects.get(0).properties())
                .containsEntry("authenticator", "OAUTH")
                .containsEntry("token", "oauth-access-token");
    }

    @Test
    void keyPairIsTheDefaultWithAPrivateKeyAndPassesTheKeyObject() throws Exception {
        connection("private_key_file = \"" + privateKey() + "\"\n");
        snowflake.accept("^CREATE").accept("^GRANT").answer("^DESCRIBE", describe("null", fingerprint));

        assertThat(create().exitCode()).isZero();
        Properties props = snowflake.connects.get(0).properties();
        assertThat(props)
                .containsEntry("authenticator", "SNOWFLAKE_JWT")
                .doesNotContainKeys("password", "private_key_file_pwd");
        assertThat(props.get("privateKey")).isInstanceOf(java.security.PrivateKey.class);
    }

    @Test
    void anUnknownAuthenticatorIsOneLineNamingTheKnownOnes() throws Exception {
        connection("authenticator = \"kerberos\"\n");

        var result = create();

        result.failsWith(
                2,
                "unknown authenticator 'kerberos'",
                "externalbrowser",
                "username_password_mfa",
                "programmatic_access_token",
                "oauth",
                "snowflake_jwt");
        assertThat(snowflake.connects).isEmpty();
    }

    @Test
    void aRefusedLoginNamesTheAuthenticator() throws Exception {
        connection("authenticator = \"username_password_mfa\"\npassword = \"pw\"\n");
        snowflake.refuseLogin(
                "MFA with TOTP is required. To authenticate, provide both your password and a current TOTP passcode.",
                394508);

        var result = create();

        result.failsWith(1);
        assertThat(result.err())
                .contains("with authenticator username_password_mfa", "TOTP passcode")
                .doesNotContain("pw\"");
    }
}
