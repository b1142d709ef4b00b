package io.papi.broker;

import java.time.Duration;
import java.util.Optional;

/**
 * No token can be handed out: none is held that is valid for as long as asked, and refreshing gave none (yet). The
 * message is one line fit to show a caller; it never holds a token or a JWT. A caller should try again after
 * {@link #retryAfter()}, or fix what {@link #failure()} names when it is permanent.
 */
public final class TokenUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why no token was handed out. */
    public enum Cause {
        /** The last refresh failed and the next attempt is not due yet. */
        REFRESH_FAILED,
        /** A refresh is under way and did not finish within the wait allowed to callers. */
        REFRESH_SLOW,
        /** The caller asked for a token valid longer than the token endpoint issues them for. */
        MIN_VALID_TOO_LONG,
        /** The source was closed. */
        CLOSED
    }

    private final String identity;
    private final Cause cause;
    private final transient RefreshFailure failure;
    private final transient Duration retryAfter;

    public TokenUnavailableException(
            String identity, Cause cause, String message, RefreshFailure failure, Duration retryAfter) {
        super(message);
        this.identity = identity;
        this.cause = cause;
        this.failure = failure;
        this.retryAfter = retryAfter;
    }

    public String identity() {
        return identity;
    }

    /** Why, as a kind (named {@code reason} so as not to hide {@link Throwable#getCause()}). */
    public Cause reason() {
        return cause;
    }

    /** The last refresh failure, when one is why. */
    public Optional<RefreshFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** When trying again may help. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
