package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.testing.Openssl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What papi writes, openssl (and so Snowflake's tooling) must read, and the fingerprints must agree. */
class KeyFilesTest {
    private static final String PASSPHRASE = "papi-writes-this";
    private static RSAPrivateCrtKey privateKey;
    private static RSAPublicKey publicKey;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        KeyPair pair = KeyPairs.generate(2048);
        privateKey = (RSAPrivateCrtKey) pair.getPrivate();
        publicKey = (RSAPublicKey) pair.getPublic();
    }

    @Test
    void writesAPlainPkcs8KeyThatOpensslReads() throws Exception {
        Path file = dir.resolve("rsa_key.p8");
        KeyFiles.writePrivateKey(file, privateKey, null);

        assertThat(Files.readString(file))
                .startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(mode(file)).isEqualTo("rw-------");
        Openssl openssl = new Openssl(dir);
        openssl.publicKeyOf("rsa_key.p8", "rsa_key.pub", null);
        assertThat(openssl.fingerprintOfPublicKeyFile("rsa_key.pub")).isEqualTo(KeyFingerprint.of(publicKey));
        assertThat(PrivateKeys.read(file, PassphraseSource.none())).isEqualTo(privateKey);
    }

    @Test
    void writesAnEncryptedKeyAsPbes2Aes256WithPbkdf2HmacSha256ThatOpensslReads() throws Exception {
        Path file = dir.resolve("rsa_key.p8");
        char[] passphrase = PASSPHRASE.toCharArray();
        KeyFiles.writePrivateKey(file, privateKey, passphrase);

        assertThat(new String(passphrase))
                .as("the caller's passphrase is left alone")
                .isEqualTo(PASSPHRASE);
        assertThat(Files.readString(file)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        assertThat(mode(file)).isEqualTo("rw-------");
        Openssl openssl = new Openssl(dir);
        String structure = new String(openssl.run("asn1parse", "-in", "rsa_key.p8"), StandardCharsets.US_ASCII);
        assertThat(structure)
                .contains(":PBES2", ":PBKDF2", ":hmacWithSHA256", ":aes-256-cbc")
                .contains("INTEGER           :" + evenHex(KeyFiles.PBKDF2_ITERATIONS));
        String passin = openssl.passFile("pass.txt", PASSPHRASE);
        openssl.publicKeyOf("rsa_key.p8", "rsa_key.pub", passin);
        assertThat(openssl.fingerprintOfPublicKeyFile("rsa_key.pub")).isEqualTo(KeyFingerprint.of(publicKey));
        assertThat(PrivateKeys.read(file, PassphraseSource.of(passphrase))).isEqualTo(privateKey);
    }

    @Test
    void writesThePublicKeyWorldReadableAsOpensslWould() throws Exception {
        Path file = dir.resolve("rsa_key.pub");
        KeyFiles.writePublicKey(file, publicKey);
        assertThat(mode(file)).isEqualTo("rw-r--r--");
        assertThat(Files.readString(file)).isEqualTo(PublicKeys.pem(publicKey));
        assertThat(new Openssl(dir).fingerprintOfPublicKeyFile("rsa_key.pub")).isEqualTo(KeyFingerprint.of(publicKey));
    }

    @Test
    void refusesAnEmptyPassphrase() {
        assertThatThrownBy(() -> KeyFiles.writePrivateKey(dir.resolve("k.p8"), privateKey, new char[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the passphrase is empty: give one, or write the key unencrypted");
        assertThat(dir.resolve("k.p8")).doesNotExist();
    }

    @Test
    void saysWhichDirectoryIsMissing() {
        Path target = dir.resolve("keys").resolve("rsa_key.p8");
        assertThatThrownBy(() -> KeyFiles.writePrivateKey(target, privateKey, null))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("cannot write " + target + ": the directory " + dir.resolve("keys") + " does not exist");
    }

    /** How openssl asn1parse prints an INTEGER: upper-case hex, whole bytes. */
    private static String evenHex(int n) {
        String hex = Integer.toHexString(n).toUpperCase();
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
