package io.papi.broker.sidecar;

import com.sun.net.httpserver.HttpExchange;
import io.papi.broker.RefreshingTokenSource;
import io.papi.broker.TokenBroker;
import io.papi.broker.TokenStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /livez} (the process answers), {@code /readyz} (every identity holds a token with more than the ready margin,
 * 60 s by default, left; 503 otherwise, naming why per identity) and {@code /metrics} (Prometheus text).
 */
final class HealthRoutes {
    private final TokenBroker broker;
    private final BrokerMetrics metrics;
    private final Clock clock;

    HealthRoutes(TokenBroker broker, BrokerMetrics metrics, Clock clock) {
        this.broker = broker;
        this.metrics = metrics;
        this.clock = clock;
    }

    void live(HttpExchange exchange) throws IOException {
        Replies.json(exchange, 200, Map.of("live", true));
    }

    void ready(HttpExchange exchange) throws IOException {
        Instant now = clock.instant();
        boolean allReady = true;
        List<Map<String, Object>> identities = new ArrayList<>();
        for (RefreshingTokenSource source : broker.sources()) {
            TokenStatus status = source.status();
            boolean ready = status.validFor(source.policy().readyMargin(), now);
            allReady &= ready;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("identity", status.identity());
            entry.put("ready", ready);
            status.token().ifPresent(t -> {
                entry.put("token_hash", t.hash());
                entry.put("expires_at", DateTimeFormatter.ISO_INSTANT.format(t.expiresAt()));
                entry.put("expires_in", Math.max(0, t.remaining(clock).toSeconds()));
                entry.put("last_refresh_at", DateTimeFormatter.ISO_INSTANT.format(t.receivedAt()));
            });
            entry.put("consecutive_failures", status.consecutiveFailures());
            status.lastFailure().ifPresent(f -> {
                entry.put("last_failure", f.message());
                entry.put("reason", f.reason().label());
                entry.put("permanent", f.permanent());
            });
            if (!ready && status.lastFailure().isEmpty()) {
                entry.put("reason", status.token().isPresent() ? "expiring" : "no_token_yet");
            }
            status.nextAttemptAt().ifPresent(t -> entry.put("next_attempt_at", DateTimeFormatter.ISO_INSTANT.format(t)));
            identities.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", allReady);
        body.put("identities", identities);
        Replies.json(exchange, allReady ? 200 : 503, body);
    }

    void metrics(HttpExchange exchange) throws IOException {
        Replies.text(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }
}
