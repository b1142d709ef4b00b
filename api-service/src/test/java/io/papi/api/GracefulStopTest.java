package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GracefulStopTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static CompletableFuture<HttpResponse<String>> getAsync(ApiServer server, String path) {
        return CLIENT.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ApiServer start(FakeStore store) throws Exception {
        return ApiServer.start(
                ApiConfig.builder()
                        .host("127.0.0.1")
                        .port(0)
                        .storeTimeout(Duration.ofSeconds(5))
                        .build(),
                store,
                IngressAuth.none());
    }

    @Test
    void stopLetsRequestsInFlightFinishThenRefusesConnections() throws Exception {
        FakeStore store = new FakeStore().with("22", "[\"in flight\"]");
        store.delayMillis = 800;
        ApiServer server = start(store);
        int port = server.port();

        CompletableFuture<HttpResponse<String>> inFlight = getAsync(server, "/customer/22");
        await().atMost(Duration.ofSeconds(5)).until(() -> store.lookups.size() == 1);
        long start = System.nanoTime();
        server.stop(Duration.ofSeconds(5));
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        HttpResponse<String> answered = inFlight.get();
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("in flight");
        assertThat(stopMillis)
                .as("stop waits for the request, not the whole drain time")
                .isBetween(300L, 3_000L);
        assertThatThrownBy(() -> CLIENT.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void drainIsBoundedWhenARequestTakesLonger() throws Exception {
        FakeStore store = new FakeStore().with("22", "[]");
        store.delayMillis = 4_000;
        ApiServer server = start(store);

        CompletableFuture<HttpResponse<String>> inFlight = getAsync(server, "/customer/22");
        await().atMost(Duration.ofSeconds(5)).until(() -> store.lookups.size() == 1);
        long start = System.nanoTime();
        server.stop(Duration.ofMillis(300));
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(stopMillis).isLessThan(2_000L);
        assertThat(inFlight).failsWithin(Duration.ofSeconds(5));
    }

    @Test
    void stoppingTwiceIsHarmless() throws Exception {
        ApiServer server = start(new FakeStore());
        server.stop(Duration.ofMillis(100));
        server.stop(Duration.ofMillis(100));
        server.join();
    }
}
