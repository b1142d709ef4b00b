package io.papi.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.papi.broker.testing.FakeScheduler;
import io.papi.testing.MutableClock;
import io.papi.testing.TestKeys;
import io.papi.testing.TokenIssuer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link RefreshingTokenSource} against WireMock standing in for Snowflake's /oauth/token, on a fake clock and a
 * fake scheduler: time moves only when a test advances it, so timing is asserted exactly and nothing sleeps.
 */
abstract class FakeTimeSourceTest {
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final TokenScope SCOPE = new TokenScope("DATA_API_ROLE", "abcd-myorg-myacct.snowflakecomputing.app");
    static final TokenIssuer ISSUER = new TokenIssuer();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension snowflake = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(ISSUER))
            .build();

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(T0);
    final FakeScheduler scheduler = new FakeScheduler(clock);
    Path keyFile;
    RefreshingTokenSource source;

    @BeforeEach
    void writeKeyAndUseTheFakeClock() {
        ISSUER.useClock(clock);
        keyFile = dir.resolve("rsa_key.p8");
        KeyFiles.writePrivateKey(keyFile, TestKeys.privateKey(), null);
    }

    @AfterEach
    void closeSource() {
        if (source != null) {
            source.close();
        }
        scheduler.close();
    }

    Identity identity(Duration exchangeTimeout) {
        return Identity.builder("default")
                .account(AccountIdentifier.parse("myorg-myacct"))
                .user("svc_data_api")
                .privateKeyFile(keyFile)
                .scope(SCOPE)
                .exchange(TokenExchange.builder()
                        .tokenUrl(URI.create(snowflake.baseUrl() + "/oauth/token"))
                        .timeout(exchangeTimeout)
                        .clock(clock)
                        .build())
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

    void startAndSettle() {
        source.start();
        scheduler.awaitIdle();
    }

    void advance(Duration by) {
        scheduler.advance(by);
    }

    Duration sinceStart() {
        return Duration.between(T0, clock.instant());
    }

    static void issueTokensLiving(long seconds) {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/plain")
                .withTransformers(TokenIssuer.NAME)
                .withTransformerParameter("lifetimeSeconds", seconds));
    }

    static void answer(ResponseDefinitionBuilder response) {
        snowflake.resetMappings();
        snowflake.stubFor(post(urlEqualTo("/oauth/token")).willReturn(response));
    }

    static int exchanges() {
        return snowflake
                .countRequestsMatching(
                        postRequestedFor(urlEqualTo("/oauth/token")).build())
                .getCount();
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
