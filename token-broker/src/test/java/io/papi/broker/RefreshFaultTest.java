package io.papi.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.papi.broker.RefreshFailure.Reason;
import io.papi.testing.TokenIssuer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix: what a {@link RefreshingTokenSource} retries, how soon, and what its callers get meanwhile.
 * Jitter is fixed at one half, so the n-th transient retry waits half of min(60 s, 2^(n-1) s).
 */
class RefreshFaultTest extends FakeTimeSourceTest {
    private static final String JWT_INVALID_BODY =
            "{\"data\":null,\"code\":\"390144\",\"message\":\"JWT token is invalid. "
                    + "[0f1e2d3c-aaaa-bbbb-cccc-123456789abc]\",\"success\":false,\"headers\":null}";

    private RefreshFailure lastFailure() {
        return source.status().lastFailure().orElseThrow(() -> new AssertionError("no failure recorded"));
    }

    private void assertNoTokenBecause(Reason reason) {
        assertThat(source.current()).isEmpty();
        assertThatThrownBy(() -> source.get(Duration.ZERO))
                .isInstanceOfSatisfying(TokenUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(TokenUnavailableException.Cause.REFRESH_FAILED);
                    assertThat(e.failure())
                            .get()
                            .extracting(RefreshFailure::reason)
                            .isEqualTo(reason);
                    assertThat(e.retryAfter()).isPresent();
                });
    }

    @Test
    void aTimeoutIsRetriedAfterAJitteredSecond() {
        answer(aResponse().withStatus(200).withFixedDelay(5_000).withBody("ver:1-hint:too-late-0123456789"));
        source(RefreshPolicy.defaults(), 0.5, Duration.ofMillis(1_500));
        startAndSettle();

        assertThat(lastFailure().reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(lastFailure().permanent()).isFalse();
        assertThat(source.status().backoff()).isEqualTo(Duration.ofMillis(500));
        assertNoTokenBecause(Reason.TIMEOUT);

        issueTokensLiving(600);
        advance(Duration.ofMillis(500));
        assertThat(source.current()).isPresent();
        assertThat(source.status().lastFailure()).isEmpty();
    }

    @Test
    void connectionResetsBackOffExponentially() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        source(0.5);
        startAndSettle();
        assertThat(lastFailure().reason()).isEqualTo(Reason.NETWORK);

        advance(Duration.ofMillis(500));
        assertThat(exchanges()).isEqualTo(2);
        assertThat(source.status().backoff()).isEqualTo(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        assertThat(exchanges()).isEqualTo(3);
        assertThat(source.status().backoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(source.status().consecutiveFailures()).isEqualTo(3);

        issueTokensLiving(600);
        advance(Duration.ofSeconds(2));
        assertThat(source.current()).isPresent();
        assertThat(source.status().consecutiveFailures()).isZero();
        // each retry minted its own JWT when it was sent: at 0, 0.5, 1.5 and 3.5 s
        assertThat(assertionsSent())
                .extracting(jwt -> claims(jwt).get("iat").asLong() - T0.getEpochSecond())
                .containsExactly(0L, 0L, 1L, 3L);
    }

    @Test
    void rateLimitingWaitsAtLeastWhatRetryAfterAsks() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("Too many requests"));
        source(0.5);
        startAndSettle();
        assertThat(lastFailure().reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(lastFailure().retryAfter()).contains(Duration.ofSeconds(7));

        issueTokensLiving(600);
        assertNextExchangeIn(Duration.ofSeconds(7), Duration.ofMillis(1));
        assertThat(source.current()).isPresent();
    }

    @Test
    void serverErrorsOutlastingTheTokenServeItUntilItExpiresThenAnswerUnavailableThenRecover() {
        startWithTokensLiving(600, 0.5);
        SessionToken held = source.get(Duration.ZERO);
        answer(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"));

        // the refresh at 420 s fails, and so does every retry until the token is gone
        while (clock.instant().isBefore(held.expiresAt())) {
            assertThat(source.get(Duration.ZERO)).as("at %s", sinceStart()).isSameAs(held);
            advance(Duration.ofSeconds(5));
        }
        int retries = exchanges() - 1;
        assertThat(retries).as("retries in 180 s with backoff doubling to 30 s").isBetween(8, 12);
        assertNoTokenBecause(Reason.SERVER_ERROR);
        assertThatThrownBy(() -> source.get(Duration.ZERO))
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("next attempt in");

        issueTokensLiving(600);
        advance(Duration.ofSeconds(30));
        SessionToken fresh = source.get(Duration.ZERO);
        assertThat(fresh.value()).isNotEqualTo(held.value());
        assertThat(fresh.isValidFor(Duration.ofSeconds(500), clock)).isTrue();
    }

    @Test
    void aRejectedJwtIsNotHammeredButRetriedOncePerMinute() {
        answer(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(JWT_INVALID_BODY));
        source(0.5);
        startAndSettle();

        RefreshFailure failure = lastFailure();
        assertThat(failure.reason()).isEqualTo(Reason.JWT_REJECTED);
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.message()).contains("the JWT was rejected").contains("SYSTEM$GET_LOGIN_FAILURE_DETAILS");
        assertNoTokenBecause(Reason.JWT_REJECTED);

        assertNextExchangeIn(Duration.ofSeconds(60), Duration.ofMillis(1));
        advance(Duration.ofMinutes(10));
        assertThat(exchanges()).isEqualTo(12);
    }

    @Test
    void a401IsAPermanentJwtRejection() {
        answer(aResponse().withStatus(401).withBody("{\"error\":\"invalid_grant\"}"));
        source(0.5);
        startAndSettle();

        assertThat(lastFailure().reason()).isEqualTo(Reason.JWT_REJECTED);
        assertThat(lastFailure().permanent()).isTrue();
    }

    @Test
    void aGarbageBodyIsNotATokenAndIsNotHammered() {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Sign in</body></html>"));
        source(0.5);
        startAndSettle();

        assertThat(lastFailure().reason()).isEqualTo(Reason.NOT_A_TOKEN);
        assertThat(lastFailure().permanent()).isTrue();
        assertNoTokenBecause(Reason.NOT_A_TOKEN);
        advance(Duration.ofSeconds(59));
        assertThat(exchanges()).isEqualTo(1);
    }

    @Test
    void aTokenExpiredOnArrivalIsNeverHandedOut() {
        answer(aResponse()
                .withStatus(200)
                .withTransformers(TokenIssuer.NAME)
                .withTransformerParameter("lifetimeSeconds", -10));
        source(0.5);
        startAndSettle();

        assertThat(lastFailure().reason()).isEqualTo(Reason.EXPIRED_ON_ARRIVAL);
        assertThat(lastFailure().message()).contains("clock");
        assertNoTokenBecause(Reason.EXPIRED_ON_ARRIVAL);
    }

    @Test
    void aFailedRefreshKeepsServingTheHeldTokenAndRecoversBeforeItExpires() {
        startWithTokensLiving(600, 0.5);
        SessionToken held = source.get(Duration.ZERO);
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        advance(Duration.ofSeconds(420));
        assertThat(lastFailure().reason()).isEqualTo(Reason.NETWORK);
        assertThat(source.get(Duration.ZERO)).isSameAs(held);

        issueTokensLiving(600);
        advance(Duration.ofSeconds(1));
        assertThat(source.get(Duration.ZERO).value()).isNotEqualTo(held.value());
    }
}
