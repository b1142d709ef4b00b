package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The refresh state is one value: each change makes a new one, and the status is read from one of them. */
class RefreshStateTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static SessionToken token(Duration left) {
        return new SessionToken("ver:1-hint:1-" + left.toSeconds(), NOW.plus(left), false, NOW, Optional.empty());
    }

    @Test
    void aSuccessEndsTheFailuresAndTheBackoffWithoutTouchingTheOldValue() {
        RefreshFailure failure =
                new RefreshFailure(RefreshFailure.Reason.SERVER_ERROR, false, "HTTP 503", NOW, Optional.empty());
        RefreshState failing =
                RefreshState.INITIAL.failedAgain().failedAgain().failed(failure, Duration.ofSeconds(4), NOW);

        RefreshState recovered = failing.succeeded(token(Duration.ofMinutes(10)));

        assertThat(failing.consecutiveFailures()).isEqualTo(2);
        assertThat(failing.backoffUntil()).isEqualTo(NOW.plusSeconds(4));
        assertThat(failing.toStatus("default", CLOCK).lastFailure()).contains(failure);
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.backoffUntil()).isNull();
        assertThat(recovered.toStatus("default", CLOCK).lastFailure()).isEmpty();
        assertThat(recovered.toStatus("default", CLOCK).backoff()).isZero();
    }

    @Test
    void theStatusNeverShowsAnExpiredToken() {
        RefreshState expired = RefreshState.INITIAL.withToken(token(Duration.ofSeconds(-1)));
        RefreshState fresh =
                RefreshState.INITIAL.withToken(token(Duration.ofSeconds(30))).refreshing(true);

        assertThat(expired.toStatus("default", CLOCK).token()).isEmpty();
        assertThat(fresh.toStatus("default", CLOCK).token()).isPresent();
        assertThat(fresh.toStatus("default", CLOCK).refreshing()).isTrue();
        assertThat(fresh.validFor(Duration.ofSeconds(31), CLOCK)).isEmpty();
    }
}
