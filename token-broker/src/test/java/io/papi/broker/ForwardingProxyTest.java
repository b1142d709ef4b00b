package io.papi.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The forwarding proxy against WireMock standing in for the SPCS ingress, which answers a missing or stale token
 * with 401 or with a 302 to Snowflake's login page.
 */
class ForwardingProxyTest extends RunningBrokerTest {
    private static final String LOGIN =
            "https://myorg-myacct.snowflakecomputing.com/oauth/authorize?client_id=abc&response_type=code";

    @RegisterExtension
    static WireMockExtension ingress = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private BrokerConfig.Builder withProxy() {
        return config().proxy(new InetSocketAddress("127.0.0.1", 0), URI.create(ingress.baseUrl()));
    }

    private String proxyUrl(String pathAndQuery) {
        return "http://127.0.0.1:" + broker.proxyPort() + pathAndQuery;
    }

    /** Tokens that live ten minutes, and the broker started with the proxy in front of the WireMock ingress. */
    private void startProxy() {
        issueTokensLiving(600);
        start(withProxy());
    }

    private Request.Builder proxyRequest(String pathAndQuery) {
        return new Request.Builder().url(proxyUrl(pathAndQuery));
    }

    /** A plain GET of {@code pathAndQuery} through the proxy. */
    private Answer proxyGet(String pathAndQuery) {
        return call(proxyRequest(pathAndQuery).build());
    }

    private String heldToken() {
        return broker.broker().source("default").get(Duration.ZERO).value();
    }

    private static String authorization(String token) {
        return "Snowflake Token=\"" + token + "\"";
    }

    private int ingressCalls() {
        return ingress.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
    }

    @Test
    void forwardsTheRequestWithTheTokenInPlaceOfTheCallersCredentials() {
        startProxy();
        ingress.stubFor(post(urlEqualTo("/customer/1,2?fields=all"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("X-Answer", "yes")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true}")));

        Answer answer = call(proxyRequest("/customer/1,2?fields=all")
                .header("Authorization", "Bearer callers-own")
                .header("X-Papi-Broker", "1")
                .header("Connection", "X-Trace")
                .header("X-Trace", "hop")
                .header("X-Custom", "kept")
                .post(RequestBody.create("{\"q\":1}", MediaType.get("application/json")))
                .build());

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).isEqualTo("{\"ok\":true}");
        assertThat(answer.header("X-Answer")).isEqualTo("yes");
        ingress.verify(postRequestedFor(urlEqualTo("/customer/1,2?fields=all"))
                .withHeader("Authorization", equalTo(authorization(heldToken())))
                .withHeader("X-Custom", equalTo("kept"))
                .withHeader("X-Trace", absent())
                .withHeader("X-Papi-Broker", absent())
                .withHeader("Host", equalTo("localhost:" + ingress.getPort()))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalTo("{\"q\":1}")));
    }

    @Test
    void cookiesPassNeitherWay() {
        startProxy();
        ingress.stubFor(WireMock.get("/customer/1")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Set-Cookie", "session=abc; HttpOnly")
                        .withHeader("X-Kept", "1")
                        .withBody("{}")));

        Answer answer = call(
                proxyRequest("/customer/1").header("Cookie", "session=callers").build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Set-Cookie")).isNull();
        assertThat(answer.header("X-Kept")).isEqualTo("1");
        ingress.verify(WireMock.getRequestedFor(urlEqualTo("/customer/1")).withHeader("Cookie", absent()));
    }

    @Test
    void aCookieTheEndpointSetIsNotSentUpWithTheNextCallersRequest() {
        startProxy();
        ingress.stubFor(WireMock.get("/login-ish")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Set-Cookie", "session=first-callers; Path=/")
                        .withBody("{}")));
        ingress.stubFor(WireMock.get("/customer/2")
                .willReturn(aResponse().withStatus(200).withBody("{}")));

