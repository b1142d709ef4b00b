package io.papi.broker.sidecar;

import java.net.URI;
import java.util.Locale;

/**
 * Whether an answer of the SPCS ingress means "no valid token". Without one the ingress does not always answer
 * 401: it redirects the caller to Snowflake's login (302 to an {@code /oauth/authorize} or login URL on another
 * host). A redirect counts when it leaves the endpoint's host or its path names login, oauth, authorize, saml or
 * sso; a redirect within the endpoint's own pages does not.
 */
public final class LoginRedirect {
    private LoginRedirect() {}

    /** True for a 401, or a redirect to a login page. */
    public static boolean meansNoValidToken(int status, String location, String endpointHost) {
        if (status == 401) {
            return true;
        }
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return false;
        }
        if (location == null || location.isBlank()) {
            return false;
        }
        URI target;
        try {
            target = URI.create(location.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String path = target.getPath() == null ? "" : target.getPath().toLowerCase(Locale.ROOT);
        if (path.contains("login")
                || path.contains("oauth")
                || path.contains("authorize")
                || path.contains("saml")
                || path.contains("sso")) {
            return true;
        }
        return target.getHost() != null && !target.getHost().equalsIgnoreCase(endpointHost);
    }
}
