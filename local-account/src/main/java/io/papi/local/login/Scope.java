package io.papi.local.login;

import io.papi.local.session.EndpointName;
import java.util.regex.Pattern;

/**
 * The {@code scope} of an SPCS token request: the ingress host the session is for, and optionally the role,
 * {@code session:role:<ROLE> <ingress-host>}, in either order, separated by spaces. The role is case-sensitive;
 * the host is compared without case, without {@code https://} and without a trailing slash.
 *
 * @param role     the role asked for exactly as written, or null when the scope names none
 * @param endpoint the ingress host, normalised by {@link EndpointName#normalise(String)}
 */
public record Scope(String role, String endpoint) {
    private static final String ROLE_PREFIX = "session:role:";
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?");

    static Scope parse(String scope) throws BadTokenRequest {
        String role = null;
        String endpoint = null;
        for (String part : scope.trim().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.startsWith(ROLE_PREFIX)) {
                if (role != null) {
                    throw invalid("scope names more than one role: give at most one session:role:<ROLE>");
                }
                role = part.substring(ROLE_PREFIX.length());
                if (role.isEmpty()) {
                    throw invalid(
                            "scope has session:role: with no role after it: write session:role:<ROLE> or leave it out");
                }
            } else {
                if (endpoint != null) {
                    throw invalid("scope names more than one ingress host: give exactly one, e.g. "
                            + "'session:role:DATA_API_ROLE abcd-myorg-myacct.snowflakecomputing.app'");
                }
                endpoint = EndpointName.normalise(part);
                if (!HOST.matcher(endpoint).matches()) {
                    throw invalid("scope entry " + UntrustedText.quote(part)
                            + " is neither session:role:<ROLE> nor an ingress host name");
                }
            }
        }
        if (endpoint == null) {
            throw invalid(
                    "scope names no ingress host: use '[session:role:<ROLE> ]<ingress-host>' with the ingress_url "
                            + "from SHOW ENDPOINTS IN SERVICE, without https://");
        }
        return new Scope(role, endpoint);
    }

    private static BadTokenRequest invalid(String description) {
        return new BadTokenRequest(400, "invalid_scope", description);
    }
}
