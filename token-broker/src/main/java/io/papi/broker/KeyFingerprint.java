package io.papi.broker;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;

/**
 * The fingerprint Snowflake shows in {@code DESCRIBE USER} as {@code RSA_PUBLIC_KEY_FP} and expects in a
 * key-pair JWT's {@code iss}: {@code "SHA256:"} followed by the standard base64 of SHA-256 over the DER
 * SubjectPublicKeyInfo of the public key. The same bytes as
 * {@code openssl rsa -pubin -in rsa_key.pub -outform DER | openssl dgst -sha256 -binary | openssl enc -base64}.
 */
public final class KeyFingerprint {
    public static final String PREFIX = "SHA256:";

    private KeyFingerprint() {}

    /** The fingerprint of a public key, {@code SHA256:<base64>}. */
    public static String of(PublicKey publicKey) {
        if (!"X.509".equals(publicKey.getFormat())) {
            throw new IllegalArgumentException(
                    "public key is not X.509 SubjectPublicKeyInfo: " + publicKey.getFormat());
        }
        return PREFIX + Base64.getEncoder().encodeToString(sha256(publicKey.getEncoded()));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