        Answer first = proxyGet("/login-ish");
        Answer second = proxyGet("/customer/2");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        ingress.verify(WireMock.getRequestedFor(urlEqualTo("/customer/2")).withHeader("Cookie", absent()));
    }

    @Test
    void aCrossOriginRefererIsRefusedLikeACrossOriginOrigin() {
        startProxy();
        ingress.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        Answer referer = call(proxyRequest("/customer/1")
                .header("Referer", "https://evil.example/x")
                .build());
        Answer origin = call(proxyRequest("/customer/1")
                .header("Origin", "https://evil.example")
                .build());
        Answer rebound = call(proxyRequest("/customer/1")
                .header("Host", "cafe:" + broker.proxyPort())
                .build());
        Answer sameOrigin = call(proxyRequest("/customer/1")
                .header("Referer", "http://127.0.0.1:" + broker.proxyPort() + "/test")
                .build());

        assertThat(referer.status()).isEqualTo(403);
        assertThat(referer.json().get("reason").asText()).isEqualTo("cross_origin_referer");
        assertThat(origin.json().get("reason").asText()).isEqualTo("cross_origin");
        assertThat(rebound.json().get("reason").asText()).isEqualTo("bad_host");
        assertThat(sameOrigin.status()).isEqualTo(200);
        assertThat(ingressCalls()).isEqualTo(1);
    }

    @Test
    void streamsALargeAnswerThroughUnchanged() {
        startProxy();
        heldToken(); // a token in hand: a GET takes the asynchronous path
        byte[] big = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(big);
        ingress.stubFor(
                WireMock.get("/export").willReturn(aResponse().withStatus(200).withBody(big)));

        try (var response = http.newCall(proxyRequest("/export").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(Arrays.equals(response.body().bytes(), big)).isTrue();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void after401TheRequestIsSentOnceMoreWithAFreshToken() {
        startProxy();
        String stale = heldToken();
        ingress.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("fresh ok")));
        ingress.stubFor(post("/customer/1")
                .withHeader("Authorization", equalTo(authorization(stale)))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"session expired\"}")));

        Answer answer = call(proxyRequest("/customer/1")
                .post(RequestBody.create("body", null))
                .build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("fresh ok");
        assertThat(exchanges()).isEqualTo(2);
        assertThat(ingressCalls()).isEqualTo(2);
        ingress.verify(2, postRequestedFor(urlEqualTo("/customer/1")).withRequestBody(equalTo("body")));
        assertThat(heldToken()).isNotEqualTo(stale);
    }

    @Test
    void aRedirectToTheLoginPageIsTreatedLikeA401() {
        startProxy();
        String stale = heldToken();
        ingress.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
        ingress.stubFor(WireMock.get("/customer/1")
                .withHeader("Authorization", equalTo(authorization(stale)))
                .willReturn(aResponse().withStatus(302).withHeader("Location", LOGIN)));

        Answer answer = proxyGet("/customer/1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(ingressCalls()).isEqualTo(2);
        assertThat(exchanges()).isEqualTo(2);
    }

    @Test
    void withoutATokenInHandAGetTakesThePoolAndStillWorks() {
        startProxy();
        ingress.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("first")));

        Answer answer = proxyGet("/customer/1"); // may arrive before the first token

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("first");
    }

    @Test
    void aRedirectWithinTheEndpointIsRelayedAsItIs() {
        startProxy();
        ingress.stubFor(
                WireMock.get("/customer").willReturn(aResponse().withStatus(302).withHeader("Location", "/customer/")));

        Answer answer = proxyGet("/customer");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo("/customer/");
        assertThat(ingressCalls()).isEqualTo(1);
        assertThat(exchanges()).isEqualTo(1);
    }

    @Test
    void aSecond401IsRelayedNotLoopedOn() {
        startProxy();
        heldToken();
        ingress.stubFor(
                any(anyUrl()).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"role not allowed\"}")));

        Answer answer = proxyGet("/customer/1");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("role not allowed");
        assertThat(ingressCalls()).isEqualTo(2);
    }

    @Test
    void aBodyTooLargeToHoldIsStreamedOnceAndNotRetried() throws Exception {
        startProxy();
        ingress.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
        Path upload = dir.resolve("upload.bin");
        byte[] data = new byte[2 * 1024 * 1024 + 17];
        new Random(11).nextBytes(data);
        Files.write(upload, data);

        Answer answer = call(proxyRequest("/bulk")
                .put(RequestBody.create(upload.toFile(), MediaType.get("application/octet-stream")))
                .build());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(ingressCalls()).isEqualTo(1);
        byte[] received = ingress.getAllServeEvents().get(0).getRequest().getBody();
        assertThat(Arrays.equals(received, data)).isTrue();
    }

    @Test
    void anUnreachableEndpointIsA502() throws Exception {
        issueTokensLiving(600);
        // the port stays bound while the broker and the proxy pick their own ports, so neither can be given it
        // (a proxy sent to itself would time out instead of answering 502); closed only once they listen
        try (ServerSocket socket = new ServerSocket(0)) {
            int closedPort = socket.getLocalPort();
            start(config().proxy(new InetSocketAddress("127.0.0.1", 0), URI.create("http://127.0.0.1:" + closedPort)));
        }
        heldToken();

        Answer answer = proxyGet("/customer/1");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().get("error").asText()).contains("could not be reached");
    }

    @Test
    void aSlowEndpointIsA504AfterTheProxyTimeout() {
        issueTokensLiving(600);
        start(withProxy().proxyTimeout(Duration.ofMillis(300)));
        heldToken();
        ingress.stubFor(
                WireMock.get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));

        Answer answer = proxyGet("/slow");

        assertThat(answer.status()).isEqualTo(504);
    }

    @Test
    void withoutATokenTheProxyAnswers503AndDoesNotCallTheEndpoint() {
        answer(aResponse().withStatus(401).withBody("{\"error\":\"invalid_grant\"}"));
        start(withProxy());

        Answer answer = proxyGet("/customer/1");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("reason").asText()).isEqualTo("no_token");
        assertThat(answer.json().get("error").asText()).contains("the JWT was rejected");
        assertThat(ingressCalls()).isZero();
    }

    @Test
    void withASecretTheProxyWantsProxyAuthorizationAndKeepsItToItself() throws Exception {
        issueTokensLiving(600);
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "proxy-secret-42", StandardCharsets.UTF_8);
        start(withProxy().authTokenFile(secret).proxyAuth());
        ingress.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        Answer refused = proxyGet("/customer/1");
        Answer allowed = call(proxyRequest("/customer/1")
                .header("Proxy-Authorization", "Bearer proxy-secret-42")
                .build());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("reason").asText()).isEqualTo("proxy_unauthorized");
        assertThat(allowed.status()).isEqualTo(200);
        ingress.verify(1, anyRequestedFor(anyUrl()).withHeader("Proxy-Authorization", absent()));
    }

    @Test
    void proxiedRequestsAreCountedInTheMetrics() {
        startProxy();
        ingress.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        proxyGet("/customer/1");

        assertThat(broker.metrics())
                .contains(
                        "papi_broker_proxy_requests_total{identity=\"default\",retried=\"false\",status=\"2xx\"} 1.0");
    }
}
