package io.papi.broker;

import static io.papi.broker.testing.ScriptedEndpoint.withLength;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.broker.sidecar.BrokerMetrics;
import io.papi.broker.testing.ScriptedEndpoint;
import io.papi.serving.HttpServing;
import io.papi.serving.PemTls;
import io.papi.serving.ServerAddress;
import io.papi.serving.ServingConfig;
import io.papi.testing.Openssl;
import io.papi.testing.Resources;
import io.papi.testing.TestTls;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy's connections to the endpoint, against endpoints that misbehave on cue: kept-alive connections closed
 * under it, answers framed every way HTTP/1.1 allows or cut short, more callers than connections, and TLS.
 */
class ProxyTransportTest extends RunningBrokerTest {
    private ForwardingProxy proxy;
    private ScriptedEndpoint endpoint;
    private HttpServing tlsEndpoint;

    @AfterEach
    void stopProxy() throws Exception {
        Resources.closeAll(proxy, endpoint, tlsEndpoint);
    }

    private void proxyTo(ScriptedEndpoint.Script script) throws IOException {
        proxyTo(script, Duration.ofSeconds(5));
    }

    private void proxyTo(ScriptedEndpoint.Script script, Duration timeout) throws IOException {
        endpoint = new ScriptedEndpoint(script);
        proxyTo(URI.create("http://127.0.0.1:" + endpoint.port()), null, timeout);
    }

    private void proxyTo(URI target, X509TrustManager trust) throws IOException {
        proxyTo(target, trust, Duration.ofSeconds(5));
    }

    private void proxyTo(URI target, X509TrustManager trust, Duration timeout) throws IOException {
        issueTokensLiving(600);
        start(config());
        RefreshingTokenSource tokens = broker.broker().source("default");
        tokens.get(Duration.ZERO);
        proxy = ForwardingProxy.start(
                new InetSocketAddress("127.0.0.1", 0),
                target,
                tokens,
                null,
                null,
                timeout,
                8,
                Duration.ofMillis(200),
                new BrokerMetrics(Clock.systemUTC()),
                trust);
    }

