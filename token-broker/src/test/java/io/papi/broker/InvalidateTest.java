package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.broker.RefreshFailure.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A caller that got a 401 invalidates the token; only the token still held is dropped. */
class InvalidateTest extends FakeTimeSourceTest {

    @Test
    void invalidatingTheHeldTokenFetchesAnotherAtOnce() {
        startWithTokensLiving(600, 0.5);
        SessionToken first = source.get(Duration.ZERO);
        advance(Duration.ofSeconds(60));

        assertThat(source.invalidate(first.hash())).isTrue();
        scheduler.awaitIdle();

        SessionToken second = source.get(Duration.ZERO);
        assertThat(second.value()).isNotEqualTo(first.value());
        assertThat(exchanges()).isEqualTo(2);
    }

    @Test
    void aStaleOrUnknownHashLeavesTheTokenAlone() {
        startWithTokensLiving(600, 0.5);
        SessionToken first = source.get(Duration.ZERO);
        advance(Duration.ofSeconds(60));
        source.invalidate(first.hash());
        scheduler.awaitIdle();
        SessionToken second = source.get(Duration.ZERO);

        assertThat(source.invalidate(first.hash()))
                .as("a second caller reporting the same old token")
                .isFalse();
        assertThat(source.invalidate("sha256:00000000")).isFalse();

        assertThat(source.get(Duration.ZERO)).isSameAs(second);
        assertThat(exchanges()).isEqualTo(2);
    }

    @Test
    void freshTokensRejectedAgainAndAgainBackOffInsteadOfHammeringSnowflake() {
        startWithTokensLiving(600, 0.5);

        source.invalidate(source.get(Duration.ZERO).hash()); // 0 s old: perhaps a fluke, refresh at once
        scheduler.awaitIdle();
        assertThat(exchanges()).isEqualTo(2);
        source.invalidate(source.get(Duration.ZERO).hash()); // again: the endpoint does not take these tokens
        scheduler.awaitIdle();

        assertThat(exchanges()).isEqualTo(2);
        assertThat(source.status().lastFailure())
                .get()
                .extracting(RefreshFailure::reason)
                .isEqualTo(Reason.REJECTED_BY_ENDPOINT);
        assertThatThrownBy(() -> source.get(Duration.ZERO)).hasMessageContaining("USAGE on the service endpoint");
        advance(Duration.ofMillis(500));
        assertThat(exchanges()).isEqualTo(3);
        assertThat(source.current()).isPresent();
    }
}
