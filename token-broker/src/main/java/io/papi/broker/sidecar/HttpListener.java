package io.papi.broker.sidecar;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpServer} on a fixed pool of named threads, with a drain that ends as soon as the requests in
 * flight are answered (JDK 17's {@code HttpServer.stop(delay)} always waits the whole delay).
 *
 * <p>{@code sun.net.httpserver.nodelay} is set before the server is created: without it the JDK server leaves
 * Nagle's algorithm on and every small response waits about 40 ms for the client's delayed ACK.
 */
public final class HttpListener implements AutoCloseable {
    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Duration drain;

    private HttpListener(HttpServer server, ThreadPoolExecutor pool, Duration drain) {
        this.server = server;
        this.pool = pool;
        this.drain = drain;
    }

    /**
     * Binds {@code address} and serves every path with {@code handler} on {@code threads} threads named
     * {@code papi-<name>-<n>}.
     *
     * @param drain how long {@link #close()} waits for requests in flight
     */
    public static HttpListener start(InetSocketAddress address, int threads, String name, Duration drain, HttpHandler handler)
            throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(address, 128);
        AtomicInteger sequence = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "papi-" + name + "-" + sequence.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpListener listener = new HttpListener(server, pool, drain);
        server.setExecutor(pool);
        server.createContext("/", listener.counting(handler));
        server.start();
        return listener;
    }

    private HttpHandler counting(HttpHandler handler) {
        return exchange -> {
            active.incrementAndGet();
            try {
                if (draining.get()) {
                    refuseWhileDraining(exchange);
                } else {
                    handler.handle(exchange);
                }
            } finally {
                active.decrementAndGet();
                exchange.close();
            }
        };
    }

    private static void refuseWhileDraining(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Connection", "close");
        Replies.error(exchange, 503, "stopping", "the broker is shutting down");
    }

    /** The port bound, useful after binding port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Answers the requests in flight (for at most the drain time), then stops listening. */
    @Override
    public void close() {
        draining.set(true);
        long deadline = System.nanoTime() + drain.toNanos();
        while (active.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
