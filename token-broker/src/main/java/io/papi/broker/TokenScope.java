package io.papi.broker;

import java.util.Locale;

/**
 * The {@code scope} of a token exchange for a Snowpark Container Services endpoint:
 * {@code session:role:<ROLE> <ingress-host>}, or the ingress host alone to take the user's default role.
 *
 * @param role the role the session token carries, exactly as granted (Snowflake treats it case-sensitively here),
 *     or null for the user's default role
 * @param endpoint the {@code ingress_url} from {@code SHOW ENDPOINTS IN SERVICE}; {@code https://} and a trailing
 *     slash are accepted and dropped
 */
public record TokenScope(String role, String endpoint) {

    public TokenScope {
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException(
                    "endpoint is empty: give the service's ingress host (ingress_url in SHOW ENDPOINTS IN SERVICE)");
        }
        String host = endpoint.trim();
        if (host.toLowerCase(Locale.ROOT).startsWith("https://")) {
            host = host.substring("https://".length());
        }
        while (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()
                || host.contains("/")
                || host.contains("://")
                || host.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException(
                    "endpoint '" + endpoint.trim() + "' is not an ingress host: give the host name alone, "
                            + "such as abcd-myorg-myacct.snowflakecomputing.app");
        }
        endpoint = host;
        if (role != null && role.isBlank()) {
            role = null;
        }
        if (role != null && role.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("role '" + role.trim()
                    + "' contains a space: the scope cannot carry it; grant a role whose name has none");
        }
    }

    /** A scope for {@code endpoint} with the user's default role. */
    public static TokenScope forEndpoint(String endpoint) {
        return new TokenScope(null, endpoint);
    }

    /** The {@code scope} form field: {@code session:role:<ROLE> <host>}, or {@code <host>} without a role. */
    public String value() {
        return role == null ? endpoint : "session:role:" + role + " " + endpoint;
    }
}
