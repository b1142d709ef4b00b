package io.papi.local.session;

import io.papi.files.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The local account's 256-bit HMAC secret that signs and verifies session tokens (HS256).
 *
 * <p>Why HMAC and not an RSA signing key: the account that issues session tokens is also the only party that
 * verifies them (the local ingress), so nothing is gained by letting verifiers hold only a public key, while
 * HS256 costs about a microsecond to sign or verify where RS256 signing costs a millisecond or more. Anyone who can
 * read this file can mint sessions, exactly as anyone who could read an RSA private key could; it is 0600 inside
 * a 0700 directory.
 *
 * <p>The key id ({@code kid} in every session token's header) is a short hash of the secret: it lets a verifier
 * tell "signed by another local account" apart from "forged", and reveals nothing about a 256-bit random secret.
 */
public final class SessionSigningKey {
    /** HS256 wants a key at least as long as its output: 256 bits. */
    public static final int SECRET_BYTES = 32;

    private final byte[] secret;
    private final String keyId;

    private SessionSigningKey(byte[] secret) {
        this.secret = secret;
        this.keyId = "hs256-" + TokenDigest.shortHash(Base64.getEncoder().encodeToString(secret));
    }

    /** A fresh random key, written to {@code file} atomically with permissions 0600. */
    public static SessionSigningKey generate(Path file) throws IOException {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        byte[] text = (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
        SecureFiles.writeAtomically(file, text);
        return new SessionSigningKey(secret);
    }

    /**
     * Reads the key written by {@link #generate(Path)}.
     *
     * @throws IllegalStateException when the file does not hold a base64-encoded 256-bit secret
     */
    public static SessionSigningKey read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            secret = new byte[0];
        }
        if (secret.length != SECRET_BYTES) {
            throw new IllegalStateException("session signing key " + file + " is damaged (expected " + SECRET_BYTES
                    + " base64-encoded bytes): delete it to generate a new one, which ends every issued session");
        }
        return new SessionSigningKey(secret);
    }

    /** A copy of the secret, for the signer and the verifier. */
    public byte[] secret() {
        return Arrays.copyOf(secret, secret.length);
    }

    /** The {@code kid} this key stamps on session tokens. */
    public String keyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "SessionSigningKey[kid=" + keyId + "]";
    }
}
