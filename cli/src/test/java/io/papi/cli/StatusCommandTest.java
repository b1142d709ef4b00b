package io.papi.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.papi.testing.SnowflakeTokenEndpoint;
import io.papi.testing.StubServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code papi status} against a real broker process holding one healthy identity and one whose JWT is rejected. */
class StatusCommandTest {
    private static final String TOKEN = "ver:1-hint:4711-ETMsDgAAAZstatusToken99";

    @RegisterExtension
    static WireMockExtension snowflake = StubServer.onFreePort();

    @RegisterExtension
    static WireMockExtension stub = StubServer.onFreePort();

    @TempDir
    Path home;

    @Test
    void showsTheHealthyAndTheFailingIdentityAndExitsOne() throws Exception {
        new CliRun(home).run("keygen", "--out", home.toString());
        Path key = home.resolve("rsa_key.p8");
        Path snowflakeHome = home.resolve("sf");
        ConnectionsToml.write(
                snowflakeHome,
                "[good]\naccount = \"myorg-acct\"\nuser = \"svc_good\"\nprivate_key_file = \"" + key + "\"\n"
                        + "papi_endpoint = \"good-myorg-acct.snowflakecomputing.app\"\n"
                        + "[bad]\naccount = \"myorg-acct\"\nuser = \"svc_bad\"\nprivate_key_file = \"" + key + "\"\n"
                        + "papi_endpoint = \"bad-myorg-acct.snowflakecomputing.app\"\n");
        snowflake.stubFor(post("/oauth/token")
                .withRequestBody(containing("good-myorg-acct"))
                .willReturn(aResponse().withStatus(200).withBody(TOKEN)));
        snowflake.stubFor(post("/oauth/token")
                .withRequestBody(containing("bad-myorg-acct"))
                .willReturn(SnowflakeTokenEndpoint.jwtInvalid()));

        try (PapiProcess broker = PapiProcess.start(
                home.resolve("broker.err"),
                Map.of(
                        "SNOWFLAKE_HOME",
                        snowflakeHome.toString(),
                        "PAPI_HOME",
                        home.resolve("papi").toString()),
                "io.papi.cli.PapiMain",
                "broker",
                "--identity",
                "good=good",
                "--identity",
                "bad=bad",
                "--token-url",
                SnowflakeTokenEndpoint.url(snowflake),
                "--listen",
                "127.0.0.1:0")) {
            broker.awaitServing();
            String url = broker.url("Broker");
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
            CliRun cli = new CliRun(home)
                    .env("PAPI_HOME", home.resolve("status-home").toString());
            String[] args = status(url, "off", "--json");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode report = JsonOutput.MAPPER.readTree(cli.run(args).out());
                return report.at("/broker/identities/0/expiresInSeconds").isNumber()
                        || report.at("/broker/identities/1/expiresInSeconds").isNumber();
            });

            CliRun.Result json = cli.run(args);
            CliRun.Result table = cli.run(status(url, "off"));

            assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
            JsonNode report = JsonOutput.MAPPER.readTree(json.out());
            assertThat(report.get("healthy").asBoolean()).isFalse();
            assertThat(report.at("/broker/health").asText()).isEqualTo("UNHEALTHY");
            JsonNode good = identity(report, "good");
            JsonNode bad = identity(report, "bad");
            assertThat(good.get("ready").asBoolean()).isTrue();
            assertThat(good.get("expiresInSeconds").asLong()).isBetween(60L, 600L);
            assertThat(good.get("lastRefreshAt").asText()).endsWith("Z");
            assertThat(good.get("nextRefreshAt").asText()).endsWith("Z");
            assertThat(good.get("consecutiveFailures").asInt()).isZero();
            assertThat(bad.get("ready").asBoolean()).isFalse();
            assertThat(bad.get("expiresInSeconds").isNull()).isTrue();
            assertThat(bad.get("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(bad.get("lastError").asText()).contains("JWT was rejected");
            assertThat(report.get("problems").toString()).contains("bad");
            assertThat(json.out()).doesNotContain(TOKEN);

            assertThat(table.exitCode()).isEqualTo(1);
            assertThat(table.out())
                    .contains("Broker  " + url + "  unhealthy")
                    .containsPattern("(?m)^  good +yes +\\d+m \\d+s +\\d+s ago +in \\d+m \\d+s +0 +-$")
                    .containsPattern("(?m)^  bad +NO +no token +- +in \\S+ +\\d+ +the JWT was rejected")
                    .contains("Local account  " + home.resolve("none") + "  -: no local account")
                    .contains("Unhealthy: broker: not ready: bad (");
        }
    }

