package io.papi.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;

/** A {@link BrokerServer} on an ephemeral loopback port, in real time, with WireMock as Snowflake's /oauth/token. */
abstract class RunningBrokerTest extends TokenEndpointTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The broker's secret in these tests; {@link #tokenRequest} sends it. */
    static final String SECRET = "test-secret-0123456789abcdef";

    BrokerServer broker;
    final OkHttpClient http = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(20))
            .followRedirects(false)
            .build();

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
        http.connectionPool().evictAll();
    }

    Identity identity(String name) {
        return stubIdentity(name, "svc_" + name.replace('-', '_'), stubExchange(Duration.ofSeconds(5)))
                .privateKeyFile(keyFile)
                .build();
    }

    /** One identity "default", ephemeral port, the test secret, a quick drain. */
    BrokerConfig.Builder config() {
        return config(identity("default"));
    }

    /** {@code identity} alone, ephemeral port, the test secret, a quick drain. */
    BrokerConfig.Builder config(Identity identity) {
        return BrokerConfig.builder()
                .identity(identity)
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
