package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.papi.broker.testing.FakeScheduler;
import io.papi.testing.MutableClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * A {@link RefreshingTokenSource} against WireMock standing in for Snowflake's /oauth/token, on a fake clock and a
 * fake scheduler: time moves only when a test advances it, so timing is asserted exactly and nothing sleeps.
 */
abstract class FakeTimeSourceTest extends TokenEndpointTest {
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock(T0);
    final FakeScheduler scheduler = new FakeScheduler(clock);
    RefreshingTokenSource source;

    @Override
    Clock issuerClock() {
        return clock;
    }

    @AfterEach
    void closeSource() {
        if (source != null) {
            source.close();
        }
        scheduler.close();
    }

    Identity identity(Duration exchangeTimeout) {
        return stubIdentity(
                        "default", "svc_data_api", stubExchange(exchangeTimeout).clock(clock))
                .privateKeyFile(keyFile)
                .build();
    }

    RefreshingTokenSource source(RefreshPolicy policy, double random) {
        return source(policy, random, Duration.ofSeconds(5));
    }

    RefreshingTokenSource source(RefreshPolicy policy, double random, Duration exchangeTimeout) {
        source = RefreshingTokenSource.builder(identity(exchangeTimeout))
                .policy(policy)
                .clock(clock)
                .scheduler(scheduler)
                .random(() -> random)
                .build();
        return source;
    }

    RefreshingTokenSource source(double random) {
        return source(RefreshPolicy.defaults(), random);
    }

    /** Tokens that live {@code seconds}, and a source drawing {@code random} started and settled on the first. */
    void startWithTokensLiving(long seconds, double random) {
        issueTokensLiving(seconds);
        source(random);
        startAndSettle();
    }

    void startAndSettle() {
        source.start();
        scheduler.awaitIdle();
    }

    void advance(Duration by) {
        scheduler.advance(by);
    }

    /** The next exchange goes out {@code wait} from now, and not {@code step} sooner. */
    void assertNextExchangeIn(Duration wait, Duration step) {
        int before = exchanges();
        advance(wait.minus(step));
        assertThat(exchanges()).as("%s before it is due", step).isEqualTo(before);
        advance(step);
        assertThat(exchanges()).as("when it is due, %s from the last", wait).isEqualTo(before + 1);
    }

    Duration sinceStart() {
        return Duration.between(T0, clock.instant());
    }

    /** The JWTs sent, oldest first. */
    static List<String> assertionsSent() {
        List<ServeEvent> events = new ArrayList<>(snowflake.getAllServeEvents()); // newest first
        Collections.reverse(events);
        return events.stream()
                .map(ServeEvent::getRequest)
                .map(r -> formField(r.getBodyAsString(), "assertion"))
                .toList();
    }

    static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (Exception e) {
            throw new AssertionError("not a JWT", e);
        }
    }

    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + body.length() + " bytes of form");
    }
}
