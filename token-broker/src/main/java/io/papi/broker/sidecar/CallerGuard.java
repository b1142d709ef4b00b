package io.papi.broker.sidecar;

import io.papi.serving.LoopbackNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;

/**
 * Who may talk to a sidecar listener. A token on loopback is still reachable from every process on the machine and
 * from a browser on it, so:
 * <ul>
 *   <li>on a loopback listener the {@code Host} must name loopback, judged from its text alone
 *       ({@link LoopbackNames}): a page whose domain is rebound to 127.0.0.1 sends its own domain and is refused,
 *       and so is any name a resolver or hosts file maps to 127.0.0.1;</li>
 *   <li>cross-origin browser requests are refused: an {@code Origin} or {@code Referer} of another origin,
 *       {@code Sec-Fetch-Site: cross-site} or {@code same-site}. Plain HTTP clients send none of these;</li>
 *   <li>token routes need {@code X-Papi-Broker: 1}, a header no page can add without a CORS preflight, which is
 *       never granted;</li>
 *   <li>with a secret, {@code Authorization: Bearer <secret>} (token API) or {@code Proxy-Authorization: Bearer
 *       <secret>} (proxy), compared in constant time. The secret file's mode (0600) is what keeps other OS users
 *       out; on a Unix socket the socket's own mode does that and no secret is asked for.</li>
 * </ul>
 */
public final class CallerGuard {
    /** The header every token request must carry, with the value {@code 1}. */
    public static final String BROKER_HEADER = "X-Papi-Broker";

    private final boolean loopbackHostOnly;
    private final byte[] secret;

    /**
     * @param loopbackHostOnly true when the listener is a loopback TCP address
     * @param secret the bearer secret callers must send, or null when none is asked for
     */
    public CallerGuard(boolean loopbackHostOnly, String secret) {
        this.loopbackHostOnly = loopbackHostOnly;
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A refusal: the HTTP status, a reason label and a one-line message. */
    public record Refusal(int status, String reason, String message) {}

    /** True when callers must send the secret. */
    public boolean asksSecret() {
        return secret != null;
    }

    /** Checks a token API request: origin, {@code X-Papi-Broker: 1}, and the bearer secret when one is set. */
    public Optional<Refusal> checkTokenRequest(HttpFields headers, String scheme) {
        Optional<Refusal> origin = checkOrigin(headers, scheme);
        if (origin.isPresent()) {
            return origin;
        }
        if (!"1".equals(trimmed(headers.get(BROKER_HEADER)))) {
            return Optional.of(new Refusal(
                    403,
                    "missing_broker_header",
                    "send the header '" + BROKER_HEADER
                            + ": 1' (a guard against browsers and request forgery), e.g. curl -H '" + BROKER_HEADER
                            + ": 1' ..."));
        }
        return checkSecret(headers, "Authorization");
    }

    /** Checks a proxied request: origin, and {@code Proxy-Authorization: Bearer} when a secret is set. */
    public Optional<Refusal> checkProxyRequest(HttpFields headers, String scheme) {
        Optional<Refusal> origin = checkOrigin(headers, scheme);
        // 401 rather than 407: callers see this proxy as the endpoint itself, and HTTP clients treat a 407 from a
        // server they did not configure as a proxy as a protocol error
        return origin.isPresent() ? origin : checkSecret(headers, "Proxy-Authorization");
    }

    /** Checks the secret alone (for {@code /metrics} and {@code /readyz} details beyond loopback). */
    public Optional<Refusal> checkSecret(HttpFields headers) {
        return checkSecret(headers, "Authorization");
    }

    /** Checks only where a request comes from (for health and metrics routes). */
    public Optional<Refusal> checkOrigin(HttpFields headers, String scheme) {
        String host = headers.get("Host");
        if (loopbackHostOnly && !LoopbackNames.isLoopbackHostHeader(host)) {
            return Optional.of(new Refusal(
                    403,
                    "bad_host",
                    "Host '" + shown(host) + "' is not a loopback name: call "
                            + "127.0.0.1, [::1] or localhost (names that merely resolve to loopback are refused)"));
        }
        String site = trimmed(headers.get("Sec-Fetch-Site"));
        if (site != null && !(site.equals("same-origin") || site.equals("none"))) {
            return Optional.of(new Refusal(403, "cross_site", "cross-site browser requests are refused"));
        }
        String self = scheme + "://" + (host == null ? "" : host.trim());
        String origin = trimmed(headers.get("Origin"));
        if (origin != null && (host == null || !origin.equalsIgnoreCase(self))) {
            return Optional.of(new Refusal(
                    403, "cross_origin", "requests from another origin (" + shown(origin) + ") are refused"));
        }
        String referer = trimmed(headers.get("Referer"));
        if (referer != null && (host == null || !originOf(referer).equalsIgnoreCase(self))) {
            return Optional.of(new Refusal(
                    403,
                    "cross_origin_referer",
                    "requests referred by another origin (" + shown(originOf(referer)) + ") are refused"));
        }
        return Optional.empty();
    }

    private Optional<Refusal> checkSecret(HttpFields headers, String header) {
        if (secret == null) {
            return Optional.empty();
        }
        String value = trimmed(headers.get(header));
        byte[] given = value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)
                ? value.substring(7).trim().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (!MessageDigest.isEqual(given, secret)) {
            boolean proxy = header.equals("Proxy-Authorization");
            return Optional.of(new Refusal(
                    401,
                    proxy ? "proxy_unauthorized" : "unauthorized",
                    "send '" + header
                            + ": Bearer <secret>' with the broker's secret (its --auth-token-file; by default $PAPI_HOME/broker/secret), e.g. "
                            + "curl -H \"" + header + ": Bearer $(cat ~/.papi/broker/secret)\" ..."));
        }
        return Optional.empty();
    }

    /** {@code scheme://host[:port]} of a URL, or the text itself when it is not one. */
    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return url;
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        String oneLine = value.replaceAll("[^\\x20-\\x7e]", "?");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "..." : oneLine;
    }
}
