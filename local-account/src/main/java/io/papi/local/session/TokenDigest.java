package io.papi.local.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a token: the key under which a verified token is cached (so the cache never holds a token), and,
 * shortened, the name a token goes by in logs.
 */
public record TokenDigest(long w0, long w1, long w2, long w3) {
    // MessageDigest instances are not thread-safe, and looking one up costs more than hashing a token.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(TokenDigest::newSha256);

    /** The SHA-256 of the token's ASCII text. */
    public static TokenDigest of(String token) {
        byte[] hash = SHA256.get().digest(token.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer words = ByteBuffer.wrap(hash);
        return new TokenDigest(words.getLong(), words.getLong(), words.getLong(), words.getLong());
    }

    /** A name for a secret that is safe to log: {@code sha256:} and the first 12 hex digits of its hash. */
    public static String shortHash(String secret) {
        return of(secret).shortHex();
    }

    /** {@code sha256:} and the first 12 hex digits. */
    public String shortHex() {
        return "sha256:" + HexFormat.of().toHexDigits(w0).substring(0, 12);
    }

    @Override
    public String toString() {
        return shortHex();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
