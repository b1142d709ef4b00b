package io.papi.serving;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection that has not delivered its first request's headers within the deadline. The idle timeout
 * alone does not: a client that trickles one byte every few seconds is never idle, and would hold the connection
 * (and a slot under the connection limit) for as long as it likes. Later requests on a kept-alive connection are
 * bounded by the idle timeout.
 */
final class HeaderReadTimeout implements Connection.Listener {
    private final Scheduler scheduler;
    private final long millis;

    HeaderReadTimeout(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.millis = timeout.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof SslConnection) {
            return; // the HTTP connection inside it gets its own deadline, which covers the handshake too
        }
        scheduler.schedule(
                () -> {
                    if (connection.getMessagesIn() <= 0
                            && connection.getEndPoint().isOpen()) {
                        connection.getEndPoint().close();
                    }
                },
                millis,
                TimeUnit.MILLISECONDS);
    }
}
