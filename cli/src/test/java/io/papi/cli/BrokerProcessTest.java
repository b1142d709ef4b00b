package io.papi.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.papi.broker.KeyFiles;
import io.papi.broker.KeyPairs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code papi broker} as its own process: serving, proxying, SIGHUP reloading the key, SIGTERM draining to exit 0. */
class BrokerProcessTest {
    private static final String TOKEN = "ver:1-hint:4711-ETMsDgAAAZprocessToken42";
    private static final Pattern ADDRESS = Pattern.compile("^(Broker|Proxy): +http://127\\.0\\.0\\.1:(\\d+)");

    @RegisterExtension
    static WireMockExtension snowflake = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @RegisterExtension
    static WireMockExtension ingress = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path home;

    @Test
    void servesProxiesReloadsTheKeyOnSighupAndExitsZeroOnSigterm() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill(1)");
        new CliRun(home).run("keygen", "--out", home.toString());
        Path key = home.resolve("rsa_key.p8");
        snowflake.stubFor(
                post("/oauth/token").willReturn(aResponse().withStatus(200).withBody(TOKEN)));
        ingress.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("proxied")));
        Path stderr = home.resolve("broker.err");
        ProcessBuilder launch = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dorg.slf4j.simpleLogger.log.io.papi=info",
                        "io.papi.cli.Papi",
                        "broker",
                        "--account",
                        "myorg-myacct",
                        "--user",
                        "svc_data_api",
                        "--private-key",
                        key.toString(),
                        "--endpoint",
                        "abc-myorg-myacct.snowflakecomputing.app",
                        "--token-url",
                        snowflake.baseUrl() + "/oauth/token",
                        "--listen",
                        "127.0.0.1:0",
                        "--proxy-listen",
                        "127.0.0.1:0",
                        "--proxy-to",
                        ingress.baseUrl())
                .redirectError(stderr.toFile());
        launch.environment().put("PAPI_HOME", home.resolve("papi-home").toString()); // never the real ~/.papi
        Process broker = launch.start();
        List<String> out = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out.add(line);
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.start();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> out.stream().anyMatch(l -> l.startsWith("Serving until")));
            int apiPort = port(out, "Broker");
            int proxyPort = port(out, "Proxy");
            HttpClient http = HttpClient.newHttpClient();

            Path secretFile = home.resolve("papi-home").resolve("broker").resolve("secret");
            assertThat(out).anyMatch(l -> l.startsWith("Secret:  " + secretFile));
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)))
                    .isEqualTo("rw-------");
            String secret = Files.readString(secretFile);
            assertThat(secret).matches("[0-9a-f]{64}");
            assertThat(Files.readString(stderr)).contains(secretFile.toString()).doesNotContain(secret);
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/token"))
                            .header("X-Papi-Broker", "1")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> token = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/token"))
                            .header("X-Papi-Broker", "1")
                            .header("Authorization", "Bearer " + secret)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(401);
            HttpResponse<String> proxied = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + "/customer/1"))
                            .build(),
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
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readString(stderr).contains("SIGHUP: keys reloaded"));
            assertThat(Files.readString(stderr)).contains("new key");
            assertThat(broker.isAlive()).isTrue();

            // kill(1) rather than Process.destroy(), which also closes our end of the child's stdout
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(broker.pid()))
                            .start()
                            .waitFor(10, TimeUnit.SECONDS))
                    .isTrue();
            assertThat(broker.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
            assertThat(broker.exitValue()).as(String.join("\n", out)).isZero();
            assertThat(out).as(Files.readString(stderr)).contains("Stopped.");
            assertThat(Files.readString(stderr)).contains("broker stopped").doesNotContain(TOKEN);
        } finally {
            broker.destroyForcibly();
        }
    }

    private static int port(List<String> lines, String which) {
        for (String line : lines) {
            Matcher m = ADDRESS.matcher(line);
            if (m.find() && m.group(1).equals(which)) {
                return Integer.parseInt(m.group(2));
            }
        }
        throw new AssertionError("no " + which + " line in " + lines);
    }
}
