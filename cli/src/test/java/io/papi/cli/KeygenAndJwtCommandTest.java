package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.papi.broker.KeyFingerprint;
import io.papi.broker.PassphraseSource;
import io.papi.broker.PublicKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenAndJwtCommandTest {
    @TempDir
    Path home;

    @Test
    void keygenWritesAnOwnerOnlyPrivateKeyAndPrintsFingerprintValueAndStatements() throws Exception {
        var result =
                new CliRun(home).run("keygen", "--out", home.resolve("keys").toString());

        result.succeeds();
        Path privateKey = home.resolve("keys/rsa_key.p8");
        Path publicKey = home.resolve("keys/rsa_key.pub");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
        RSAPublicKey pub = PublicKeys.read(publicKey, PassphraseSource.none());
        assertThat(result.out())
                .contains(KeyFingerprint.of(pub))
                .contains(PublicKeys.snowflakeValue(pub))
                .contains(
                        "CREATE USER IF NOT EXISTS SVC_DATA_API TYPE = SERVICE DEFAULT_ROLE = DATA_API_CALLER_ROLE RSA_PUBLIC_KEY = '"
                                + PublicKeys.snowflakeValue(pub) + "';")
                .contains("ALTER USER SVC_DATA_API SET RSA_PUBLIC_KEY_2 = '");
        assertThat(result.out()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void keygenRefusesToOverwriteWithoutForce() throws Exception {
        CliRun cli = new CliRun(home);
        assertThat(cli.run("keygen", "--out", home.toString()).exitCode()).isZero();
        String before = Files.readString(home.resolve("rsa_key.p8"));

        var again = cli.run("keygen", "--out", home.toString());

        again.failsWith(2, "already exists", "--force");
        assertThat(Files.readString(home.resolve("rsa_key.p8"))).isEqualTo(before);
        assertThat(cli.run("keygen", "--out", home.toString(), "--force").exitCode())
                .isZero();
        assertThat(Files.readString(home.resolve("rsa_key.p8"))).isNotEqualTo(before);
    }

    @Test
    void encryptedKeygenTakesThePassphraseFromAFileAndJwtReadsItBack() throws Exception {
        Path passphrase = Files.writeString(home.resolve("pass.txt"), "correct horse\n");
        CliRun cli = new CliRun(home);
        var keygen =
                cli.run("keygen", "--out", home.toString(), "--encrypt", "--passphrase-file", passphrase.toString());
        keygen.succeeds();
        assertThat(Files.readString(home.resolve("rsa_key.p8"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        var jwt = cli.env("PRIVATE_KEY_PASSPHRASE", "correct horse")
                .jwt("myorg-myacct", "svc", home.resolve("rsa_key.p8"));
        jwt.succeeds();
        assertThat(jwt.err()).isEmpty();
    }

    @Test
    void encryptedKeygenWithoutPassphraseFailsAndWritesNothing() {
        var result = new CliRun(home).run("keygen", "--out", home.toString(), "--encrypt");

        result.failsWith(2, "PRIVATE_KEY_PASSPHRASE");
        assertThat(home.resolve("rsa_key.p8")).doesNotExist();
    }

    @Test
    void jwtPrintsOnlyASignedTokenWithSnowflakeClaims() throws Exception {
        CliRun cli = new CliRun(home);
        cli.run("keygen", "--out", home.toString());
        RSAPublicKey pub = PublicKeys.read(home.resolve("rsa_key.pub"), PassphraseSource.none());

        var result = cli.jwt(
                "xy12345.us-east-1.privatelink", "svc_data_api", home.resolve("rsa_key.p8"), "--lifetime", "30m");

        result.succeeds();
        String[] lines = result.out().split("\n");
        assertThat(lines).hasSize(1);
        SignedJWT jwt = SignedJWT.parse(lines[0]);
        assertThat(jwt.verify(new RSASSAVerifier(pub))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("XY12345.SVC_DATA_API." + KeyFingerprint.of(pub));
        assertThat(claims.getSubject()).isEqualTo("XY12345.SVC_DATA_API");
        long lifetime =
                (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
        assertThat(lifetime).isEqualTo(1800);
    }

    @Test
    void jwtTakesItsSettingsFromTheEnvironment() throws Exception {
        CliRun cli = new CliRun(home);
        cli.run("keygen", "--out", home.toString());
        var result = cli.env("SNOWFLAKE_ACCOUNT", "myorg-myacct")
                .env("SNOWFLAKE_USER", "svc")
                .env("SNOWFLAKE_PRIVATE_KEY_PATH", home.resolve("rsa_key.p8").toString())
                .run("jwt", "--decode");
        result.succeeds();
        assertThat(result.out()).contains("\"sub\" : \"MYORG-MYACCT.SVC\"");
    }

    @Test
    void jwtRefusesALifetimeOverAnHour() throws Exception {
        CliRun cli = new CliRun(home);
        cli.run("keygen", "--out", home.toString());
        var result = cli.jwt("a", "u", home.resolve("rsa_key.p8"), "--lifetime", "2h");
        result.failsWith(2, "at most 1h");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void fingerprintOfPrivateAndPublicKeyAgree() throws Exception {
        CliRun cli = new CliRun(home);
        cli.run("keygen", "--out", home.toString());
        var ofPrivate = cli.run("fingerprint", home.resolve("rsa_key.p8").toString());
        var ofPublic = cli.run("fingerprint", home.resolve("rsa_key.pub").toString());
        assertThat(ofPrivate.exitCode()).isZero();
        assertThat(ofPrivate.out()).startsWith("SHA256:").isEqualTo(ofPublic.out());
    }
}
