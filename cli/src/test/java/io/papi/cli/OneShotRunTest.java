package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.papi.broker.PassphraseSource;
import io.papi.broker.PublicKeys;
import io.papi.cli.command.OneShotRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picocli-free path of jwt and fingerprint answers as the full path does, and hands everything else over. */
class OneShotRunTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path key;

    @BeforeEach
    void keys() {
        assertThat(new CliRun(home)
                        .run("keygen", "--out", home.resolve("keys").toString())
                        .exitCode())
                .isZero();
        key = home.resolve("keys/rsa_key.p8");
    }

    private OptionalInt direct(Map<String, String> env, String... args) {
        return OneShotRun.tryRun(args, Environment.of(env, home), new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void aPlainJwtCallIsAnsweredDirectlyWithTheClaimsOfTheFullPath() throws Exception {
        String[] args = {
            "jwt",
            "--account",
            "xy12345.us-east-1.aws",
            "--user=svc_data_api",
            "--private-key",
            key.toString(),
            "--lifetime",
            "10m"
        };

        OptionalInt code = direct(Map.of(), args);
        var full = new CliRun(home).run(args);

        assertThat(code).hasValue(0);
        SignedJWT direct = SignedJWT.parse(out.toString().strip());
        assertThat(direct.verify(
                        new RSASSAVerifier(PublicKeys.read(home.resolve("keys/rsa_key.pub"), PassphraseSource.none()))))
                .isTrue();
        JWTClaimsSet viaPicocli = SignedJWT.parse(full.out().strip()).getJWTClaimsSet();
        assertThat(direct.getJWTClaimsSet().getIssuer())
                .isEqualTo(viaPicocli.getIssuer())
                .startsWith("XY12345.SVC_DATA_API.SHA256:");
        assertThat(direct.getJWTClaimsSet().getSubject()).isEqualTo(viaPicocli.getSubject());
        long life = direct.getJWTClaimsSet().getExpirationTime().getTime()
                - direct.getJWTClaimsSet().getIssueTime().getTime();
        assertThat(life).isEqualTo(600_000);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void settingsFromTheEnvironmentWorkDirectlyToo() {
        OptionalInt code = direct(
                Map.of(
                        "SNOWFLAKE_ACCOUNT",
                        "myorg-acct",
                        "SNOWFLAKE_USER",
                        "u",
                        "SNOWFLAKE_PRIVATE_KEY_PATH",
                        key.toString()),
                "jwt",
                "--decode");

        assertThat(code).hasValue(0);
        assertThat(out.toString()).contains("\"sub\" : \"MYORG-ACCT.U\"");
    }

    @Test
    void fingerprintAnswersAsTheFullPathDoes() {
        OptionalInt code = direct(Map.of(), "fingerprint", key.toString());

        assertThat(code).hasValue(0);
        assertThat(out.toString())
                .isEqualTo(new CliRun(home)
                        .run("fingerprint", home.resolve("keys/rsa_key.pub").toString())
                        .out());
    }

    @Test
    void everythingThatIsNotAPlainCallIsLeftToPicocliWithNothingPrinted() throws Exception {
        Path encrypted = home.resolve("enc");
        Path passphrase = Files.writeString(home.resolve("pass.txt"), "secret words\n");
        assertThat(new CliRun(home)
                        .run(
                                "keygen",
                                "--out",
                                encrypted.toString(),
                                "--encrypt",
                                "--passphrase-file",
                                passphrase.toString())
                        .exitCode())
                .isZero();
        String k = key.toString();
        String[][] notPlain = {
            {"jwt", "--help"},
            {"jwt", "--account", "a", "--user", "u", "--private-key", k, "--stacktrace"},
            {"jwt", "--account", "a", "--account", "b", "--user", "u", "--private-key", k},
            {"jwt", "--account", "a", "--user", "u", "--private-key"},
            {"jwt", "--account", "a", "--user", "u", "--private-key", k, "extra"},
            {"jwt", "-c", "x", "--connection", "y", "--account", "a", "--user", "u", "--private-key", k},
            {"jwt", "--user", "u", "--private-key", k},
            {"jwt", "--account", "a", "--user", "u", "--private-key", k, "--lifetime", "2h"},
            CliRun.jwtArgs("a", "u", encrypted.resolve("rsa_key.p8")),
            {"fingerprint"},
            {"fingerprint", k, k},
            {"fingerprint", home.resolve("missing.pem").toString()},
            {"token", "--account", "a"},
            {"--version"},
        };
        for (String[] args : notPlain) {
            assertThat(direct(Map.of(), args)).as(String.join(" ", args)).isEmpty();
        }
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
    }
}
