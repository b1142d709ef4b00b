package io.papi.broker.sidecar;

import com.sun.net.httpserver.HttpExchange;
import io.papi.broker.RefreshingTokenSource;
import io.papi.broker.SessionToken;
import io.papi.broker.TokenBroker;
import io.papi.broker.TokenHash;
import io.papi.broker.TokenUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The token API: {@code GET /token} (the token as plain text), {@code GET /token.json} ({@code token},
 * {@code token_hash}, {@code expires_at}, {@code expires_in}, {@code identity}), {@code GET /header} (the whole
 * {@code Authorization: Snowflake Token="..."} line), each taking {@code ?identity=NAME} and {@code ?min_valid=30s};
 * and {@code POST /invalidate} with {@code token_hash=sha256:...} or {@code token=...} for a caller that got a 401.
 * No valid token: 503 with a JSON reason and {@code Retry-After}.
 */
final class TokenRoutes {
    private static final Set<String> READ_PARAMETERS = Set.of("identity", "min_valid");
    private static final Set<String> INVALIDATE_PARAMETERS = Set.of("identity", "token_hash", "token");
    private static final int MAX_FORM_BYTES = 8 * 1024;

    private final TokenBroker broker;
    private final BrokerMetrics metrics;
    private final Clock clock;

    TokenRoutes(TokenBroker broker, BrokerMetrics metrics, Clock clock) {
        this.broker = broker;
        this.metrics = metrics;
        this.clock = clock;
    }

    void read(HttpExchange exchange, String path) throws IOException {
        Query query;
        RefreshingTokenSource source;
        Duration minValid;
        try {
            query = Query.parse(exchange.getRequestURI().getRawQuery(), READ_PARAMETERS);
            source = broker.source(query.get("identity"));
            minValid = query.get("min_valid").map(v -> DurationText.parse(v, "min_valid")).orElse(Duration.ZERO);
        } catch (IllegalArgumentException e) {
            metrics.tokenRequest("unknown", "bad_request");
            Replies.error(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        String identity = source.identity().name();
        SessionToken token;
        try {
            token = source.get(minValid);
        } catch (TokenUnavailableException e) {
            unavailable(exchange, e);
            return;
        }
        metrics.tokenRequest(identity, "ok");
        switch (path) {
            case "/token" -> Replies.text(exchange, 200, "text/plain; charset=utf-8", token.value());
            case "/header" -> Replies.text(exchange, 200, "text/plain; charset=utf-8", "Authorization: " + token.authorizationHeader());
            default -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("token", token.value());
                body.put("token_hash", token.hash());
                body.put("expires_at", DateTimeFormatter.ISO_INSTANT.format(token.expiresAt()));
                body.put("expires_in", Math.max(0, token.remaining(clock).toSeconds()));
                body.put("identity", identity);
                Replies.json(exchange, 200, body);
            }
        }
    }

    void invalidate(HttpExchange exchange) throws IOException {
        Query query;
        RefreshingTokenSource source;
        String hash;
        try {
            query = Query.parse(exchange.getRequestURI().getRawQuery(), INVALIDATE_PARAMETERS)
                    .and(Query.parse(form(exchange), INVALIDATE_PARAMETERS));
            source = broker.source(query.get("identity"));
            hash = query.get("token_hash").or(() -> query.get("token").map(TokenHash::of))
                    .orElseThrow(() -> new IllegalArgumentException("name the rejected token: token_hash=sha256:... (from /token.json) "
                            + "or token=<the token>"));
        } catch (IllegalArgumentException e) {
            metrics.tokenRequest("unknown", "bad_request");
            Replies.error(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        boolean dropped = source.invalidate(hash);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invalidated", dropped);
        body.put("identity", source.identity().name());
        body.put("detail", dropped ? "token " + hash + " dropped; a new one is on its way"
                : "token " + hash + " is not the one held (already replaced): fetch the current one");
        Replies.json(exchange, 200, body);
    }

    private void unavailable(HttpExchange exchange, TokenUnavailableException e) throws IOException {
        metrics.tokenRequest(e.identity(), "unavailable");
        int status = e.reason() == TokenUnavailableException.Cause.MIN_VALID_TOO_LONG ? 400 : 503;
        e.retryAfter().ifPresent(d -> exchange.getResponseHeaders().set("Retry-After",
                Long.toString(Math.max(1, d.toSeconds() + (d.toMillisPart() > 0 ? 1 : 0)))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("reason", e.failure().map(f -> f.reason().label()).orElse(e.reason().name().toLowerCase(java.util.Locale.ROOT)));
        body.put("identity", e.identity());
        e.failure().ifPresent(f -> body.put("permanent", f.permanent()));
        e.retryAfter().ifPresent(d -> body.put("retry_in", d.toSeconds()));
        Replies.json(exchange, status, body);
    }

    /** The form body of a POST, at most 8 KiB; anything else is not a form. */
    private static String form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_FORM_BYTES + 1);
            if (bytes.length > MAX_FORM_BYTES) {
                throw new IllegalArgumentException("the request body is over 8 KiB: send token_hash=sha256:... alone");
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (bytes.length > 0 && type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                throw new IllegalArgumentException("send the body as application/x-www-form-urlencoded (curl -d token_hash=...), "
                        + "or the parameters in the query string");
            }
            return new String(bytes, StandardCharsets.UTF_8).trim();
        }
    }
}
