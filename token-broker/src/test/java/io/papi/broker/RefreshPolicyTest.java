package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When a token is refreshed and how long failures wait, from the policy alone. */
class RefreshPolicyTest {
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private final RefreshPolicy policy = RefreshPolicy.defaults();

    private static SessionToken living(Duration life) {
        return new SessionToken("tok-0123456789abcdef", T0.plus(life), true, T0, Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.25, 0.5, 0.75, 0.9999})
    void refreshesWhenAQuarterOfTheLifeRemainsPlusUpToATenthEarlier(double random) {
        Duration delay = policy.refreshDelay(living(Duration.ofMinutes(10)), T0, random);

        // 25 % of 600 s is 150 s before expiry; jitter moves it up to 60 s earlier
        assertThat(delay).isBetween(Duration.ofSeconds(390), Duration.ofSeconds(450));
        assertThat(delay).isEqualTo(Duration.ofMillis(450_000 - (long) (random * 60_000)));
    }

    @Test
    void jitterSpreadsRefreshesOfTokensIssuedTogether() {
        Duration early = policy.refreshDelay(living(Duration.ofHours(1)), T0, 0.99);
        Duration late = policy.refreshDelay(living(Duration.ofHours(1)), T0, 0.01);

        assertThat(Duration.between(T0.plus(early), T0.plus(late))).isGreaterThan(Duration.ofMinutes(5));
    }

    @Test
    void neverLaterThanSixtySecondsBeforeExpiry() {
        // 25 % of 2 minutes is 30 s: the 60 s floor wins
        Duration delay = policy.refreshDelay(living(Duration.ofMinutes(2)), T0, 0.0);

        assertThat(delay).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aTokenShorterThanTheMarginIsStillKeptForATenthOfItsLife() {
        Duration delay = policy.refreshDelay(living(Duration.ofSeconds(20)), T0, 0.5);

        assertThat(delay).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aTokenPastItsRefreshMomentIsRefreshedAtOnce() {
        Duration delay = policy.refreshDelay(living(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(9)), 0.5);

        assertThat(delay).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 20})
    void transientBackoffIsFullJitterUnderADoublingCeilingCappedAtSixtySeconds(int failures) {
        long ceiling = Math.min(60_000, 1000L << Math.min(failures - 1, 30));

        assertThat(policy.transientBackoff(failures, 0.9999, null).toMillis()).isBetween(ceiling - 10, ceiling);
        assertThat(policy.transientBackoff(failures, 0.5, null).toMillis()).isEqualTo(ceiling / 2);
        assertThat(policy.transientBackoff(failures, 0.0, null)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void retryAfterIsHonouredUpToTenMinutes() {
        assertThat(policy.transientBackoff(1, 0.5, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.transientBackoff(8, 0.9, Duration.ofSeconds(2))).isGreaterThan(Duration.ofSeconds(50));
        assertThat(policy.transientBackoff(1, 0.5, Duration.ofHours(3))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void permanentFailuresWaitTheWholeCap() {
        assertThat(policy.permanentBackoff()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void rejectsAFractionOutsideZeroToOne() {
        assertThatThrownBy(() -> RefreshPolicy.builder().refreshAt(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> RefreshPolicy.builder().backoff(Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below the initial backoff");
    }
}
