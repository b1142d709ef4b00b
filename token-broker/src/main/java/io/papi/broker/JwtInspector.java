package io.papi.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Shows what a JWT says, for {@code papi jwt --decode}: its header and claims as they are, plus {@code iat},
 * {@code exp} and {@code nbf} as UTC times and the lifetime they give. The signature is neither shown nor checked.
 */
public final class JwtInspector {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JwtInspector() {}

    /**
     * Pretty JSON: {@code {"header": {...}, "claims": {...}, "issuedAt": "...Z", "expiresAt": "...Z",
     * "lifetimeSeconds": n}}, the last three only when the claims carry {@code iat}/{@code exp}.
     *
     * @throws IllegalArgumentException with one line saying what is wrong, never echoing the input
     */
    public static String describe(String jwt) {
        if (jwt == null || jwt.isBlank()) {
            throw new IllegalArgumentException(
                    "no JWT given: pass the JWT text (three base64url parts separated by dots)");
        }
        String[] parts = jwt.trim().split("\\.", -1);
        if (parts.length == 5) {
            throw new IllegalArgumentException(
                    "this is an encrypted JWT (JWE, five parts): only signed JWTs (three parts) can be decoded");
        }
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT: expected three base64url parts separated by dots, found "
                    + parts.length + (parts.length == 1 ? " part" : " parts"));
        }
        ObjectNode out = JSON.createObjectNode();
        out.set("header", object(parts[0], "header"));
        JsonNode claims = object(parts[1], "claims");
        out.set("claims", claims);
        readable(out, claims, "iat", "issuedAt");
        readable(out, claims, "nbf", "notBefore");
        readable(out, claims, "exp", "expiresAt");
        if (claims.path("iat").canConvertToLong() && claims.path("exp").canConvertToLong()) {
            out.put(
                    "lifetimeSeconds",
                    claims.get("exp").asLong() - claims.get("iat").asLong());
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON that was just parsed", e);
        }
    }

    private static JsonNode object(String part, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JWT: its " + name + " part is not base64url");
        }
        JsonNode node;
        try {
            node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JWT: its " + name + " part is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JWT: its " + name + " part is not a JSON object");
        }
        return node;
    }

    private static void readable(ObjectNode out, JsonNode claims, String claim, String field) {
        JsonNode value = claims.get(claim);
        if (value != null && value.isNumber()) {
            out.put(field, Instant.ofEpochSecond(value.asLong()).toString());
        }
    }
}
