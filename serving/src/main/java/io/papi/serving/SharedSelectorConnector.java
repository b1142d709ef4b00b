package io.papi.serving;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Jetty's TCP connector, whose selectors also serve the outgoing connections a handler opens through
 * {@link OutboundConnections}. Those are not the listener's: the connection limit, the header-read deadline and
 * the connector's own bookkeeping see only accepted ones.
 */
final class SharedSelectorConnector extends ServerConnector implements OutboundConnections {
    private record Outbound(Function<EndPoint, Connection> connection, Consumer<Throwable> failed) {}

    SharedSelectorConnector(Server server, int acceptors, int selectors, ConnectionFactory... factories) {
        super(server, acceptors, selectors, factories);
    }

    @Override
    protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
        Manager manager = new Manager(executor, scheduler, selectors);
        manager.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        return manager;
    }

    @Override
    public void connect(
            InetSocketAddress address, Function<EndPoint, Connection> connection, Consumer<Throwable> failed) {
        Manager manager = (Manager) getSelectorManager();
        Outbound outbound = new Outbound(connection, failed);
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            manager.outbound.add(channel);
            if (channel.connect(address)) {
                manager.accept(channel, outbound);
            } else {
                manager.connect(channel, outbound);
            }
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                manager.outbound.remove(channel);
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // it never carried anything
                }
            }
            failed.accept(e);
        }
    }

    @Override
    public ByteBufferPool byteBufferPool() {
        return getByteBufferPool();
    }

    @Override
    public Executor executor() {
        return getExecutor();
    }

    @Override
    public Scheduler scheduler() {
        return getScheduler();
    }

    private final class Manager extends ServerConnectorManager {
        /** Channels opened by {@link #connect}, until their endpoint closes. */
        private final Set<Object> outbound = ConcurrentHashMap.newKeySet();

        Manager(Executor executor, Scheduler scheduler, int selectors) {
            super(executor, scheduler, selectors);
        }

        @Override
        public Connection newConnection(SelectableChannel channel, EndPoint endpoint, Object attachment)
                throws IOException {
            if (attachment instanceof Outbound out) {
                return out.connection().apply(endpoint);
            }
            return super.newConnection(channel, endpoint, attachment);
        }

        @Override
        protected void connectionFailed(SelectableChannel channel, Throwable failure, Object attachment) {
            if (!failedOutbound(channel, failure, attachment)) {
                super.connectionFailed(channel, failure, attachment);
            }
        }

        @Override
        protected void onAccepting(SelectableChannel channel) {
            if (!outbound.contains(channel)) {
                super.onAccepting(channel);
            }
        }

        @Override
        protected void onAccepted(SelectableChannel channel) {
            if (!outbound.contains(channel)) {
                super.onAccepted(channel);
            }
        }

        @Override
        protected void onAcceptFailed(SelectableChannel channel, Throwable failure, Object attachment) {
            if (!failedOutbound(channel, failure, attachment)) {
                super.onAcceptFailed(channel, failure, attachment);
            }
        }

        /** An outgoing connection that failed to open is its opener's to report; false for an accepted one. */
        private boolean failedOutbound(SelectableChannel channel, Throwable failure, Object attachment) {
            if (attachment instanceof Outbound out) {
                outbound.remove(channel);
                out.failed().accept(failure);
                return true;
            }
            return false;
        }

        @Override
        protected void endPointOpened(EndPoint endpoint) {
            if (!outbound.contains(endpoint.getTransport())) {
                super.endPointOpened(endpoint);
            }
        }

        @Override
        protected void endPointClosed(EndPoint endpoint) {
            if (!outbound.remove(endpoint.getTransport())) {
                super.endPointClosed(endpoint);
            }
        }
    }
}
