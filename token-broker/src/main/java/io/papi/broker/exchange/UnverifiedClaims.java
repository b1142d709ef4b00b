package io.papi.broker.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The claims of a JWT read without checking its signature: enough to learn when a session token that happens to
 * be a JWT expires, or which subject a rejected JWT named. Never a basis for trusting anything.
 */
public final class UnverifiedClaims {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode claims;

    private UnverifiedClaims(JsonNode claims) {
        this.claims = claims;
    }

    /** The claims of {@code token} if it is shaped as a signed JWT (three base64url parts, JSON object payload). */
    public static Optional<UnverifiedClaims> of(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return node != null && node.isObject() ? Optional.of(new UnverifiedClaims(node)) : Optional.empty();
        } catch (Exception e) { // not base64url, not JSON: simply not a JWT
            return Optional.empty();
        }
    }

    /** {@code exp} as an instant, when present and numeric. */
    public Optional<Instant> expiresAt() {
        JsonNode exp = claims.get("exp");
        return exp != null && exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
    }

    /** A string claim such as {@code sub} or {@code iss}. */
    public Optional<String> text(String claim) {
        JsonNode value = claims.get(claim);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
