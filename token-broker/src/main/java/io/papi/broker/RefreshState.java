package io.papi.broker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link RefreshingTokenSource} knows at one moment: the token held, the last failure, the plan. Immutable:
 * the source replaces it whole (under its lock) and reads it without one, so {@link RefreshingTokenSource#status()}
 * never sees half of a change.
 *
 * @param token the token held, or null (expired tokens stay here until replaced; readers check expiry)
 * @param lastFailure why the last refresh failed, or null after a success
 * @param backoffUntil before this, a demand does not start a refresh (a failure's wait), or null
 */
record RefreshState(
        SessionToken token,
        RefreshFailure lastFailure,
        int consecutiveFailures,
        Instant nextAttemptAt,
        Duration backoff,
        Instant backoffUntil,
        Duration clockSkew,
        boolean refreshing) {

    static final RefreshState INITIAL = new RefreshState(null, null, 0, null, Duration.ZERO, null, null, false);

    RefreshState withToken(SessionToken held) {
        return new RefreshState(
                held, lastFailure, consecutiveFailures, nextAttemptAt, backoff, backoffUntil, clockSkew, refreshing);
    }

    /** A refresh brought {@code fresh}: failures and backoff are over. */
    RefreshState succeeded(SessionToken fresh) {
        return new RefreshState(fresh, null, 0, nextAttemptAt, Duration.ZERO, null, clockSkew, refreshing);
    }

    /** One more failure in a row. */
    RefreshState failedAgain() {
        return new RefreshState(
                token,
                lastFailure,
                consecutiveFailures + 1,
                nextAttemptAt,
                backoff,
                backoffUntil,
                clockSkew,
                refreshing);
    }

    /** The failure to report, and how long to wait before the next attempt. */
    RefreshState failed(RefreshFailure failure, Duration wait, Instant now) {
        return new RefreshState(
                token, failure, consecutiveFailures, nextAttemptAt, wait, now.plus(wait), clockSkew, refreshing);
    }

    /** A key change: try again at once, whatever the last failure asked. */
    RefreshState withoutBackoff() {
        return new RefreshState(
                token, lastFailure, consecutiveFailures, nextAttemptAt, backoff, null, clockSkew, refreshing);
    }

    RefreshState planned(Instant at) {
        return new RefreshState(
                token, lastFailure, consecutiveFailures, at, backoff, backoffUntil, clockSkew, refreshing);
    }

    RefreshState refreshing(boolean inFlight) {
        return new RefreshState(
                token, lastFailure, consecutiveFailures, nextAttemptAt, backoff, backoffUntil, clockSkew, inFlight);
    }

    RefreshState skew(Duration skew) {
        return new RefreshState(
                token, lastFailure, consecutiveFailures, nextAttemptAt, backoff, backoffUntil, skew, refreshing);
    }

    /** The token held, when it stays valid for {@code minValid} more. */
    Optional<SessionToken> validFor(Duration minValid, Clock clock) {
        return token != null && token.isValidFor(minValid, clock) ? Optional.of(token) : Optional.empty();
    }

    TokenStatus toStatus(String identity, Clock clock) {
        return new TokenStatus(
                identity,
                validFor(Duration.ZERO, clock),
                Optional.ofNullable(lastFailure),
                consecutiveFailures,
                Optional.ofNullable(nextAttemptAt),
                lastFailure == null ? Duration.ZERO : backoff,
                Optional.ofNullable(clockSkew),
                refreshing);
    }
}
