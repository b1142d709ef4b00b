package io.papi.broker.sidecar;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.papi.broker.TokenBroker;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes the broker's listener: the token API behind the {@link CallerGuard}, and the operations routes. */
public final class BrokerRoutes implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerRoutes.class);

    private final CallerGuard guard;
    private final BrokerMetrics metrics;
    private final TokenRoutes tokens;
    private final HealthRoutes health;

    public BrokerRoutes(TokenBroker broker, CallerGuard guard, BrokerMetrics metrics, Clock clock) {
        this.guard = guard;
        this.metrics = metrics;
        this.tokens = new TokenRoutes(broker, metrics, clock);
        this.health = new HealthRoutes(broker, metrics, clock);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (IOException e) {
            LOG.debug("broker request {} {} broke off: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
        } catch (RuntimeException e) {
            LOG.error("broker request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            Replies.error(exchange, 500, "internal", "internal error (" + e.getClass().getSimpleName() + "); see the broker's log");
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        switch (path) {
            case "/token", "/token.json", "/header" -> {
                if (allowed(exchange, method, "GET") && guarded(exchange, true)) {
                    tokens.read(exchange, path);
                }
            }
            case "/invalidate" -> {
                if (allowed(exchange, method, "POST") && guarded(exchange, true)) {
                    tokens.invalidate(exchange);
                }
            }
            case "/livez" -> {
                if (allowed(exchange, method, "GET") && guarded(exchange, false)) {
                    health.live(exchange);
                }
            }
            case "/readyz" -> {
                if (allowed(exchange, method, "GET") && guarded(exchange, false)) {
                    health.ready(exchange);
                }
            }
            case "/metrics" -> {
                if (allowed(exchange, method, "GET") && guarded(exchange, false)) {
                    health.metrics(exchange);
                }
            }
            default -> Replies.error(exchange, 404, "not_found", "no route " + printable(path)
                    + ": the broker serves /token, /token.json, /header, POST /invalidate, /livez, /readyz and /metrics");
        }
    }

    private boolean allowed(HttpExchange exchange, String method, String expected) throws IOException {
        if (method.equals(expected) || (expected.equals("GET") && method.equals("HEAD"))) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", expected.equals("GET") ? "GET, HEAD" : expected);
        Replies.error(exchange, 405, "method_not_allowed", method + " is not allowed here: use " + expected);
        return false;
    }

    private boolean guarded(HttpExchange exchange, boolean tokenRoute) throws IOException {
        Optional<CallerGuard.Refusal> refusal = tokenRoute ? guard.checkTokenRequest(exchange) : guard.checkOrigin(exchange);
        if (refusal.isEmpty()) {
            return true;
        }
        CallerGuard.Refusal r = refusal.get();
        if (tokenRoute) {
            metrics.tokenRequest("unknown", "refused");
        }
        if (r.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"papi broker\"");
        }
        Replies.error(exchange, r.status(), r.reason(), r.message());
        return false;
    }

    private static String printable(String path) {
        String shown = path.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
    }
}
