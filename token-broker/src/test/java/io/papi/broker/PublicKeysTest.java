package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.testing.Openssl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicKeysTest {
    @TempDir
    static Path keys;

    static Openssl openssl;
    static String fingerprint;

    @BeforeAll
    static void makeKeys() {
        openssl = new Openssl(keys);
        openssl.run(openssl.genrsa(2048), "pkcs8", "-topk8", "-inform", "PEM", "-out", "rsa_key.p8", "-nocrypt");
        openssl.publicKeyOf("rsa_key.p8", "rsa_key.pub", null);
        openssl.run("rsa", "-in", "rsa_key.p8", "-RSAPublicKey_out", "-out", "rsa_pkcs1.pub");
        openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.p8");
        openssl.run("pkey", "-in", "ec.p8", "-pubout", "-out", "ec.pub");
        openssl.run(openssl.genrsa(1024), "pkcs8", "-topk8", "-inform", "PEM", "-out", "small.p8", "-nocrypt");
        openssl.publicKeyOf("small.p8", "small.pub", null);
        fingerprint = openssl.fingerprintOfPublicKeyFile("rsa_key.pub");
    }

    @Test
    void readsASubjectPublicKeyInfoPem() {
        assertThat(KeyFingerprint.of(PublicKeys.read(keys.resolve("rsa_key.pub"), PassphraseSource.none())))
                .isEqualTo(fingerprint);
    }

    @Test
    void readsAPkcs1RsaPublicKeyPem() throws Exception {
        assertThat(Files.readString(keys.resolve("rsa_pkcs1.pub"))).startsWith("-----BEGIN RSA PUBLIC KEY-----");
        assertThat(KeyFingerprint.of(PublicKeys.read(keys.resolve("rsa_pkcs1.pub"), PassphraseSource.none())))
                .isEqualTo(fingerprint);
    }

    @Test
    void derivesThePublicKeyFromAPrivateKeyFile() {
        assertThat(KeyFingerprint.of(PublicKeys.read(keys.resolve("rsa_key.p8"), PassphraseSource.none())))
                .isEqualTo(fingerprint);
    }

    @Test
    void writesPemByteForByteAsOpensslDoes() throws Exception {
        RSAPublicKey key = PublicKeys.read(keys.resolve("rsa_key.pub"), PassphraseSource.none());
        assertThat(PublicKeys.pem(key)).isEqualTo(Files.readString(keys.resolve("rsa_key.pub")));
    }

    @Test
    void snowflakeValueIsTheBase64BodyOnOneLine() throws Exception {
        RSAPublicKey key = PublicKeys.read(keys.resolve("rsa_key.pub"), PassphraseSource.none());
        String value = PublicKeys.snowflakeValue(key);
        assertThat(value)
                .doesNotContain("\n")
                .doesNotContain("-----")
                .startsWith("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
        assertThat(String.join(
                        "", Files.readAllLines(keys.resolve("rsa_key.pub")).subList(1, 8)))
                .isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ec.pub      | is an EC key; Snowflake key-pair authentication needs RSA: papi keygen",
                "small.pub   | is a 1024-bit RSA key; Snowflake needs at least 2048 bits: papi keygen",
                "missing.pub | does not exist: give the public key file (rsa_key.pub) or the private key file "
                        + "(rsa_key.p8), or create one with papi keygen",
            })
    void rejectsAFileThatHoldsNoUsableRsaPublicKeyNamingItAndTheFix(String name, String message) {
        Path file = keys.resolve(name);
        assertThatThrownBy(() -> PublicKeys.read(file, PassphraseSource.none()))
                .isInstanceOf(KeyFileException.class)
                .hasMessage(file + " " + message);
    }
}
