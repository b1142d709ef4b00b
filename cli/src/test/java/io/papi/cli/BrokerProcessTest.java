package io.papi.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.papi.broker.KeyFiles;
import io.papi.broker.KeyPairs;
import io.papi.testing.SnowflakeTokenEndpoint;
import io.papi.testing.StubServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code papi broker} as its own process: serving, proxying, SIGHUP reloading the key, SIGTERM draining to exit 0. */
class BrokerProcessTest extends KeyedHomeTest {
    private static final String TOKEN = "ver:1-hint:4711-ETMsDgAAAZprocessToken42";

    @RegisterExtension
    static WireMockExtension snowflake = StubServer.onFreePort();

    @RegisterExtension
    static WireMockExtension ingress = StubServer.onFreePort();

    /** kill(1), and coreutils' env that can set a signal's disposition for the process it runs (8.31 or later). */
    private static void assumeSignalTools() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill(1)");
        Process probe = new ProcessBuilder("env", "--default-signal=HUP", "--ignore-signal=HUP", "true").start();
        assumeTrue(probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0, "needs env --default-signal");
    }

    /**
     * {@code papi broker} for the service user, on a free port, run by {@code env SIGNAL_OPTION} (which sets the
     * disposition of SIGHUP it starts with), in a PAPI_HOME of this test's (never the real ~/.papi).
     */
    private PapiProcess startBroker(Path stderr, String signalOption, String... extra) throws Exception {
        return PapiProcess.start(
                stderr,
                Map.of("PAPI_HOME", home.resolve("papi-home").toString()),
                List.of("env", signalOption),
                Args.of(
                        "-Dorg.slf4j.simpleLogger.log.io.papi=info",
                        "io.papi.cli.Papi",
                        "broker",
                        serviceUser("myorg-myacct"),
                        "--endpoint",
                        "abc-myorg-myacct.snowflakecomputing.app",
                        "--token-url",
                        SnowflakeTokenEndpoint.url(snowflake),
                        "--listen",
                        "127.0.0.1:0",
                        extra));
    }

    @Test
    void aBrokerStartedWithSighupIgnoredSaysSoInsteadOfPromisingAReload() throws Exception {
        assumeSignalTools();
        SnowflakeTokenEndpoint.issues(snowflake, TOKEN);
        Path stderr = home.resolve("broker.err");
        try (PapiProcess broker = startBroker(stderr, "--ignore-signal=HUP")) { // as nohup starts it
            broker.awaitServing();

            assertThat(broker.out())
                    .filteredOn(l -> l.startsWith("Serving until"))
                    .singleElement()
                    .asString()
                    .contains("SIGHUP is ignored")
                    .contains("5 s check")
                    .doesNotContain("SIGHUP reloads");
            // and SIGHUP does not end it: the disposition it was started with is kept
            Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(broker.pid())).start();
            assertThat(hup.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(500);
            assertThat(broker.isAlive()).isTrue();
        }
    }

    @Test
    void servesProxiesReloadsTheKeyOnSighupAndExitsZeroOnSigterm() throws Exception {
        assumeSignalTools();
        Path key = privateKey();
        SnowflakeTokenEndpoint.issues(snowflake, TOKEN);
        ingress.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("proxied")));
        Path stderr = home.resolve("broker.err");
        // SIGHUP as a shell gives it, even when this build was started with it ignored (nohup mvn ...)
        try (PapiProcess broker = startBroker(
                stderr, "--default-signal=HUP", "--proxy-listen", "127.0.0.1:0", "--proxy-to", ingress.baseUrl())) {
            broker.awaitServing();
            List<String> out = broker.out();
            String apiUrl = broker.url("Broker");
            String proxyUrl = broker.url("Proxy");
            assertThat(List.of(apiUrl, proxyUrl)).allMatch(u -> u.matches("http://127\\.0\\.0\\.1:\\d+"));
            HttpClient http = HttpClient.newHttpClient();

            Path secretFile = home.resolve("papi-home").resolve("broker").resolve("secret");
            assertThat(out).anyMatch(l -> l.startsWith("Secret:  " + secretFile));
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)))
                    .isEqualTo("rw-------");
            String secret = Files.readString(secretFile);
            assertThat(secret).matches("[0-9a-f]{64}");
            assertThat(Files.readString(stderr)).contains(secretFile.toString()).doesNotContain(secret);
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(URI.create(apiUrl + "/token"))
                            .header("X-Papi-Broker", "1")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> token = http.send(
                    HttpRequest.newBuilder(URI.create(apiUrl + "/token"))
                            .header("X-Papi-Broker", "1")
                            .header("Authorization", "Bearer " + secret)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(401);
            HttpResponse<String> proxied = http.send(
                    HttpRequest.newBuilder(URI.create(proxyUrl + "/customer/1")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(token.body()).isEqualTo(TOKEN);
            assertThat(proxied.body()).isEqualTo("proxied");
            ingress.verify(getRequestedFor(urlEqualTo("/customer/1"))
                    .withHeader("Authorization", equalTo("Snowflake Token=\"" + TOKEN + "\"")));

            KeyFiles.writePrivateKey(
                    key, (RSAPrivateCrtKey) KeyPairs.generate(2048).getPrivate(), null);
            Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(broker.pid())).start();
            assertThat(hup.waitFor(10, TimeUnit.SECONDS)).isTrue();
            try {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> Files.readString(stderr).contains("SIGHUP: keys reloaded"));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(
                        "no 'SIGHUP: keys reloaded' within 30 s; broker alive: " + broker.isAlive() + "; its stderr:\n"
                                + Files.readString(stderr) + "\nits stdout:\n" + String.join("\n", out),
                        e);
            }
            assertThat(Files.readString(stderr)).contains("new key");
            assertThat(broker.isAlive()).isTrue();

            // kill(1) rather than Process.destroy(), which also closes our end of the child's stdout
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(broker.pid()))
                            .start()
                            .waitFor(10, TimeUnit.SECONDS))
                    .isTrue();
            assertThat(broker.awaitExit(Duration.ofSeconds(30))).isTrue();
            assertThat(broker.exitValue()).as(String.join("\n", out)).isZero();
            assertThat(out).as(Files.readString(stderr)).contains("Stopped.");
            assertThat(Files.readString(stderr)).contains("broker stopped").doesNotContain(TOKEN);
        }
    }
}
