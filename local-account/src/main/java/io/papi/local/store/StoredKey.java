package io.papi.local.store;

import io.papi.broker.KeyFingerprint;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A public key as a user's key slot holds it: the base64 DER SubjectPublicKeyInfo (what Snowflake takes as the
 * value of {@code RSA_PUBLIC_KEY}) and its {@code SHA256:} fingerprint (what {@code DESCRIBE USER} shows as
 * {@code RSA_PUBLIC_KEY_FP}).
 */
public record StoredKey(String base64Der, String fingerprint) {

    public static StoredKey of(RSAPublicKey key) {
        return new StoredKey(Base64.getEncoder().encodeToString(key.getEncoded()), KeyFingerprint.of(key));
    }

    /** The key itself, for checking a signature. */
    public RSAPublicKey publicKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64Der)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "stored public key " + fingerprint + " cannot be read back: set the key again", e);
        }
    }
}
