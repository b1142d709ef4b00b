package io.papi.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why the last refresh of an identity gave no token, in a form fit to show a caller (a 503 body, a log line, a
 * readiness answer): never a JWT or a token.
 *
 * @param reason what kind of failure, for metrics and for callers that act on it
 * @param permanent true when retrying cannot help until the key or the configuration changes
 * @param message one line naming the likely cause
 * @param at when it happened, by the broker's clock
 * @param retryAfter what the server asked for in {@code Retry-After}, if anything
 */
public record RefreshFailure(
        Reason reason, boolean permanent, String message, Instant at, Optional<Duration> retryAfter) {

    public RefreshFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The kinds of failure a refresh meets; {@link #label()} is its metric label. */
    public enum Reason {
        /** No answer in time (client timeout, or HTTP 408). */
        TIMEOUT,
        /** The token endpoint could not be reached (refused, unresolvable, no route). */
        CONNECT,
        /** The connection broke before an answer (reset, closed). */
        NETWORK,
        /** HTTP 429. */
        RATE_LIMITED,
        /** HTTP 5xx. */
        SERVER_ERROR,
        /** Snowflake refused the JWT (390144, 401, invalid_grant). */
        JWT_REJECTED,
        /** HTTP 403: role not granted or endpoint not allowed. */
        FORBIDDEN,
        /** Another 4xx, a redirect, or a rejected scope. */
        BAD_REQUEST,
        /** A success whose body is no token (a login page, an empty body). */
        NOT_A_TOKEN,
        /** The TLS handshake failed. */
        TLS,
        /** The token had expired by the time it arrived: the local clock or the token endpoint is wrong. */
        EXPIRED_ON_ARRIVAL,
        /** Callers invalidated fresh tokens again and again: the endpoint does not accept what Snowflake issues. */
        REJECTED_BY_ENDPOINT,
        /** The private key could not be read. */
        KEY_UNREADABLE,
        /** Anything else (a bug): see the log. */
        OTHER;

        /** {@code jwt_rejected}, {@code server_error}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
