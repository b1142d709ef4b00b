package io.papi.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one serving setup: its deadlines, limits, socket mode and drain. */
class HttpServingTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServing serving;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (serving != null) {
            serving.close();
        }
    }

    private static Handler answering(String text) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                int length = Content.Source.asByteBuffer(request).remaining();
                response.write(true, ByteBuffer.wrap((text + length).getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        };
    }

    private ServingConfig.Builder loopback() {
        return ServingConfig.builder("test", ServerAddress.tcp("127.0.0.1", 0));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + serving.port() + path);
    }

    @Test
    void aClientThatTricklesItsHeadersIsClosedAtTheHeaderReadDeadline() throws Exception {
        serving = HttpServing.start(
                loopback()
                        .headerReadTimeout(Duration.ofMillis(500))
                        .idleTimeout(Duration.ofSeconds(20))
                        .build(),
                answering("ok "));
        try (Socket socket = new Socket("127.0.0.1", serving.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            int read = 0;
            // a byte every 100 ms keeps the connection from ever being idle
            for (int i = 0; i < 50 && read != -1; i++) {
                try {
                    out.write('X');
                    out.flush();
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(100);
                read = in.available() > 0 ? in.read() : 0;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aKeptAliveConnectionOutlivesTheHeaderReadDeadline() throws Exception {
        serving = HttpServing.start(
                loopback().headerReadTimeout(Duration.ofMillis(300)).build(), answering("ok "));
        try (Socket socket = new Socket("127.0.0.1", serving.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200");
            Thread.sleep(800);
            out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200");
        }
    }

    private static String readAnswer(InputStream in) throws Exception {
        StringBuilder answer = new StringBuilder();
        while (!answer.toString().endsWith("ok 0")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            answer.append((char) c);
        }
        return answer.toString();
    }

    @Test
    void anIdleConnectionIsClosedAtTheIdleTimeout() throws Exception {
        serving =
                HttpServing.start(loopback().idleTimeout(Duration.ofMillis(500)).build(), answering("ok "));
        try (Socket socket = new Socket("127.0.0.1", serving.port())) {
            socket.setSoTimeout(5_000);
            long started = System.nanoTime();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void bodiesAndHeadersOverTheLimitsGetOneJsonLine() throws Exception {
        serving = HttpServing.start(
                loopback().requestBodyBytes(1000).requestHeaderBytes(2048).build(), answering("ok "));

        HttpResponse<String> small =
                send(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.ofString("x".repeat(1000))));
        HttpResponse<String> big =
                send(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.ofString("x".repeat(1001))));
        HttpResponse<String> headers = send(HttpRequest.newBuilder(uri("/")).header("X-Big", "y".repeat(4000)));

        assertThat(small.body()).isEqualTo("ok 1000");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body())
                .startsWith("{\"error\":\"request body too large")
                .contains("\"reason\":\"body_too_large\"")
                .doesNotContain("\n");
        assertThat(headers.statusCode()).isEqualTo(431);
        assertThat(headers.body()).contains("\"reason\":\"headers_too_large\"");
    }

    @Test
    void connectionsBeyondTheLimitWaitUntilOneCloses() throws Exception {
        serving = HttpServing.start(loopback().maxConnections(2).build(), answering("ok "));
        try (Socket first = new Socket("127.0.0.1", serving.port());
                Socket second = new Socket("127.0.0.1", serving.port())) {
            Thread.sleep(200); // both accepted: the limit is reached and the server stops accepting
            CompletableFuture<HttpResponse<String>> third =
                    client.sendAsync(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
            assertThat(third).isNotDone();
            first.close();
            assertThat(third.get(5, TimeUnit.SECONDS).body()).isEqualTo("ok 0");
        }
    }

    @Test
    void aUnixSocketIsOwnerOnlyAndRemovedOnStop() throws Exception {
        Path socket = dir.resolve("sub").resolve("test.sock");
        serving = HttpServing.start(
                ServingConfig.builder("test", ServerAddress.unix(socket)).build(), answering("ok "));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                .isEqualTo("rwx------");
        assertThat(serving.describe()).isEqualTo("unix:" + socket);
        assertThatThrownBy(() -> HttpServing.start(
                        ServingConfig.builder("again", ServerAddress.unix(socket))
                                .build(),
                        answering("")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("another server answers on it");
        serving.close();
        assertThat(socket).doesNotExist();
    }

    @Test
    void aTakenPortIsNamed() throws Exception {
        serving = HttpServing.start(loopback().build(), answering("ok "));
        int port = serving.port();
        assertThatThrownBy(() -> HttpServing.start(
                        ServingConfig.builder("again", ServerAddress.tcp(new InetSocketAddress("127.0.0.1", port)))
                                .build(),
                        answering("")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void stopAnswersTheRequestInFlightAndDoesNotWaitWhenThereIsNone() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        serving = HttpServing.start(loopback().build(), new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                entered.countDown();
                release.await(10, TimeUnit.SECONDS);
                response.write(true, ByteBuffer.wrap("done".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        CompletableFuture<HttpResponse<String>> inFlight =
                client.sendAsync(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> serving.stop(Duration.ofSeconds(10)));
        Thread.sleep(300);
        assertThat(stopping).isNotDone();
        release.countDown();
        assertThat(inFlight.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
        stopping.get(10, TimeUnit.SECONDS);

        HttpServing idle = HttpServing.start(loopback().build(), answering("ok "));
        long started = System.nanoTime();
        idle.stop(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