    private Answer proxied(String method, String path) {
        Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + proxy.port() + path);
        request.method(method, method.equals("POST") ? RequestBody.create(new byte[0]) : null);
        return call(request.build());
    }

    private static boolean write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        return true;
    }

    @Test
    void requestsOneAfterAnotherShareOneConnectionAndCarryTheToken() throws IOException {
        proxyTo((request, out) -> {
            out.write(withLength(200, "{\"n\":" + request.number() + "}", "Content-Type: application/json"));
            return true;
        });

        for (int i = 1; i <= 20; i++) {
            Answer answer = proxied("GET", "/customer/" + i + "?k=v");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"n\":" + i + "}");
        }

        assertThat(endpoint.connections()).isEqualTo(1);
        String head = endpoint.requests().get(19).head();
        assertThat(head).startsWith("GET /customer/20?k=v HTTP/1.1\r\n");
        assertThat(head).contains("\r\nHost: 127.0.0.1:" + endpoint.port() + "\r\n");
        assertThat(head).contains("\r\nAuthorization: Snowflake Token=\"");
    }

    @Test
    void aKeptAliveConnectionTheEndpointDropsAsTheNextRequestArrivesIsReplacedForAGet() throws IOException {
        // every connection answers its first request, then closes on the second without a word
        proxyTo((request, out) ->
                request.number() == 1 && write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));

        assertThat(proxied("GET", "/a").body()).isEqualTo("ok");
        Answer second = proxied("GET", "/b");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("ok");
        assertThat(endpoint.connections()).isEqualTo(2);
        assertThat(endpoint.requests())
                .extracting(r -> r.head().substring(0, 6))
                .containsExactly("GET /a", "GET /b", "GET /b");
    }

    @Test
    void aPostIsNotSentTwiceWhenTheConnectionDropsUnderIt() throws IOException {
        proxyTo((request, out) ->
                request.number() == 1 && write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));

        assertThat(proxied("GET", "/warm").status()).isEqualTo(200);
        Answer post = proxied("POST", "/orders");

        assertThat(post.status()).isEqualTo(502);
        assertThat(post.json().get("reason").asText()).isEqualTo("upstream_unreachable");
        assertThat(endpoint.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .hasSize(1);
        assertThat(endpoint.requests().get(1).head()).contains("\r\nContent-Length: 0\r\n");
    }

    @Test
    void chunkedAndCloseDelimitedAnswersArriveWhole() throws IOException {
        proxyTo((request, out) -> {
            if (request.head().startsWith("GET /chunked")) {
                return write(
                        out,
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\n\r\n");
            }
            write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end");
            return false;
        });

        assertThat(proxied("GET", "/chunked").body()).isEqualTo("hello world");
        assertThat(proxied("GET", "/close").body()).isEqualTo("until the end");
        assertThat(proxied("GET", "/chunked").body()).isEqualTo("hello world");
        assertThat(endpoint.connections()).isEqualTo(2);
    }

    @Test
    void anInterimAnswerIsSkippedAndHeadAnd204KeepTheConnectionInStep() throws IOException {
        proxyTo((request, out) -> switch (request.method()) {
            case "HEAD" -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nETag: \"v1\"\r\n\r\n");
            case "DELETE" -> write(out, "HTTP/1.1 204 No Content\r\n\r\n");
            default -> write(out, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfinal");
        });

        Answer head = proxied("HEAD", "/item/1");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo("\"v1\"");
        assertThat(head.body()).isEmpty();
        Answer deleted = proxied("DELETE", "/item/1");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        Answer get = proxied("GET", "/item/1");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("final");
        assertThat(endpoint.connections()).isEqualTo(1);
    }

    @Test
    void anAnswerCutShortBreaksTheCallersAnswerAndTheNextRequestStillWorks() throws IOException {
        proxyTo((request, out) -> {
            if (request.head().startsWith("GET /short")) {
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b");
                return false;
            }
            return write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        });

        assertThatThrownBy(() -> proxied("GET", "/short")).isInstanceOf(UncheckedIOException.class);
        assertThat(proxied("GET", "/next").body()).isEqualTo("ok");
    }

    @Test
    void aCallerThatLeavesMidAnswerHasTheEndpointConnectionClosedAndTheNextCallerIsServed() throws Exception {
        CountDownLatch cutOff = new CountDownLatch(1);
        proxyTo((request, out) -> {
            if (!request.head().startsWith("GET /endless")) {
                return write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = Integer.toHexString(16 * 1024) + "\r\n" + "x".repeat(16 * 1024) + "\r\n";
            try {
                for (int i = 0; i < 2_000; i++) { // 32 MiB at most, a part every 5 ms
                    write(out, chunk);
                    out.flush();
                    Thread.sleep(5);
                }
            } catch (IOException closedByTheProxy) {
                cutOff.countDown();
            }
            return false;
        });

        try (Socket caller = new Socket("127.0.0.1", proxy.port())) {
            caller.setSoTimeout(5_000);
            caller.getOutputStream()
                    .write(("GET /endless HTTP/1.1\r\nHost: 127.0.0.1:" + proxy.port() + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(caller.getInputStream().readNBytes(64 * 1024)).hasSize(64 * 1024);
        } // the caller goes away

        assertThat(cutOff.await(5, TimeUnit.SECONDS))
                .as("the endpoint's connection closed")
                .isTrue();
        assertThat(proxied("GET", "/next").body()).isEqualTo("ok");
    }

    @Test
    void anAnswerThatClosesTheConnectionIsNotReused() throws IOException {
        proxyTo((request, out) -> {
            if (request.head().startsWith("GET /v10")) {
                write(out, "HTTP/1.0 200 OK\r\nContent-Length: 4\r\n\r\nv1.0");
            } else if (request.method().equals("GET")) {
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\nlast");
            } else {
                write(out, "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");
            }
            Thread.sleep(50); // as a real server, it closes a moment after answering, not before the proxy reads
            return false;
        });

        assertThat(proxied("GET", "/a").body()).isEqualTo("last");
        assertThat(proxied("POST", "/orders").status()).isEqualTo(201);
        assertThat(proxied("GET", "/v10").body()).isEqualTo("v1.0");
        assertThat(proxied("POST", "/orders").status()).isEqualTo(201);
        assertThat(endpoint.connections()).isEqualTo(4);
        assertThat(endpoint.requests()).hasSize(4);
    }

    @Test
    void aTimeoutOnAKeptAliveConnectionIsA504AndTheRequestIsNotSentTwice() throws Exception {
        proxyTo(
                (request, out) -> {
                    if (request.number() == 2) {
                        Thread.sleep(1_500);
                    }
                    return write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                },
                Duration.ofMillis(300));

        assertThat(proxied("GET", "/warm").status()).isEqualTo(200);
        Answer slow = proxied("GET", "/slow");

        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.json().get("reason").asText()).isEqualTo("upstream_timeout");
        Thread.sleep(300);
        assertThat(endpoint.requests())
                .extracting(r -> r.head().substring(0, 9))
                .containsExactly("GET /warm", "GET /slow");
    }

    @Test
    void aBodyThatBreaksAfterTheHeadersEndsTheCallersAnswerAtOnce() throws IOException {
        proxyTo((request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nnot-a-size\r\n");
            out.flush();
            Thread.sleep(3_000); // and keeps the connection open
            return false;
        });

        long start = System.nanoTime();
        assertThatThrownBy(() -> proxied("GET", "/broken")).isInstanceOf(UncheckedIOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aHeadAfterEarlyHintsHasNoBodyAndTheConnectionStaysInStep() throws IOException {
        proxyTo((request, out) -> request.method().equals("HEAD")
                ? write(
                        out,
                        "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
                                + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n")
                : write(out, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nafter"));

        Answer head = proxied("HEAD", "/item/1");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(proxied("GET", "/item/1").body()).isEqualTo("after");
        assertThat(endpoint.connections()).isEqualTo(1);
    }

    @Test
    void aRequestThatFindsNoFreeConnectionWithinTheTimeoutIsA504() throws Exception {
        CountDownLatch busy = new CountDownLatch(8);
        proxyTo(
                (request, out) -> {
                    if (request.head().startsWith("GET /trickle")) {
                        write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                        out.flush();
                        busy.countDown();
                        for (int i = 0; i < 20; i++) { // one byte every 100 ms: never idle, never done for 2 s
                            write(out, "1\r\nx\r\n");
                            out.flush();
                            Thread.sleep(100);
                        }
                        return write(out, "0\r\n\r\n");
                    }
                    return write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                },
                Duration.ofMillis(400));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                callers.submit(() -> proxied("GET", "/trickle"));
            }
            assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue(); // all eight connections are taken

            Answer waited = proxied("GET", "/quick");

            assertThat(waited.status()).isEqualTo(504);
            assertThat(waited.json().get("error").asText()).contains("no connection to the endpoint came free");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anAnswerThatIsNotHttpIsA502WithAReason() throws IOException {
        proxyTo((request, out) -> write(out, "SSH-2.0-OpenSSH_9.2\r\n\r\n"));

        Answer answer = proxied("GET", "/customer/1");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().get("reason").asText()).isEqualTo("upstream_unreachable");
        assertThat(answer.json().get("error").asText()).contains("not valid HTTP/1.1");
    }

    @Test
    void moreCallersThanConnectionsWaitTheirTurn() throws Exception {
        proxyTo((request, out) -> {
            Thread.sleep(20);
            out.write(withLength(200, "r" + request.connection() + "." + request.number()));
            return true;
        });
        ExecutorService callers = Executors.newFixedThreadPool(32);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 96; i++) {
                answers.add(callers.submit(() -> proxied("GET", "/customer/1")));
            }
            for (Future<Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(endpoint.requests()).hasSize(96);
        assertThat(endpoint.connections()).isBetween(2, 8);
    }

    @Test
    void anHttpsEndpointIsReachedOnlyWhenItsCertificateIsTrusted() throws Exception {
        new Openssl(dir).selfSigned("papi-endpoint", "tls.crt", "tls.key");
        tlsEndpoint = HttpServing.start(
                ServingConfig.builder("endpoint", ServerAddress.tcp(new InetSocketAddress("127.0.0.1", 0)))
                        .tls(new PemTls(dir.resolve("tls.crt"), dir.resolve("tls.key")))
                        .build(),
                new Handler.Abstract.NonBlocking() {
                    @Override
                    public boolean handle(
                            org.eclipse.jetty.server.Request request,
                            org.eclipse.jetty.server.Response response,
                            org.eclipse.jetty.util.Callback callback) {
                        String seen = request.getHeaders().get(HttpHeader.AUTHORIZATION);
                        Content.Sink.write(response, true, "secure " + (seen != null), callback);
                        return true;
                    }
                });
        URI target = URI.create("https://127.0.0.1:" + tlsEndpoint.port());

        proxyTo(target, TestTls.trusting(dir.resolve("tls.crt")));
        Answer trusted = proxied("GET", "/customer/1");
        assertThat(trusted.status()).isEqualTo(200);
        assertThat(trusted.body()).isEqualTo("secure true");
        proxy.close();
        broker.close();

        proxyTo(target, null); // the JDK's trust store has never heard of this certificate
        Answer untrusted = proxied("GET", "/customer/1");
        assertThat(untrusted.status()).isEqualTo(502);
        assertThat(untrusted.json().get("reason").asText()).isEqualTo("upstream_unreachable");
        assertThat(untrusted.json().get("error").asText()).contains("could not be reached", "SSLHandshakeException");
    }
}
