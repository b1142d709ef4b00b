package io.papi.local.login;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code POST /oauth/token} for an SPCS session: form-urlencoded, with
 * {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}, {@code scope=[session:role:<ROLE> ]<ingress-host>}
 * and {@code assertion=<key-pair JWT>}.
 */
public record TokenRequest(String assertion, Scope scope) {
    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    /**
     * Reads a token request.
     *
     * @param contentType the request's Content-Type header, or null
     * @throws BadTokenRequest naming the first thing wrong with the request
     */
    public static TokenRequest parse(String contentType, byte[] body) throws BadTokenRequest {
        if (contentType == null || !mediaType(contentType).equals(FORM_CONTENT_TYPE)) {
            throw new BadTokenRequest(
                    400,
                    "invalid_request",
                    "Content-Type must be " + FORM_CONTENT_TYPE + ", was "
                            + (contentType == null ? "missing" : UntrustedText.quote(contentType)));
        }
        Map<String, String> fields = FormBody.parse(new String(body, StandardCharsets.UTF_8));
        String grantType = required(fields, "grant_type", "use grant_type=" + JWT_BEARER);
        if (!grantType.equals(JWT_BEARER)) {
            throw new BadTokenRequest(
                    400,
                    "unsupported_grant_type",
                    "grant_type " + UntrustedText.quote(grantType) + " is not supported here: use " + JWT_BEARER);
        }
        String assertion = required(fields, "assertion", "send the key-pair JWT as assertion=<jwt>");
        String scope = required(fields, "scope", "send scope=[session:role:<ROLE> ]<ingress-host>");
        return new TokenRequest(assertion.trim(), Scope.parse(scope));
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static String required(Map<String, String> fields, String name, String fix) throws BadTokenRequest {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new BadTokenRequest(400, "invalid_request", "parameter " + name + " is missing: " + fix);
        }
        return value;
    }

    @Override
    public String toString() {
        return "TokenRequest[scope=" + scope + ", assertion=(redacted)]";
    }
}
