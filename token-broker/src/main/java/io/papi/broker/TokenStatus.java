package io.papi.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one identity in a {@link RefreshingTokenSource}, for readiness, metrics and error answers.
 *
 * @param identity the identity's name
 * @param token the token held, only while it has not expired
 * @param lastFailure why the last refresh failed, when it did (cleared by a success)
 * @param consecutiveFailures refreshes failed in a row
 * @param nextAttemptAt when the next refresh or retry is planned
 * @param backoff the wait the last failure imposed, zero when the last refresh succeeded
 * @param clockSkew the token endpoint's {@code Date} minus the local clock at the last answer, when known
 * @param refreshing true while an exchange is in flight
 */
public record TokenStatus(
        String identity,
        Optional<SessionToken> token,
        Optional<RefreshFailure> lastFailure,
        int consecutiveFailures,
        Optional<Instant> nextAttemptAt,
        Duration backoff,
        Optional<Duration> clockSkew,
        boolean refreshing) {

    /** True when a token is held that stays valid for more than {@code margin}. */
    public boolean validFor(Duration margin, Instant now) {
        return token.isPresent() && now.plus(margin).isBefore(token.get().expiresAt());
    }
}
