package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.testing.Openssl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a private key file can be wrong gives one line naming the file and the fix, and nothing secret. */
class PrivateKeysTest {
    private static final String PASSPHRASE = "s3cret-Passphrase";

    @TempDir
    static Path keys;

    static Openssl openssl;
    /** A line of the plain key file's base64: no message may contain key material. */
    static String keyBase64;

    @BeforeAll
    static void makeKeys() throws Exception {
        openssl = new Openssl(keys);
        String passout = openssl.passFile("pass.txt", PASSPHRASE);
        byte[] rsa = openssl.genrsa(2048);
        openssl.run(rsa, "pkcs8", "-topk8", "-inform", "PEM", "-out", "rsa_key.p8", "-nocrypt");
        openssl.run(
                rsa, "pkcs8", "-topk8", "-v2", "des3", "-inform", "PEM", "-out", "encrypted.p8", "-passout", passout);
        openssl.run(
                "rsa",
                "-in",
                "rsa_key.p8",
                "-traditional",
                "-aes256",
                "-passout",
                passout,
                "-out",
                "encrypted_pkcs1.pem");
        openssl.publicKeyOf("rsa_key.p8", "rsa_key.pub", null);
        openssl.run(openssl.genrsa(1024), "pkcs8", "-topk8", "-inform", "PEM", "-out", "small.p8", "-nocrypt");
        openssl.run("ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.pem");
        openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.p8");
        openssl.run("genpkey", "-algorithm", "ed25519", "-out", "ed25519.p8");
        openssl.run("req", "-x509", "-key", "rsa_key.p8", "-subj", "/CN=papi-test", "-days", "1", "-out", "cert.pem");
        keyBase64 = Files.readString(keys.resolve("rsa_key.p8"))
                .lines()
                .filter(l -> !l.startsWith("-----"))
                .skip(10)
                .findFirst()
                .orElseThrow(); // deep in the private part
    }

