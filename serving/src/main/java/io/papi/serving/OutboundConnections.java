package io.papi.serving;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;

/**
 * Outgoing TCP connections served by a listener's own selector threads, so that a relay reads the endpoint's answer
 * on the thread that also serves its caller: no hand-off between two selectors per request. Offered by every TCP
 * listener {@link HttpServing} starts; reach it from a request with
 * {@code request.getConnectionMetaData().getConnector()}.
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
}
