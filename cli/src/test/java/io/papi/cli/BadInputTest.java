package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each bad input gives one clear line on stderr, no stack trace, nothing on stdout, and a non-zero exit. */
class BadInputTest {
    @TempDir
    Path home;

    CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(home);
    }

    private CliRun.Result jwtWithKey(Path key) {
        return cli.jwt("myorg-myacct", "svc", key);
    }

    private static void assertOneLineFailure(CliRun.Result result, String... mentions) {
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.oneLineError()).as(result.toString()).isTrue();
        assertThat(result.out()).as(result.toString()).isEmpty();
        assertThat(result.err()).contains(mentions);
    }

    /** serve and recommend lists share one --store option: the same error, before anything is read. */
    @ParameterizedTest
    @ValueSource(strings = {"serve --port 0", "recommend lists --datasets no-such-folder --publish"})
    void unknownStoreKind(String command) {
        var result = cli.run((command + " --store BoGus").split(" "));
        assertOneLineFailure(result, "--store must be h2 or snowflake, not 'bogus'");
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void missingKeyFile() {
        assertOneLineFailure(jwtWithKey(home.resolve("nope.p8")), "nope.p8");
    }

    @Test
    void wrongPassphrase() throws Exception {
        Path pass = Files.writeString(home.resolve("pass"), "Zq7-right-horse");
        cli.run("keygen", "--out", home.toString(), "--encrypt", "--passphrase-file", pass.toString());
        var result = cli.env("PRIVATE_KEY_PASSPHRASE", "Zq7-other-horse").jwt("a", "u", home.resolve("rsa_key.p8"));
        assertOneLineFailure(result, "passphrase");
        assertThat(result.err()).doesNotContain("Zq7");
    }

    @Test
    void encryptedKeyWithoutAnyPassphrase() throws Exception {
        Path pass = Files.writeString(home.resolve("pass"), "right");
        cli.run("keygen", "--out", home.toString(), "--encrypt", "--passphrase-file", pass.toString());
        assertOneLineFailure(jwtWithKey(home.resolve("rsa_key.p8")), "PRIVATE_KEY_PASSPHRASE");
    }

    @Test
    void publicKeyWhereAPrivateKeyIsNeeded() {
        cli.run("keygen", "--out", home.toString());
        assertOneLineFailure(jwtWithKey(home.resolve("rsa_key.pub")), "public key");
    }

    @Test
    void keyOf1024Bits() throws Exception {
        assertOneLineFailure(jwtWithKey(TestKeys.rsaPrivateKey(home, "small.p8", 1024)), "1024", "2048");
    }

    @Test
    void nonRsaKey() throws Exception {
        assertOneLineFailure(jwtWithKey(TestKeys.ecPrivateKey(home, "ec.p8")), "RSA");
    }

    @Test
    void fileThatIsNoKeyAtAll() throws Exception {
        assertOneLineFailure(jwtWithKey(Files.writeString(home.resolve("notes.txt"), "hello")), "notes.txt");
    }

    @Test
    void unknownConnectionName() throws Exception {
        ConnectionsToml.inHome(home, "[prod]\naccount = \"myorg-prod\"\n");
        var result = cli.run("jwt", "-c", "staging");
        assertOneLineFailure(result, "unknown connection 'staging'", "prod");
    }

    @Test
    void connectionsTomlReadableByOthersDrawsAWarningButStillWorks() throws Exception {
        cli.run("keygen", "--out", home.toString());
        Path toml = ConnectionsToml.inHome(
                home,
                "[prod]\naccount = \"myorg-prod\"\nuser = \"svc\"\nprivate_key_file = \"" + home.resolve("rsa_key.p8")
                        + "\"\n");
        Files.setPosixFilePermissions(toml, PosixFilePermissions.fromString("rw-r--r--"));

        var result = cli.run("jwt", "-c", "prod");

        result.succeeds();
        assertThat(result.err().strip())
                .contains("readable by other users")
                .contains("chmod 0600")
                .doesNotContain("\n");
        assertThat(result.out()).startsWith("eyJ");
    }

    @Test
    void missingAccountSaysHowToGiveIt() {
        cli.run("keygen", "--out", home.toString());
        var result = cli.run(
                "jwt",
                "--user",
                "u",
                "--private-key",
                home.resolve("rsa_key.p8").toString());
        assertOneLineFailure(result, "--account", "SNOWFLAKE_ACCOUNT");
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void unknownFlagIsAUsageError() {
        var result = cli.run("jwt", "--acount", "x");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--acount").contains("papi jwt --help");
    }

    @Test
    void malformedAccount() {
        cli.run("keygen", "--out", home.toString());
        var result = cli.jwt("my acct", "u", home.resolve("rsa_key.p8"));
        assertOneLineFailure(result, "account");
    }
}