    @Test
    void readsAPlainPkcs8KeyWithoutAskingForAPassphrase() {
        PassphraseSource mustNotBeAsked = file -> {
            throw new AssertionError("asked for a passphrase for a plain key");
        };
        RSAPrivateCrtKey key = PrivateKeys.read(keys.resolve("rsa_key.p8"), mustNotBeAsked);
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void readsThePrivateKeyOutOfACertificateAndKeyBundle(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(
                bundle, Files.readString(keys.resolve("cert.pem")) + Files.readString(keys.resolve("rsa_key.p8")));
        assertThat(PrivateKeys.read(bundle, PassphraseSource.none()))
                .isEqualTo(PrivateKeys.read(keys.resolve("rsa_key.p8"), PassphraseSource.none()));
    }

    @Test
    void clearsThePassphraseItWasHandedOnceTheKeyIsDecrypted() {
        char[] handed = PASSPHRASE.toCharArray();
        PrivateKeys.read(keys.resolve("encrypted.p8"), file -> Optional.of(handed));
        assertThat(new String(handed)).isEqualTo("\0".repeat(PASSPHRASE.length()));
    }

    @Test
    void passphraseSourceOfKeepsItsOwnCopy() {
        char[] mine = PASSPHRASE.toCharArray();
        PassphraseSource source = PassphraseSource.of(mine);
        java.util.Arrays.fill(mine, 'x');
        assertThat(PrivateKeys.read(keys.resolve("encrypted.p8"), source)).isNotNull();
        assertThat(PrivateKeys.read(keys.resolve("encrypted.p8"), source))
                .as("usable twice")
                .isNotNull();
    }

    @Test
    void rejectsAMissingFile() {
        Path missing = keys.resolve("nope.p8");
        assertRejected(missing, PassphraseSource.none())
                .hasMessage(missing
                        + " does not exist: give the private key file (rsa_key.p8), or create one with papi keygen");
    }

    @Test
    void rejectsADirectory() {
        assertRejected(keys, PassphraseSource.none())
                .hasMessage(keys + " is a directory, not a key file: give the private key file (rsa_key.p8)");
    }

    /** Each of the key files made above that papi cannot use, and what it says: the file's path, then this. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "encrypted.p8        | | is encrypted: set PRIVATE_KEY_PASSPHRASE or use --passphrase-file",
                "encrypted_pkcs1.pem | | is encrypted: set PRIVATE_KEY_PASSPHRASE or use --passphrase-file",
                "rsa_key.pub         | | holds a public key; give the private key file (rsa_key.p8)",
                "cert.pem            | | holds a certificate; give the private key file (rsa_key.p8)",
                "small.p8            | | is a 1024-bit RSA key; Snowflake needs at least 2048 bits: papi keygen",
                "ec.pem              | | is an EC key; Snowflake key-pair authentication needs RSA: papi keygen",
                "ec.p8               | | is an EC key; Snowflake key-pair authentication needs RSA: papi keygen",
                "ed25519.p8          | | is an Ed25519 key; Snowflake key-pair authentication needs RSA: papi keygen",
                "encrypted.p8        | not-the-passphrase | wrong passphrase for {file}: check PRIVATE_KEY_PASSPHRASE or the --passphrase-file",
                "encrypted_pkcs1.pem | not-the-passphrase | wrong passphrase for {file}: check PRIVATE_KEY_PASSPHRASE or the --passphrase-file",
            })
    void rejectsAKeyFileItCannotUseNamingTheFileAndTheFix(String name, String passphrase, String message) {
        Path file = keys.resolve(name);
        String expected =
                message.contains("{file}") ? message.replace("{file}", file.toString()) : file + " " + message;
        assertRejected(
                        file,
                        passphrase == null ? PassphraseSource.none() : PassphraseSource.of(passphrase.toCharArray()))
                .hasMessage(expected)
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain(passphrase == null ? PASSPHRASE : passphrase));
    }

    /** A file written for one test: its name, its bytes, and what reading it says after its path. */
    record Written(String name, byte[] content, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Files that are no key papi reads; a message ending in "..." is the start of what is said. */
    static List<Written> writtenFiles() {
        String damaged = keyBase64.substring(0, 40);
        return List.of(
                new Written(
                        "garbage.p8",
                        new byte[] {0x30, (byte) 0x82, 0x04, (byte) 0xbd, 0x02, 0x01, 0x00, 0x7f, 0x0a, 0x00},
                        "is not a PEM key file (no -----BEGIN ...----- line): give the private key file (rsa_key.p8)"),
                new Written(
                        "damaged.p8",
                        pem("PRIVATE KEY", damaged + "!!!"),
                        "holds a damaged PEM block (PRIVATE KEY)..."),
                new Written(
                        "id_rsa",
                        pem("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU="),
                        "is an OpenSSH key; Snowflake needs a PKCS#8 PEM key: convert a copy with ssh-keygen -p -m PKCS8..."),
                new Written(
                        "odd.pem",
                        pem("SOMETHING ELSE", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})),
                        "holds a 'SOMETHING ELSE' block, which is not a key papi reads: give the private key file (rsa_key.p8)"),
                new Written(
                        "big.p8",
                        new byte[100_000],
                        "is 100000 bytes, too large for a key file: give the private key file (rsa_key.p8)"));
    }

    private static byte[] pem(String label, String body) {
        return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writtenFiles")
    void rejectsAFileThatHoldsNoKeyWithoutEchoingIt(Written written, @TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve(written.name()), written.content());
        String expected = file + " " + written.message();
        var rejected = assertRejected(file, PassphraseSource.none());
        if (expected.endsWith("...")) {
            rejected.hasMessageStartingWith(expected.substring(0, expected.length() - 3));
        } else {
            rejected.hasMessage(expected);
        }
        rejected.satisfies(e -> assertThat(e.getMessage()).doesNotContain(keyBase64.substring(0, 40)));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
            Path file, PassphraseSource passphrase) {
        return assertThatThrownBy(() -> PrivateKeys.read(file, passphrase))
                .isInstanceOf(KeyFileException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage())
                            .doesNotContain("\n")
                            .doesNotContain(PASSPHRASE)
                            .doesNotContain(keyBase64.substring(0, 20));
                });
    }
}
