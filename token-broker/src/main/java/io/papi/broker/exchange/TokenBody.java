package io.papi.broker.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The token in a successful answer of the token endpoint. Snowflake answers with the token as plain text; a JSON
 * body with {@code access_token} (and perhaps {@code expires_in}) is tolerated too. Text that cannot be a token
 * (an HTML login page from a proxy, a JSON error, an empty body) yields nothing.
 *
 * @param value the token
 * @param expiresAtFromToken the token's own {@code exp}, when the token is a JWT
 * @param expiresIn {@code expires_in} from a JSON body, when positive
 */
public record TokenBody(String value, Optional<Instant> expiresAtFromToken, Optional<Duration> expiresIn) {
    /** Shorter than this is no credential (an "OK", a status word). */
    static final int MIN_LENGTH = 16;

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Optional<TokenBody> parse(String body) {
        String text = body.strip();
        if (text.startsWith("{")) {
            return fromJson(text);
        }
        return isTokenShaped(text) ? Optional.of(of(text, Optional.empty())) : Optional.empty();
    }

    private static Optional<TokenBody> fromJson(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (Exception e) {
            return Optional.empty();
        }
        JsonNode token = node == null ? null : node.get("access_token");
        if (token == null || !token.isTextual() || !isTokenShaped(token.asText())) {
            return Optional.empty();
        }
        JsonNode expiresIn = node.get("expires_in");
        Optional<Duration> lifetime = Optional.empty();
        if (expiresIn != null && (expiresIn.isNumber() || expiresIn.isTextual()) && expiresIn.asLong(0) > 0) {
            lifetime = Optional.of(Duration.ofSeconds(expiresIn.asLong()));
        }
        return Optional.of(of(token.asText(), lifetime));
    }

    private static TokenBody of(String token, Optional<Duration> expiresIn) {
        return new TokenBody(token, UnverifiedClaims.of(token).flatMap(UnverifiedClaims::expiresAt), expiresIn);
    }

    /**
     * One run of the characters of base64, base64url, JWTs and Snowflake's {@code ver:1-hint:...} tokens
     * ({@code A-Z a-z 0-9 - . _ ~ + / = :}): a page, a JSON error or an echoed form body does not pass.
     */
    static boolean isTokenShaped(String text) {
        return text.length() >= MIN_LENGTH && text.chars().allMatch(TokenBody::isTokenChar);
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~+/=:".indexOf(c) >= 0;
    }
}