    /** papi status asking {@code broker} and {@code api}, with a local-account folder that does not exist. */
    private String[] status(String broker, String api, String... extra) {
        return Args.of("status", "--broker", broker, "--api", api, "--local-dir", home.resolve("none"), extra);
    }

    private static JsonNode identity(JsonNode report, String name) {
        for (JsonNode identity : report.at("/broker/identities")) {
            if (identity.get("name").asText().equals(name)) {
                return identity;
            }
        }
        throw new AssertionError("no identity " + name + " in " + report);
    }

    @Test
    void sendsTheBrokersDefaultSecretAndReadsTheApisCacheFigures() throws Exception {
        Path papiHome = home.resolve("papi");
        Files.createDirectories(papiHome.resolve("broker"));
        Files.writeString(papiHome.resolve("broker/secret"), "c0ffee".repeat(8) + "\n");
        stub.stubFor(get("/readyz")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"ready\":true,\"identities\":[{\"identity\":\"default\",\"ready\":true,\"expires_in\":540,"
                                        + "\"expires_at\":\"2030-01-01T00:00:00Z\",\"consecutive_failures\":0}]}")));
        stub.stubFor(get("/metrics").willReturn(aResponse().withStatus(200).withBody("""
                # HELP papi_cache_lookups_total
                papi_cache_lookups_total{result="hit"} 30.0
                papi_cache_lookups_total{result="miss"} 10.0
                papi_cache_size 7.0
                papi_http_server_requests_seconds_count{method="GET",route="/customer/{ids}",status="200"} 40.0
                papi_http_server_requests_seconds_count{method="GET",route="/readyz",status="200"} 2.0
                """)));

        var result = new CliRun(home).env("PAPI_HOME", papiHome.toString()).run(status(stub.baseUrl(), stub.baseUrl()));

        result.succeeds();
        stub.verify(getRequestedFor(urlEqualTo("/readyz"))
                .withHeader("Authorization", equalTo("Bearer " + "c0ffee".repeat(8)))
                .withHeader("X-Papi-Broker", equalTo("1")));
        assertThat(result.out())
                .contains("requests 42; cache: 30 hits, 10 misses (75.0% hits), 7 users cached")
                .doesNotContain("c0ffee")
                .endsWith("Healthy.\n");
    }

    @Test
    void anApiBehindTokenAuthIsAskedForItsMetricsWithTheBrokersTokenWhichIsNeverShown() throws Exception {
        String token = "ver:1-hint:1-ETMsDgAAAZmetricsToken";
        stub.stubFor(
                get("/readyz").willReturn(aResponse().withStatus(200).withBody("{\"ready\":true,\"identities\":[]}")));
        stub.stubFor(get("/header")
                .withHeader("X-Papi-Broker", equalTo("1"))
                .willReturn(aResponse().withStatus(200).withBody("Authorization: Snowflake Token=\"" + token + "\"")));
        stub.stubFor(get("/metrics").willReturn(aResponse().withStatus(401).withBody("{\"error\":\"no token\"}")));
        stub.stubFor(get("/metrics")
                .withHeader("Authorization", equalTo("Snowflake Token=\"" + token + "\""))
                .willReturn(aResponse().withStatus(200).withBody("papi_cache_lookups_total{result=\"hit\"} 3.0\n")));

        var result = new CliRun(home).run(status(stub.baseUrl(), stub.baseUrl(), "--json"));

        JsonNode report = JsonOutput.MAPPER.readTree(result.out());
        assertThat(report.at("/api/cacheHits").asLong()).isEqualTo(3);
        assertThat(result.out() + result.err()).doesNotContain(token);
    }

    @Test
    void aBrokerNamedByFlagThatDoesNotAnswerIsUnhealthy() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        var result = new CliRun(home).run(status("http://127.0.0.1:" + port, "off"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("not running: nothing listens on 127.0.0.1:" + port);
    }

    @Test
    void aMissingSecretFileOrABadUrlIsAUsageError() {
        var missing = new CliRun(home)
                .run("status", "--auth-token-file", home.resolve("nope").toString(), "--api", "off");
        var badUrl = new CliRun(home).run("status", "--broker", "ftp://x", "--api", "off");

        missing.failsWith(2, "does not exist");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--broker 'ftp://x' is not an http(s) URL");
    }
}
