package io.papi.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.papi.broker.AccountIdentifier;
import io.papi.broker.BrokerConfig;
import io.papi.broker.BrokerServer;
import io.papi.broker.Identity;
import io.papi.broker.TokenExchange;
import io.papi.broker.TokenScope;
import io.papi.testing.SnowflakeTokenEndpoint;
import io.papi.testing.StubServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code papi call} against WireMock as Snowflake's /oauth/token and as the SPCS ingress. */
class CallCommandTest extends KeyedHomeTest {
    @RegisterExtension
    static WireMockExtension snowflake = StubServer.onFreePort();

    @RegisterExtension
    static WireMockExtension ingress = StubServer.onFreePort();

    private CliRun.Result mintingCall(String... tail) {
        return cli.run(Args.of(
                "call", serviceUser("myorg-myacct"), "--token-url", SnowflakeTokenEndpoint.url(snowflake), tail));
    }

    private static void issue(String token) {
        SnowflakeTokenEndpoint.issues(snowflake, token);
    }

    /** papi call GET {@code path} with a minted {@code token}, the ingress answering {@code status} and {@code body}. */
    private CliRun.Result mintingGet(String token, String path, int status, String body) {
        issue(token);
        ingress.stubFor(get(path).willReturn(aResponse().withStatus(status).withBody(body)));
        return mintingCall(ingress.baseUrl() + path);
    }

    /** The service user's identity for a broker, scoped to the ingress and exchanging at the stub. */
    private Identity identity() {
        return Identity.builder("default")
                .account(AccountIdentifier.parse("myorg-myacct"))
                .user(SERVICE_USER)
                .privateKeyFile(privateKey())
                .scope(TokenScope.forEndpoint("localhost:" + ingress.getPort()))
                .exchange(TokenExchange.builder()
                        .tokenUrl(URI.create(SnowflakeTokenEndpoint.url(snowflake)))
                        .build())
                .build();
    }

