package io.papi.serving;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Outgoing TCP connections served by a listener's own selector threads, so that a relay can read the endpoint's
 * answer on the thread that also serves its caller, with no hand-off between selectors per request. Offered by every
 * TCP listener {@link HttpServing} starts; reach it from a request with
 * {@code request.getConnectionMetaData().getConnector()}.
 *
 * <p>New connections go to the listener's selectors in turn. With one selector (Jetty's choice up to three cores)
 * caller and endpoint connections always share its thread; with more, a pooled connection serves callers of any
 * selector, and a request whose two connections sit on different selectors is handed over once, as before.
 */
public interface OutboundConnections {
    /** How long a connect may take. */
    long CONNECT_TIMEOUT_MILLIS = 10_000;

    /**
     * Connects to {@code address} without blocking; {@code connection} makes the connection that serves the new
     * endpoint, on a selector thread. Exactly one of the two is called: {@code connection}, or {@code failed} with
     * why the connect failed (a {@link java.net.SocketTimeoutException} after {@link #CONNECT_TIMEOUT_MILLIS}).
     */
    void connect(InetSocketAddress address, Function<EndPoint, Connection> connection, Consumer<Throwable> failed);

    /** The listener's buffer pool, for the connections' buffers. */
    ByteBufferPool byteBufferPool();

    /** The listener's threads, for work that may block. */
    Executor executor();

    /** The listener's timer, for deadlines. */
    Scheduler scheduler();
}
