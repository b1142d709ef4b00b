package io.papi.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.papi.testing.TokenIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When a {@link RefreshingTokenSource} refreshes, with what, and how many exchanges its callers cause. */
class RefreshTimingTest extends FakeTimeSourceTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 0.999})
    void refreshesWhenAQuarterOfTheTokensLifeRemainsMinusJitter(double random) {
        startWithTokensLiving(600, random);
        Duration refreshAt = Duration.ofMillis(600_000 - 150_000 - (long) (random * 60_000));

        advance(refreshAt.minusMillis(1));
        assertThat(exchanges()).as("before %s", refreshAt).isEqualTo(1);

        advance(Duration.ofMillis(1));
        assertThat(exchanges()).as("at %s", refreshAt).isEqualTo(2);
        assertThat(source.get(Duration.ZERO).expiresAt().getEpochSecond())
                .isEqualTo(clock.instant().getEpochSecond() + 600);
    }

    @Test
    void aShortTokenIsRefreshedNoLaterThanSixtySecondsBeforeItExpires() {
        startWithTokensLiving(120, 0.0);

        assertNextExchangeIn(Duration.ofSeconds(60), Duration.ofMillis(1));
    }

    @Test
    void keepsRefreshingAheadOfExpiryForAnHourWithNoGap() {
        startWithTokensLiving(600, 0.5);

        for (int step = 0; step < 360; step++) {
            advance(Duration.ofSeconds(10));
            assertThat(source.current()).as("at %s", sinceStart()).isPresent();
            assertThat(source.get(Duration.ZERO).remaining(clock)).isGreaterThan(Duration.ofSeconds(179));
        }
        // one exchange every 420 s
        assertThat(exchanges()).isEqualTo(1 + 3600 / 420);
    }

    @Test
    void aTokenThatIsNoJwtLivesTheExchangesDefaultLifetime() {
        answer(aResponse().withStatus(200).withBody("ver:1-hint:1234-ETMsDgAAAZplainSessionToken"));
        source(0.5);
        startAndSettle();

        SessionToken token = source.get(Duration.ZERO);
        assertThat(token.expiryFromToken()).isFalse();
        assertThat(token.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertNextExchangeIn(Duration.ofSeconds(420), Duration.ofSeconds(1));
    }

    @Test
    void everyExchangeCarriesAFreshlyMintedJwtIssuedWhenItIsSent() {
        startWithTokensLiving(120, 0.0);
        advance(Duration.ofSeconds(60));
        advance(Duration.ofSeconds(60));

        List<String> jwts = assertionsSent();
        assertThat(jwts).hasSize(3).doesNotHaveDuplicates();
        assertThat(jwts)
                .extracting(jwt -> claims(jwt).get("iat").asLong())
                .containsExactly(T0.getEpochSecond(), T0.getEpochSecond() + 60, T0.getEpochSecond() + 120);
        JsonNode first = claims(jwts.get(0));
        assertThat(first.get("sub").asText()).isEqualTo("MYORG-MYACCT.SVC_DATA_API");
        assertThat(first.get("iss").asText()).startsWith("MYORG-MYACCT.SVC_DATA_API.SHA256:");
    }

    @Test
    void fiftyConcurrentCallersWithoutATokenCauseOneExchange() throws Exception {
        answer(aResponse()
                .withStatus(200)
                .withFixedDelay(300)
                .withTransformers(TokenIssuer.NAME)
                .withTransformerParameter("lifetimeSeconds", 600));
        source(0.5);
        ExecutorService callers = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SessionToken>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Callable<SessionToken> call = () -> {
                    go.await();
                    return source.get(Duration.ZERO);
                };
                answers.add(callers.submit(call));
            }
            go.countDown();
            HashSet<String> tokens = new HashSet<>();
            for (Future<SessionToken> answer : answers) {
                tokens.add(answer.get(10, TimeUnit.SECONDS).value());
            }

            assertThat(tokens).hasSize(1);
            assertThat(exchanges()).isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void fiftyConcurrentCallersAfterExpiryCauseOneRefresh() throws Exception {
        issueTokensLiving(600);
        // never refresh ahead of time: the planned refresh lies beyond the token's life
        source(
                RefreshPolicy.builder()
                        .refreshAt(0.01)
                        .minMargin(Duration.ZERO)
                        .jitter(0)
                        .build(),
                0.0);
        startAndSettle();
        SessionToken first = source.get(Duration.ZERO);
        clock.advance(Duration.ofSeconds(600)); // the clock alone: the planned refresh does not run
        assertThat(source.current()).isEmpty();
        answer(aResponse()
                .withStatus(200)
                .withFixedDelay(300)
                .withTransformers(TokenIssuer.NAME)
                .withTransformerParameter("lifetimeSeconds", 600));

        ExecutorService callers = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SessionToken>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(callers.submit(() -> {
                    go.await();
                    return source.get(Duration.ZERO);
                }));
            }
            go.countDown();
            HashSet<String> tokens = new HashSet<>();
            for (Future<SessionToken> answer : answers) {
                tokens.add(answer.get(10, TimeUnit.SECONDS).value());
            }

            assertThat(tokens).hasSize(1).doesNotContain(first.value());
            assertThat(exchanges()).isEqualTo(2);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aCallerNeedingMoreLifeThanTheTokenHasLeftGetsAFreshOne() {
        startWithTokensLiving(600, 0.5);
        SessionToken first = source.get(Duration.ZERO);
        advance(Duration.ofSeconds(400)); // 200 s left; the planned refresh is at 420 s

        SessionToken fresh = source.get(Duration.ofSeconds(300));

        assertThat(fresh.value()).isNotEqualTo(first.value());
        assertThat(fresh.remaining(clock)).isEqualTo(Duration.ofSeconds(600));
        assertThat(exchanges()).isEqualTo(2);
    }

    @Test
    void askingForMoreLifeThanTokensEverHaveIsRefusedWithoutAnExchange() {
        startWithTokensLiving(600, 0.5);

        assertThatThrownBy(() -> source.get(Duration.ofMinutes(20)))
                .isInstanceOfSatisfying(
                        TokenUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenUnavailableException.Cause.MIN_VALID_TOO_LONG))
                .hasMessageContaining("tokens live 600 s");
        assertThat(exchanges()).isEqualTo(1);
    }

    @Test
    void theTokenEndpointsDateHeaderGivesTheClockSkew() {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Date", "Sat, 01 Mar 2025 12:00:45 GMT")
                .withTransformers(TokenIssuer.NAME)
                .withTransformerParameter("lifetimeSeconds", 600));
        source(0.5);
        startAndSettle();

        assertThat(source.status().clockSkew()).contains(Duration.ofSeconds(45));
    }

    @Test
    void aClosedSourceHandsOutNothing() {
        startWithTokensLiving(600, 0.5);

        source.close();

        assertThat(source.current()).isEmpty();
        assertThatThrownBy(() -> source.get(Duration.ZERO))
                .isInstanceOf(TokenUnavailableException.class)
                .hasMessageContaining("stopping");
    }
}
