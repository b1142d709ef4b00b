package io.papi.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.papi.testing.TokenIssuer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** The broker's HTTP API, as a script or application on the same machine sees it. */
class BrokerServerTest extends RunningBrokerTest {

    private String lastIssued() {
        var issued = ISSUER.issued();
        return issued.get(issued.size() - 1).token();
    }

    @Test
    void servesTheTokenAsTextAsJsonAndAsTheWholeHeaderLine() throws Exception {
        issueTokensLiving(600);
        start(config());

        Answer text = get("/token");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.body()).isEqualTo(lastIssued());
        assertThat(text.header("Cache-Control")).isEqualTo("no-store");

        JsonNode json = get("/token.json").json();
        assertThat(json.get("token").asText()).isEqualTo(lastIssued());
        assertThat(json.get("token_hash").asText()).isEqualTo(TokenHash.of(lastIssued()));
        assertThat(json.get("identity").asText()).isEqualTo("default");
        assertThat(json.get("expires_in").asLong()).isBetween(595L, 600L);
        assertThat(Instant.parse(json.get("expires_at").asText()))
                .isEqualTo(ISSUER.issued().get(0).expiresAt());

        assertThat(get("/header").body()).isEqualTo("Authorization: Snowflake Token=\"" + lastIssued() + "\"");
        assertThat(exchanges()).isEqualTo(1);
    }

    @Test
    void callersWithoutTheBrokerHeaderAreRefused() {
        issueTokensLiving(600);
        start(config());

        Answer answer = call(new Request.Builder().url(brokerUrl("/token")).build());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("reason").asText()).isEqualTo("missing_broker_header");
        assertThat(answer.json().get("error").asText()).contains("X-Papi-Broker: 1");
        assertThat(answer.body()).doesNotContain("Token=");
    }

    @Test
    void browsersAndReboundDomainsAreRefused() {
        issueTokensLiving(600);
        start(config());

        Answer rebound = call(tokenRequest("/token")
                .header("Host", "evil.example:" + broker.port())
                .build());
        Answer crossSite = call(
                tokenRequest("/token").header("Sec-Fetch-Site", "cross-site").build());
        Answer otherOrigin = call(
                tokenRequest("/token").header("Origin", "https://evil.example").build());
        Answer sameOrigin = call(tokenRequest("/token")
                .header("Origin", "http://127.0.0.1:" + broker.port())
                .build());

        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.json().get("reason").asText()).isEqualTo("bad_host");
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(otherOrigin.status()).isEqualTo(403);
        assertThat(sameOrigin.status()).isEqualTo(200);
    }

    @Test
    void withAnAuthTokenFileCallersMustSendTheBearerSecret() throws Exception {
        issueTokensLiving(600);
        Path secret = dir.resolve("broker.secret");
        Files.writeString(secret, "s3cret-0123456789\n", StandardCharsets.UTF_8);
        start(config().authTokenFile(secret));

        Answer none = get("/token");
        Answer wrong = call(
                tokenRequest("/token").header("Authorization", "Bearer nope").build());
        Answer right = call(tokenRequest("/token")
                .header("Authorization", "Bearer s3cret-0123456789")
                .build());

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("s3cret");
        assertThat(right.status()).isEqualTo(200);
    }

    @Test
    void severalIdentitiesArePickedByName() throws Exception {
        issueTokensLiving(600);
        start(config().identity(identity("reporting")));

        Answer unnamed = get("/token");
        Answer reporting = get("/token.json?identity=reporting");
        Answer unknown = get("/token?identity=nobody");

        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().get("error").asText())
                .contains("default, reporting")
                .contains("identity=NAME");
        assertThat(reporting.status()).isEqualTo(200);
        assertThat(reporting.json().get("identity").asText()).isEqualTo("reporting");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText())
                .isEqualTo("unknown identity 'nobody': this broker holds default, reporting");
        assertThat(broker.awaitReady(Duration.ofSeconds(10))).isTrue();
        assertThat(exchanges()).isEqualTo(2);
    }

    @Test
    void badParametersGetAOneLine400() {
        issueTokensLiving(600);
        start(config());

        Answer badDuration = get("/token?min_valid=soon");
        Answer typo = get("/token?min-valid=30s");
        Answer tooLong = get("/token?min_valid=2h");

        assertThat(badDuration.status()).isEqualTo(400);
        assertThat(badDuration.json().get("error").asText())
                .isEqualTo("min_valid 'soon' is not a duration: write it like 30 (seconds), 500ms, 30s, 1h30m or PT5M");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("error").asText()).contains("unknown parameter 'min-valid'");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("error").asText())
                .contains("tokens live 59")
                .contains("valid for 7200 s");
    }

    @Test
    void minValidGetsATokenWithThatMuchLifeLeft() throws Exception {
        // opaque tokens live exactly the exchange's default 10 minutes from their arrival
        answer(aResponse().withStatus(200).withTransformers(TokenIssuer.NAME).withTransformerParameter("plain", true));
        start(config());
        String first = get("/token").body();
        Thread.sleep(1_100); // let the first token age past the second the next caller cannot spare

        Answer fresh = get("/token.json?min_valid=599s");

        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.json().get("token").asText()).isNotEqualTo(first);
        assertThat(exchanges()).isEqualTo(2);
    }

    @Test
    void noTokenIsA503WithTheReasonAndRetryAfter() throws Exception {
        answer(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"390144\",\"message\":\"JWT token is invalid.\",\"success\":false}"));
        start(config());
        broker.awaitReady(Duration.ofSeconds(10));

        Answer token = get("/token");
        Answer ready = call(new Request.Builder().url(brokerUrl("/readyz")).build());

        assertThat(token.status()).isEqualTo(503);
        assertThat(token.json().get("reason").asText()).isEqualTo("jwt_rejected");
        assertThat(token.json().get("permanent").asBoolean()).isTrue();
        assertThat(token.json().get("error").asText())
                .contains("the JWT was rejected")
                .doesNotContain("\n");
        assertThat(Long.parseLong(token.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().get("identities").get(0).get("last_failure").asText())
                .contains("JWT was rejected");
    }

    @Test
    void readyOnlyWhileEveryIdentityHoldsMoreThanAMinute() throws Exception {
        issueTokensLiving(600);
        start(config());
        broker.awaitReady(Duration.ofSeconds(10));
        Request readyz = new Request.Builder().url(brokerUrl("/readyz")).build();

        assertThat(call(readyz).status()).isEqualTo(200);
        assertThat(call(new Request.Builder().url(brokerUrl("/livez")).build()).status())
                .isEqualTo(200);
        broker.close();

        issueTokensLiving(30);
        start(config());
        broker.awaitReady(Duration.ofSeconds(10));
        Answer shortLived = call(new Request.Builder().url(brokerUrl("/readyz")).build());
        assertThat(shortLived.status()).isEqualTo(503);
        assertThat(shortLived.json().get("identities").get(0).get("reason").asText())
                .isEqualTo("expiring");
    }

    @Test
    void invalidateDropsTheTokenOnlyWhileItIsStillTheOneHeld() {
        issueTokensLiving(600);
        start(config());
        JsonNode first = get("/token.json").json();
        RequestBody form = new FormBody.Builder()
                .add("token_hash", first.get("token_hash").asText())
                .build();

        Answer dropped = call(tokenRequest("/invalidate").post(form).build());
        String second = get("/token").body();
        Answer stale = call(tokenRequest("/invalidate").post(form).build());
        Answer byToken = call(tokenRequest("/invalidate?token=" + second)
                .post(RequestBody.create(new byte[0]))
                .build());

        assertThat(dropped.json().get("invalidated").asBoolean()).isTrue();
        assertThat(second).isNotEqualTo(first.get("token").asText());
        assertThat(stale.json().get("invalidated").asBoolean()).isFalse();
        assertThat(byToken.json().get("invalidated").asBoolean()).isTrue();
        assertThat(call(new Request.Builder()
                                .url(brokerUrl("/invalidate"))
                                .post(form)
                                .build())
                        .status())
                .isEqualTo(403);
        assertThat(get("/invalidate").status()).isEqualTo(405);
        assertThat(call(tokenRequest("/invalidate")
                                .post(RequestBody.create(new byte[0]))
                                .build())
                        .json()
                        .get("error")
                        .asText())
                .contains("token_hash=");
    }

    @Test
    void metricsShowRefreshesExpiryBackoffAndClockSkewButNoToken() throws Exception {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Date", "Sat, 01 Mar 2025 12:00:45 GMT")
                .withTransformers(TokenIssuer.NAME)
                .withTransformerParameter("lifetimeSeconds", 600));
        start(config());
        broker.awaitReady(Duration.ofSeconds(10));
        get("/token");

        Answer metrics = call(new Request.Builder().url(brokerUrl("/metrics")).build());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("papi_broker_refreshes_total{identity=\"default\",outcome=\"success\",reason=\"start\"} 1.0")
                .contains("papi_broker_refresh_seconds_bucket{identity=\"default\",outcome=\"success\"")
                .contains("papi_broker_token_expires_in_seconds{identity=\"default\"} 5")
                .contains("papi_broker_backoff_seconds{identity=\"default\"} 0.0")
                .contains("papi_broker_clock_skew_excessive{identity=\"default\"} 1.0")
                .contains("papi_broker_token_requests_total{answer=\"ok\",identity=\"default\"} 1.0")
                .doesNotContain(lastIssued());
    }

    @Test
    void unknownRoutesAre404AndListTheRoutes() {
        issueTokensLiving(600);
        start(config());

        Answer answer = get("/tokens");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("error").asText()).contains("/token.json").contains("/readyz");
    }

    @Test
    void onceExchangesWritesTheSinksAndStops() throws Exception {
        issueTokensLiving(600);
        Path token = dir.resolve("token");
        Path header = dir.resolve("header");

        Map<String, SessionToken> tokens =
                BrokerServer.once(config().sinks(token, header).build());

        assertThat(tokens).containsOnlyKeys("default");
        assertThat(Files.readString(token)).isEqualTo(lastIssued());
        assertThat(Files.readString(header)).isEqualTo("Authorization: Snowflake Token=\"" + lastIssued() + "\"\n");
    }

    @Test
    void onceReportsWhyThereIsNoToken() {
        answer(aResponse()
                .withStatus(403)
                .withBody("{\"code\":\"390186\",\"message\":\"Role not granted\",\"success\":false}"));

        assertThatThrownBy(() -> BrokerServer.once(
                        config().sinks(dir.resolve("token"), null).build()))
                .isInstanceOf(TokenUnavailableException.class)
                .hasMessageStartingWith("identity default: no token: HTTP 403");
        assertThat(dir.resolve("token")).doesNotExist();
    }

    @Test
    void configurationMistakesAreNamedBeforeAnythingStarts() {
        assertThatThrownBy(() -> config().identity(identity("reporting"))
                        .sinks(dir.resolve("token"), null)
                        .build())
                .hasMessageContaining("{identity}");
        assertThatThrownBy(() ->
                        config().listen(new InetSocketAddress("0.0.0.0", 0)).build())
                .hasMessageContaining("TLS (--tls-cert, --tls-key)");
        assertThatThrownBy(() -> BrokerServer.start(BrokerConfig.builder()
                        .identity(identity("x"))
                        .listen(new InetSocketAddress("127.0.0.1", 0))
                        .build()))
                .hasMessageContaining("needs the broker's secret");
        assertThatThrownBy(() -> config().noCallerAuth()
                        .listen(new InetSocketAddress("0.0.0.0", 0))
                        .build())
                .hasMessageContaining("--no-caller-auth is for loopback");
        assertThatThrownBy(() -> BrokerConfig.builder()
                        .identity(identity("x"))
                        .noCallerAuth()
                        .proxyAuth()
                        .build())
                .hasMessageContaining("--proxy-auth needs the broker's secret");
        assertThatThrownBy(() -> config().proxy(
                                new InetSocketAddress("127.0.0.1", 0), java.net.URI.create("http://example.com"))
                        .build())
                .hasMessageContaining("plain http to another machine");
        assertThatThrownBy(() -> config().identity(identity("default")).build()).hasMessageContaining("given twice");
        assertThatThrownBy(() -> config().authTokenFile(dir.resolve("missing"))).hasMessageContaining("does not exist");
    }
}
