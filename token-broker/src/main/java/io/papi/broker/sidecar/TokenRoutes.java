package io.papi.broker.sidecar;

import io.papi.broker.Durations;
import io.papi.broker.RefreshingTokenSource;
import io.papi.broker.SessionToken;
import io.papi.broker.TokenBroker;
import io.papi.broker.TokenHash;
import io.papi.broker.TokenUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /** What a read asks for. */
    private record ReadRequest(RefreshingTokenSource source, Duration minValid) {}

    /**
     * Answers a read without blocking when it can: a bad request, or a token already held with the life asked for.
     *
     * @return false when answering needs a refresh (and so {@link #read}, on a thread that may wait)
     */
    boolean answerNow(HttpCall call) {
        Optional<ReadRequest> read = parse(call);
        if (read.isEmpty()) {
            return true;
        }
        Optional<SessionToken> held = read.get().source().held(read.get().minValid());
        held.ifPresent(token -> answer(call, read.get().source(), token));
        return held.isPresent();
    }

    /** Answers a read, waiting for a refresh when the token held does not have the life asked for. */
    void read(HttpCall call) {
        Optional<ReadRequest> read = parse(call);
        if (read.isEmpty()) {
            return;
        }
        RefreshingTokenSource source = read.get().source();
        SessionToken token;
        try {
            token = source.get(read.get().minValid());
        } catch (TokenUnavailableException e) {
            unavailable(call, e);
            return;
        }
        answer(call, source, token);
    }

    private Optional<ReadRequest> parse(HttpCall call) {
        try {
            Query query = Query.parse(call.rawQuery(), READ_PARAMETERS);
            RefreshingTokenSource source = broker.source(query.get("identity"));
            Duration minValid = query.get("min_valid")
                    .map(v -> Durations.parse(v, "min_valid"))
                    .orElse(Duration.ZERO);
            return Optional.of(new ReadRequest(source, minValid));
        } catch (IllegalArgumentException e) {
            metrics.tokenRequest("unknown", "bad_request");
            call.error(400, "bad_request", e.getMessage());
            return Optional.empty();
        }
    }

    private void answer(HttpCall call, RefreshingTokenSource source, SessionToken token) {
        String identity = source.identity().name();
        metrics.tokenRequest(identity, "ok");
        switch (call.path()) {
            case "/token" -> call.text(200, "text/plain; charset=utf-8", token.value());
            case "/header" ->
                call.text(200, "text/plain; charset=utf-8", "Authorization: " + token.authorizationHeader());
            default -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("token", token.value());
                body.put("token_hash", token.hash());
                body.put("expires_at", DateTimeFormatter.ISO_INSTANT.format(token.expiresAt()));
                body.put("expires_in", Math.max(0, token.remaining(clock).toSeconds()));
                body.put("identity", identity);
                call.json(200, body);
            }
        }
    }

    void invalidate(HttpCall call) throws IOException {
        Query query;
        RefreshingTokenSource source;
        String hash;
        try {
            query = Query.parse(call.rawQuery(), INVALIDATE_PARAMETERS)
                    .and(Query.parse(form(call), INVALIDATE_PARAMETERS));
            source = broker.source(query.get("identity"));
            hash = query.get("token_hash")
                    .or(() -> query.get("token").map(TokenHash::of))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "name the rejected token: token_hash=sha256:... (from /token.json) "
                                    + "or token=<the token>"));
        } catch (IllegalArgumentException e) {
            metrics.tokenRequest("unknown", "bad_request");
            call.error(400, "bad_request", e.getMessage());
            return;
        }
        boolean dropped = source.invalidate(hash);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invalidated", dropped);
        body.put("identity", source.identity().name());
        body.put(
                "detail",
                dropped
                        ? "token " + hash + " dropped; a new one is on its way"
                        : "token " + hash + " is not the one held (already replaced): fetch the current one");
        call.json(200, body);
    }

    private void unavailable(HttpCall call, TokenUnavailableException e) {
        metrics.tokenRequest(e.identity(), "unavailable");
        int status = e.reason() == TokenUnavailableException.Cause.MIN_VALID_TOO_LONG ? 400 : 503;
        e.retryAfter()
                .ifPresent(d -> call.setHeader(
                        "Retry-After", Long.toString(Math.max(1, d.toSeconds() + (d.toMillisPart() > 0 ? 1 : 0)))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put(
                "reason",
                e.failure()
                        .map(f -> f.reason().label())
                        .orElse(e.reason().name().toLowerCase(Locale.ROOT)));
        body.put("identity", e.identity());
        e.failure().ifPresent(f -> body.put("permanent", f.permanent()));
        e.retryAfter().ifPresent(d -> body.put("retry_in", d.toSeconds()));
        call.json(status, body);
    }

    /** The form body of a POST, at most 8 KiB; anything else is not a form. */
    private static String form(HttpCall call) throws IOException {
        byte[] bytes;
        try {
            bytes = call.body(MAX_FORM_BYTES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the request body is over 8 KiB: send token_hash=sha256:... alone");
        }
        String type = call.header("Content-Type");
        if (bytes.length > 0
                && type != null
                && !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new IllegalArgumentException(
                    "send the body as application/x-www-form-urlencoded (curl -d token_hash=...), "
                            + "or the parameters in the query string");
        }
        return new String(bytes, StandardCharsets.UTF_8).trim();
    }
}
