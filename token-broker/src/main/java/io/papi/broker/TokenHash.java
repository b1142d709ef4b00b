package io.papi.broker;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A short label for a secret (a JWT, a session token) that is safe to log and show: tells two tokens apart and lets
 * a log line be matched with a token file, but cannot be turned back into the secret.
 */
public final class TokenHash {
    private TokenHash() {}

    /** {@code sha256:} and the first 8 hex digits of SHA-256 over the secret's UTF-8 bytes, e.g. {@code sha256:1a2b3c4d}. */
    public static String of(String secret) {
        byte[] digest = KeyFingerprint.sha256(secret.getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(digest, 0, 4);
    }
}
