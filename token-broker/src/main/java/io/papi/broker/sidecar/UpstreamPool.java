package io.papi.broker.sidecar;

import io.papi.serving.OutboundConnections;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Deque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The proxy's kept-alive connections to the endpoint, opened on the proxy listener's own selectors. A request takes
 * the connection used last (its socket is warm), else opens one, up to {@code maxConnections}; past that it waits
 * for the next one to come free, up to {@link #MAX_WAITING} requests.
 */
final class UpstreamPool implements AutoCloseable {
    static final int MAX_WAITING = 4096;

    private final String host;
    private final int port;
    private final SslContextFactory.Client tls;
    private final long timeoutMillis;
    private final int maxConnections;
    private final Deque<UpstreamConnection> idle = new ConcurrentLinkedDeque<>();
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final Set<UpstreamConnection> all = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A request waiting for a connection, with its deadline. */
    private static final class Waiting {
        final OutboundConnections outbound;
        final UpstreamExchange exchange;
        volatile Scheduler.Task deadline;

        Waiting(OutboundConnections outbound, UpstreamExchange exchange) {
            this.outbound = outbound;
            this.exchange = exchange;
        }
    }

    /**
     * @param tls for an https endpoint: started, verifying the endpoint's certificate and host name; null for http
     */
    UpstreamPool(String host, int port, SslContextFactory.Client tls, long timeoutMillis, int maxConnections) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.timeoutMillis = timeoutMillis;
        this.maxConnections = maxConnections;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    /** Sends {@code exchange}'s request on a free connection, a new one, or the next to come free. */
    void send(OutboundConnections outbound, UpstreamExchange exchange) {
        if (closed) {
            exchange.failed(new IOException("the proxy is stopping"), false);
            return;
        }
        UpstreamConnection free = pollIdle();
        if (free != null) {
            free.send(exchange);
            return;
        }
        if (reserve()) {
            connect(outbound, exchange);
            return;
        }
        if (waitingCount.incrementAndGet() > MAX_WAITING) {
            waitingCount.decrementAndGet();
            exchange.failed(
                    new RejectedExecutionException(
                            MAX_WAITING + " requests already wait for a connection to the endpoint"),
                    false);
            return;
        }
        Waiting queued = new Waiting(outbound, exchange);
        waiting.add(queued);
        queued.deadline = outbound.scheduler().schedule(() -> expire(queued), timeoutMillis, TimeUnit.MILLISECONDS);
        // a connection, or a slot for one, may have come free while this request was being queued
        free = pollIdle();
        if (free != null) {
            release(free);
        }
        serveWaiting();
    }

    /** A request that waited the whole timeout for a connection gets the endpoint's 504. */
    private void expire(Waiting late) {
        if (waiting.remove(late)) {
            waitingCount.decrementAndGet();
            late.exchange.failed(
                    new TimeoutException("no connection to the endpoint came free in " + timeoutMillis + " ms"), false);
        }
    }

    private boolean reserve() {
        while (true) {
            int now = open.get();
            if (now >= maxConnections) {
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    private UpstreamConnection pollIdle() {
        UpstreamConnection connection;
        while ((connection = idle.pollFirst()) != null) {
            if (connection.getEndPoint().isOpen()) {
                return connection;
            }
        }
        return null;
    }

    private Waiting pollWaiting() {
        Waiting next = waiting.poll();
        if (next != null) {
            waitingCount.decrementAndGet();
            Scheduler.Task deadline = next.deadline;
            if (deadline != null) {
                deadline.cancel();
            }
        }
        return next;
    }

    /** Takes {@code connection} out of the idle ones; false when a request has just taken it. */
    boolean removeIdle(UpstreamConnection connection) {
        return idle.remove(connection);
    }

    /** Opens a connection for {@code exchange}, on a pool thread: resolving the endpoint's name may block. */
    private void connect(OutboundConnections outbound, UpstreamExchange exchange) {
        try {
            outbound.executor().execute(() -> {
                InetSocketAddress address = new InetSocketAddress(host, port);
                if (address.isUnresolved()) {
                    connectFailed(
                            outbound, exchange, new IOException("cannot resolve the endpoint's host name " + host));
                    return;
                }
                outbound.connect(
                        address,
                        endPoint -> newConnection(outbound, endPoint, exchange),
                        failure -> connectFailed(outbound, exchange, failure));
            });
        } catch (RejectedExecutionException e) {
            connectFailed(outbound, exchange, e);
        }
    }

    private Connection newConnection(OutboundConnections outbound, EndPoint endPoint, UpstreamExchange exchange) {
        if (tls == null) {
            return new UpstreamConnection(endPoint, outbound.executor(), this, exchange);
        }
        SSLEngine engine = tls.newSSLEngine(host, port);
        engine.setUseClientMode(true);
        SslConnection ssl =
                new SslConnection(outbound.byteBufferPool(), outbound.executor(), tls, endPoint, engine, true, true);
        EndPoint decrypted = ssl.getSslEndPoint();
        UpstreamConnection connection = new UpstreamConnection(decrypted, outbound.executor(), this, exchange);
        decrypted.setConnection(connection);
        ssl.addHandshakeListener(new SslHandshakeListener() {
            @Override
            public void handshakeFailed(Event event, Throwable failure) {
                connection.transportFailed(failure);
            }
        });
        return ssl;
    }

    private void connectFailed(OutboundConnections outbound, UpstreamExchange exchange, Throwable failure) {
        open.decrementAndGet();
        exchange.failed(failure, false);
        serveWaiting();
    }

    void opened(UpstreamConnection connection) {
        all.add(connection);
        if (closed) {
            connection.close();
        }
    }

    /** {@code connection} finished an answer and may serve the next request. */
    void release(UpstreamConnection connection) {
        if (closed) {
            connection.close();
            return;
        }
        Waiting next = pollWaiting();
        if (next != null) {
            connection.send(next.exchange);
        } else {
            idle.push(connection);
        }
    }

    void closed(UpstreamConnection connection) {
        if (all.remove(connection)) {
            idle.remove(connection);
            open.decrementAndGet();
            serveWaiting();
        }
    }

    /** A connection slot came free: a waiting request opens a connection of its own. */
    private void serveWaiting() {
        if (closed || waiting.isEmpty() || !reserve()) {
            return;
        }
        Waiting next = pollWaiting();
        if (next == null) {
            open.decrementAndGet();
            return;
        }
        connect(next.outbound, next.exchange);
    }

    @Override
    public void close() {
        closed = true;
        for (UpstreamConnection connection : all) {
            connection.close();
        }
        Waiting next;
        while ((next = pollWaiting()) != null) {
            next.exchange.failed(new IOException("the proxy is stopping"), false);
        }
    }
}
