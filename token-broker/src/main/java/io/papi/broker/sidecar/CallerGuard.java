package io.papi.broker.sidecar;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may talk to the sidecar. A token on loopback is still reachable from a browser on the same machine, so:
 * <ul>
 *   <li>the {@code Host} must be a loopback name when the listener is on loopback: a page whose domain is rebound
 *       to 127.0.0.1 (DNS rebinding) sends its own domain and is refused;</li>
 *   <li>cross-origin browser requests ({@code Origin} of another origin, {@code Sec-Fetch-Site: cross-site} or
 *       {@code same-site}) are refused: plain HTTP clients send neither header;</li>
 *   <li>token routes need {@code X-Papi-Broker: 1}, a header no page can add without a CORS preflight, which is
 *       never granted;</li>
 *   <li>with a configured secret, {@code Authorization: Bearer <secret>} (token API) or
 *       {@code Proxy-Authorization: Bearer <secret>} (proxy), compared in constant time.</li>
 * </ul>
 */
public final class CallerGuard {
    /** The header every token request must carry, with the value {@code 1}. */
    public static final String BROKER_HEADER = "X-Papi-Broker";

    private final boolean loopbackOnly;
    private final byte[] secret;

    /**
     * @param loopbackOnly true when the listener is bound to a loopback address
     * @param secret the bearer secret callers must send, or null
     */
    public CallerGuard(boolean loopbackOnly, String secret) {
        this.loopbackOnly = loopbackOnly;
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A refusal: the HTTP status, a reason label and a one-line message. */
    public record Refusal(int status, String reason, String message) {
    }

    /** Checks a token API request: origin, {@code X-Papi-Broker: 1}, and the bearer secret when one is set. */
    public Optional<Refusal> checkTokenRequest(HttpExchange exchange) {
        Optional<Refusal> origin = checkOrigin(exchange);
        if (origin.isPresent()) {
            return origin;
        }
        if (!"1".equals(trimmed(exchange.getRequestHeaders().getFirst(BROKER_HEADER)))) {
            return Optional.of(new Refusal(403, "missing_broker_header", "send the header '" + BROKER_HEADER
                    + ": 1' (a guard against browsers and request forgery), e.g. curl -H '" + BROKER_HEADER + ": 1' ..."));
        }
        return checkSecret(exchange.getRequestHeaders(), "Authorization", 401);
    }

    /** Checks a proxied request: origin, and {@code Proxy-Authorization: Bearer} when a secret is set. */
    public Optional<Refusal> checkProxyRequest(HttpExchange exchange) {
        Optional<Refusal> origin = checkOrigin(exchange);
        // 401 rather than 407: callers see this proxy as the endpoint itself, and HTTP clients treat a 407 from a
        // server they did not configure as a proxy as a protocol error
        return origin.isPresent() ? origin : checkSecret(exchange.getRequestHeaders(), "Proxy-Authorization", 401);
    }

    /** Checks only where a request comes from (for health and metrics routes, which hold no secret). */
    public Optional<Refusal> checkOrigin(HttpExchange exchange) {
        Headers headers = exchange.getRequestHeaders();
        String host = headers.getFirst("Host");
        if (loopbackOnly && (host == null || !isLoopbackHost(host))) {
            return Optional.of(new Refusal(403, "bad_host", "Host '" + shown(host) + "' is not a loopback name: call "
                    + "127.0.0.1, [::1] or localhost"));
        }
        String site = trimmed(headers.getFirst("Sec-Fetch-Site"));
        if (site != null && !(site.equals("same-origin") || site.equals("none"))) {
            return Optional.of(new Refusal(403, "cross_site", "cross-site browser requests are refused"));
        }
        String origin = trimmed(headers.getFirst("Origin"));
        if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
            return Optional.of(new Refusal(403, "cross_origin", "requests from another origin (" + shown(origin) + ") are refused"));
        }
        return Optional.empty();
    }

    private Optional<Refusal> checkSecret(Headers headers, String header, int status) {
        if (secret == null) {
            return Optional.empty();
        }
        String value = trimmed(headers.getFirst(header));
        byte[] given = value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)
                ? value.substring(7).trim().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (!MessageDigest.isEqual(given, secret)) {
            return Optional.of(new Refusal(status, header.equals("Authorization") ? "unauthorized" : "proxy_unauthorized", "send '" + header + ": Bearer <secret>' with the secret of the "
                    + "broker's --auth-token-file"));
        }
        return Optional.empty();
    }

    /** {@code localhost}, {@code 127.x.y.z} or {@code [::1]}, with or without a port. */
    static boolean isLoopbackHost(String hostHeader) {
        String host;
        try {
            host = URI.create("http://" + hostHeader.trim() + "/").getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
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
