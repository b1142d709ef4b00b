package io.papi.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection whose answer completes on another thread reads its next request on that thread when the server
 * is non-blocking throughout (no hand-off to the pool), and on the pool otherwise; either way every request on
 * the connection is answered, in order.
 */
class InlineResumeTest {
    private static final String COMPLETER = "answer-completer";

    private final ExecutorService completer = Executors.newSingleThreadExecutor(r -> new Thread(r, COMPLETER));
    private final List<String> handlerThreads = new CopyOnWriteArrayList<>();
    private HttpServing serving;

    @AfterEach
    void stop() throws InterruptedException {
        if (serving != null) {
            serving.close();
        }
        completer.shutdownNow();
        completer.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * Answers {@code n} (the request's number) from the completer thread, as the proxy answers from its client, a
     * little later, so that the handler has normally returned by then (an answer completed before the handler
     * returns lets Jetty go on with the next request on the handler's own thread, with no resume at all).
     */
    private boolean answerLater(Response response, Callback callback, int n) {
        handlerThreads.add(Thread.currentThread().getName());
        completer.execute(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.write(true, ByteBuffer.wrap(("answer " + n).getBytes(StandardCharsets.US_ASCII)), callback);
        });
        return true;
    }

    private Handler nonBlocking() {
        AtomicInteger count = new AtomicInteger();
        return new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return answerLater(response, callback, count.incrementAndGet());
            }
        };
    }

    private Handler blocking() {
        AtomicInteger count = new AtomicInteger();
        return new Handler.Abstract() { // BLOCKING: Jetty may not run it on a thread that must not block
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return answerLater(response, callback, count.incrementAndGet());
            }
        };
    }

    private void start(Handler handler) throws Exception {
        serving = HttpServing.start(
                ServingConfig.builder("resume", ServerAddress.tcp("127.0.0.1", 0))
                        .build(),
                handler);
    }

    /** Three requests in one write (pipelined), then the three answers read back. */
    private String pipelineThree() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", serving.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String get = "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            out.write((get + get + get.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
            }
            return all.toString(StandardCharsets.US_ASCII);
        }
    }

    @Test
    void aNonBlockingServerReadsTheNextRequestOnTheThreadThatAnsweredTheLastOne() throws Exception {
        start(nonBlocking());
        boolean resumedOnCompleter = false;
        for (int attempt = 0; attempt < 5 && !resumedOnCompleter; attempt++) {
            handlerThreads.clear();

            String answers = pipelineThree();

            assertThat(answers).containsSubsequence("answer 1", "answer 2", "answer 3");
            assertThat(handlerThreads).hasSize(3);
            String selector = handlerThreads.get(0); // the first request is handled where it was read
            assertThat(selector).startsWith("papi-resume");
            // never on a third thread (a pool thread woken to resume): on the completer, or, when an answer
            // completed before its handler returned, where Jetty went on by itself
            assertThat(handlerThreads.subList(1, 3))
                    .allSatisfy(name -> assertThat(name).isIn(COMPLETER, selector));
            resumedOnCompleter = handlerThreads.get(1).equals(COMPLETER);
        }
        assertThat(resumedOnCompleter)
                .as("the second request was read on the thread that completed the first answer")
                .isTrue();
    }

    @Test
    void aBlockingServerHandsTheConnectionBackToItsPool() throws Exception {
        start(blocking());

        String answers = pipelineThree();

        assertThat(answers).containsSubsequence("answer 1", "answer 2", "answer 3");
        assertThat(handlerThreads)
                .hasSize(3)
                .allSatisfy(name -> assertThat(name).startsWith("papi-resume"));
    }

    @Test
    void keptAliveConnectionsStayInOrderUnderManySequentialRequests() throws Exception {
        start(nonBlocking());
        try (Socket socket = new Socket("127.0.0.1", serving.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 1; i <= 200; i++) {
                out.write("GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readOneAnswer(in)).endsWith("answer " + i);
            }
        }
    }

    /** One answer with a Content-Length, read to its last byte. */
    private static String readOneAnswer(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("connection closed mid-answer").isNotEqualTo(-1);
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return headers + new String(body, StandardCharsets.US_ASCII);
    }
}
