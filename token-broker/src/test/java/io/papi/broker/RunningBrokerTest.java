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
import io.papi.testing.TestKeys;
import io.papi.testing.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A {@link BrokerServer} on an ephemeral loopback port, in real time, with WireMock as Snowflake's /oauth/token. */
abstract class RunningBrokerTest {
    static final TokenScope SCOPE = new TokenScope("DATA_API_ROLE", "abcd-myorg-myacct.snowflakecomputing.app");
    static final TokenIssuer ISSUER = new TokenIssuer();
    static final ObjectMapper JSON = new ObjectMapper();
    /** The broker's secret in these tests; {@link #tokenRequest} sends it. */
    static final String SECRET = "test-secret-0123456789abcdef";

    @RegisterExtension
    static WireMockExtension snowflake = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(ISSUER))
            .build();

    @TempDir
    Path dir;

    Path keyFile;
    BrokerServer broker;
    final OkHttpClient http = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(20))
            .followRedirects(false)
            .build();

    @BeforeEach
    void writeKey() {
        ISSUER.useClock(Clock.systemUTC());
        keyFile = dir.resolve("rsa_key.p8");
        KeyFiles.writePrivateKey(keyFile, TestKeys.privateKey(), null);
    }

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
        http.connectionPool().evictAll();
    }

    Identity identity(String name) {
        return Identity.builder(name)
                .account(AccountIdentifier.parse("myorg-myacct"))
                .user("svc_" + name.replace('-', '_'))
                .privateKeyFile(keyFile)
                .scope(SCOPE)
                .exchange(TokenExchange.builder()
                        .tokenUrl(URI.create(snowflake.baseUrl() + "/oauth/token"))
                        .timeout(Duration.ofSeconds(5))
                        .build())
                .build();
    }

    /** One identity "default", ephemeral port, the test secret, a quick drain. */
    BrokerConfig.Builder config() {
        return BrokerConfig.builder()
                .identity(identity("default"))
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .authToken(SECRET)
                .drain(Duration.ofMillis(500));
    }

    BrokerServer start(BrokerConfig.Builder config) {
        try {
            broker = BrokerServer.start(config.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return broker;
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

    String brokerUrl(String pathAndQuery) {
        return "http://127.0.0.1:" + broker.port() + pathAndQuery;
    }

    /** A request to the token API with the broker header and the secret. */
    Request.Builder tokenRequest(String pathAndQuery) {
        return new Request.Builder()
                .url(brokerUrl(pathAndQuery))
                .header("X-Papi-Broker", "1")
                .header("Authorization", "Bearer " + SECRET);
    }

    Answer call(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(
                    response.code(),
                    response.body() == null ? "" : response.body().string(),
                    response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer get(String pathAndQuery) {
        return call(tokenRequest(pathAndQuery).build());
    }

    /** What came back: status, body, and the response for its headers. */
    record Answer(int status, String body, Response response) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return response.header(name);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
