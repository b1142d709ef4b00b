package io.papi.broker;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token exchange that gave no token. The message is one line naming the likely cause, never a JWT or a token.
 * {@link #kind()} tells a retrying caller whether to try again (with a freshly minted JWT: Snowflake refuses one
 * that arrives more than 60 s after its {@code iat}).
 */
public final class TokenExchangeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Whether trying again can help. */
    public enum Kind {
        /** Connect errors, timeouts, resets, HTTP 408, 429 and 5xx: retry, after {@link #retryAfter()} if given. */
        TRANSIENT,
        /** HTTP 400/401/403/404 and other 4xx, a rejected JWT, a body that is no token: fix the cause first. */
        PERMANENT
    }

    private final Kind kind;
    private final RefreshFailure.Reason reason;
    private final int status;
    private final transient Duration retryAfter;
    private final transient Instant serverDate;
    private final String snowflakeCode;

    /**
     * @param reason what failed, named where the exchange failed (the one classification: callers never parse the message)
     * @param status the HTTP status, 0 when no response arrived
     * @param retryAfter from a {@code Retry-After} header, or null
     * @param serverDate from the response's {@code Date} header, or null
     * @param snowflakeCode Snowflake's error code from the body (such as {@code 390144}), or null
     */
    public TokenExchangeException(
            Kind kind,
            RefreshFailure.Reason reason,
            int status,
            String message,
            Duration retryAfter,
            Instant serverDate,
            String snowflakeCode,
            Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.status = status;
        this.retryAfter = retryAfter;
        this.serverDate = serverDate;
        this.snowflakeCode = snowflakeCode;
    }

    public Kind kind() {
        return kind;
    }

    /** What failed: a timeout, a rejected JWT, a 5xx, ... */
    public RefreshFailure.Reason reason() {
        return reason;
    }

    /** This failure as the refresh state records it, at {@code at}. */
    public RefreshFailure toRefreshFailure(Instant at) {
        return new RefreshFailure(reason, !isTransient(), getMessage(), at, retryAfter());
    }

    /** True for {@link Kind#TRANSIENT}. */
    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    /** The HTTP status of the answer, or 0 when there was none (connect error, timeout, reset). */
    public int status() {
        return status;
    }

    /** How long the server asked to wait ({@code Retry-After} in seconds or as an HTTP date), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The server's {@code Date} header, for estimating clock skew (a skewed clock gets JWTs rejected). */
    public Optional<Instant> serverDate() {
        return Optional.ofNullable(serverDate);
    }

    /** Snowflake's error code from the response body, such as {@code 390144} (JWT rejected). */
    public Optional<String> snowflakeCode() {
        return Optional.ofNullable(snowflakeCode);
    }
}
