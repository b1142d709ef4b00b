package io.papi.broker.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Stopping answers the requests in flight first, and does not wait when there are none. */
class HttpListenerTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void closeAnswersARequestInFlightBeforeStopping() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpListener listener = HttpListener.start(new InetSocketAddress("127.0.0.1", 0), 2, "test", Duration.ofSeconds(10), exchange -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Replies.text(exchange, 200, "text/plain", "done");
        });
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(listener::close);
        // closing waits for the request for as long as it is held
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !closing.isDone());
        release.countDown();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
        closing.get(10, TimeUnit.SECONDS);
    }

    @Test
    void closeWithNothingInFlightIsImmediate() throws Exception {
        HttpListener listener = HttpListener.start(new InetSocketAddress("127.0.0.1", 0), 2, "test", Duration.ofSeconds(30),
                exchange -> Replies.text(exchange, 200, "text/plain", "ok"));
        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());

        long started = System.nanoTime();
        listener.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }
}
