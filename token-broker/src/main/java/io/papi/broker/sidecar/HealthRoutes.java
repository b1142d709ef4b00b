package io.papi.broker.sidecar;

import io.papi.broker.RefreshingTokenSource;
import io.papi.broker.TokenBroker;
import io.papi.broker.TokenStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /livez} (the process answers), {@code /readyz} (every identity holds a token with more than the ready margin,
 * 60 s by default, left, and every sink file was written at the last refresh; 503 otherwise, naming why) and
 * {@code /metrics} (Prometheus text).
 */
final class HealthRoutes {
    private final TokenBroker broker;
    private final Clock clock;
    private final Supplier<List<String>> sinkProblems;

    HealthRoutes(TokenBroker broker, Clock clock, Supplier<List<String>> sinkProblems) {
        this.broker = broker;
        this.clock = clock;
        this.sinkProblems = sinkProblems;
    }

    void live(HttpCall call) {
        call.json(200, Map.of("live", true));
    }

    /** @param details false beyond loopback without the secret: then only ready or not, and no token hashes */
    void ready(HttpCall call, boolean details) {
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
            status.nextAttemptAt()
                    .ifPresent(t -> entry.put("next_attempt_at", DateTimeFormatter.ISO_INSTANT.format(t)));
            identities.add(entry);
        }
        List<String> sinks = sinkProblems.get();
        allReady &= sinks.isEmpty();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", allReady);
        if (!sinks.isEmpty()) {
            body.put("reason", "sink_failed");
        }
        if (details) {
            body.put("identities", identities);
            if (!sinks.isEmpty()) {
                body.put("sink_failures", sinks);
            }
        }
        call.json(allReady ? 200 : 503, body);
    }

    void metrics(HttpCall call, BrokerMetrics metrics) {
        call.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }
}