    @Test
    void mintsATokenForTheUrlsHostAndPrintsTheBodyAlone() {
        var result = mintingGet("ver:1-hint:4711-ETMsDgAAAZcallToken01", "/customer/1", 200, "[{\"id\":1}]");

        result.succeeds();
        assertThat(result.out()).isEqualTo("[{\"id\":1}]");
        assertThat(result.err()).isEmpty();
        snowflake.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withFormParam("scope", equalTo("localhost:" + ingress.getPort())));
        ingress.verify(getRequestedFor(urlEqualTo("/customer/1"))
                .withHeader("Authorization", equalTo("Snowflake Token=\"ver:1-hint:4711-ETMsDgAAAZcallToken01\"")));
    }

    @Test
    void sendsTheMethodBodyAndHeadersAsCurlWould() {
        issue("ver:1-hint:4711-ETMsDgAAAZcallToken02");
        ingress.stubFor(put("/items/7").willReturn(aResponse().withStatus(204)));

        var result = mintingCall(
                "-X",
                "put",
                "-d",
                "{\"a\":1}",
                "-H",
                "Content-Type: application/json",
                "-H",
                "X-Trace: t1",
                "--role",
                "DATA_API_ROLE",
                ingress.baseUrl() + "/items/7");

        result.succeeds();
        ingress.verify(putRequestedFor(urlEqualTo("/items/7"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-Trace", equalTo("t1"))
                .withRequestBody(equalTo("{\"a\":1}")));
    }

    @Test
    void anHttpErrorPrintsTheBodyAndExitsOneWithOneLine() {
        var result =
                mintingGet("ver:1-hint:4711-ETMsDgAAAZcallToken03", "/customer/x", 400, "{\"error\":\"bad id x\"}");

        result.failsWith(1, "HTTP 400 from GET http://localhost:" + ingress.getPort() + "/customer/x");
        assertThat(result.out()).isEqualTo("{\"error\":\"bad id x\"}");
    }

    @Test
    void aRedirectToTheLoginPageIsAnErrorThatSaysSo() {
        issue("ver:1-hint:4711-ETMsDgAAAZcallToken04");
        ingress.stubFor(get("/customer/1")
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "https://myorg-myacct.snowflakecomputing.com/oauth/authorize?x=1")));

        var result = mintingCall(ingress.baseUrl() + "/customer/1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("a login page: the endpoint did not accept the token");
        assertThat(result.err()).doesNotContain("callToken04");
    }

    @Test
    void withABrokerTheTokenComesFromItAndA401GetsOneRetryWithAFreshToken() throws Exception {
        snowflake.stubFor(post("/oauth/token")
                .inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody("ver:1-hint:4711-ETMsDgAAAZstaleToken"))
                .willSetStateTo("second"));
        snowflake.stubFor(post("/oauth/token")
                .inScenario("tokens")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(200).withBody("ver:1-hint:4711-ETMsDgAAAZfreshToken")));
        ingress.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
        ingress.stubFor(get("/customer/1")
                .withHeader("Authorization", equalTo("Snowflake Token=\"ver:1-hint:4711-ETMsDgAAAZstaleToken\""))
                .willReturn(aResponse().withStatus(401)));

        // the broker's default secret, which papi call reads by itself
        String secret = io.papi.broker.BrokerSecret.readOrCreate(
                io.papi.broker.BrokerSecret.defaultFile(home.resolve(".papi")));
        try (BrokerServer broker = BrokerServer.start(BrokerConfig.builder()
                .identity(identity())
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .authToken(secret)
                .drain(Duration.ZERO)
                .build())) {
            var result =
                    cli.run("call", "--broker", "http://127.0.0.1:" + broker.port(), ingress.baseUrl() + "/customer/1");

            result.succeeds();
            assertThat(result.out()).isEqualTo("ok");
            assertThat(ingress.countRequestsMatching(anyRequestedFor(anyUrl()).build())
                            .getCount())
                    .isEqualTo(2);
            assertThat(snowflake
                            .countRequestsMatching(
                                    postRequestedFor(urlEqualTo("/oauth/token")).build())
                            .getCount())
                    .isEqualTo(2);
        }
    }

    @Test
    void aBrokerOnAUnixSocketGivesTheTokenWithoutASecret() throws Exception {
        issue("ver:1-hint:4711-ETMsDgAAAZsocketToken");
        ingress.stubFor(get("/customer/1")
                .withHeader("Authorization", equalTo("Snowflake Token=\"ver:1-hint:4711-ETMsDgAAAZsocketToken\""))
                .willReturn(aResponse().withStatus(200).withBody("via socket")));
        java.nio.file.Path socket = home.resolve("run").resolve("broker.sock");

        try (BrokerServer broker = BrokerServer.start(BrokerConfig.builder()
                .identity(identity())
                .listen(io.papi.serving.ServerAddress.unix(socket))
                .drain(Duration.ZERO)
                .build())) {
            var result = cli.run("call", "--broker", "unix:" + socket, ingress.baseUrl() + "/customer/1");

            result.succeeds();
            assertThat(result.out()).isEqualTo("via socket");
        }
    }

    @Test
    void aBrokerThatIsNotRunningIsOneLine() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        var result = cli.run("call", "--broker", "http://127.0.0.1:" + closed, ingress.baseUrl() + "/customer/1");

        result.failsWith(1, "cannot reach the broker", "papi broker");
    }

    @Test
    void aTokenIsNeverSentOverPlainHttpToAnotherMachine() {
        var result = mintingCall("http://example.com/customer/1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("refusing to send a session token over plain http to example.com");
        assertThat(snowflake
                        .countRequestsMatching(
                                postRequestedFor(urlEqualTo("/oauth/token")).build())
                        .getCount())
                .isZero();
    }

    @Test
    void badFlagsAreOneLineUsageErrors() {
        var authorization = mintingCall("-H", "Authorization: Bearer x", ingress.baseUrl() + "/");
        var notAHeader = mintingCall("-H", "no colon", ingress.baseUrl() + "/");
        var getWithBody = mintingCall("-X", "GET", "-d", "x=1", ingress.baseUrl() + "/");

        assertThat(authorization.exitCode()).isEqualTo(2);
        assertThat(authorization.err()).contains("sends the session token itself");
        assertThat(notAHeader.err()).contains("is not a header: write it as 'Name: value'");
        assertThat(getWithBody.err()).contains("-d sends a body");
        assertThat(getWithBody.oneLineError()).isTrue();
    }
}
