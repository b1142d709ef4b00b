package io.papi.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outgoing connections on a listener's selectors are not the listener's: its connection limit ignores them. */
class OutboundConnectionsTest {
    private HttpServing serving;

    @AfterEach
    void stop() {
        if (serving != null) {
            serving.close();
        }
    }

    @Test
    void outgoingConnectionsDoNotCountAgainstTheListenersConnectionLimit() throws Exception {
        AtomicReference<OutboundConnections> outbound = new AtomicReference<>();
        serving = HttpServing.start(
                ServingConfig.builder("test", ServerAddress.tcp("127.0.0.1", 0))
                        .maxConnections(2)
                        .build(),
                new Handler.Abstract() {
                    @Override
                    public boolean handle(Request request, Response response, Callback callback) {
                        outbound.set((OutboundConnections)
                                request.getConnectionMetaData().getConnector());
                        response.write(true, ByteBuffer.wrap("ok".getBytes(StandardCharsets.UTF_8)), callback);
                        return true;
                    }
                });
        assertThat(get()).endsWith("ok");

        List<Connection> opened = new CopyOnWriteArrayList<>();
        try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CountDownLatch connected = new CountDownLatch(4);
            for (int i = 0; i < 4; i++) {
                outbound.get()
                        .connect(
                                new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.getLocalPort()),
                                endPoint -> {
                                    Connection connection =
                                            new AbstractConnection(
                                                    endPoint, outbound.get().executor()) {
                                                @Override
                                                public void onFillable() {}
                                            };
                                    opened.add(connection);
                                    connected.countDown();
                                    return connection;
                                },
                                failure -> {
                                    throw new AssertionError("connect failed", failure);
                                });
            }
            assertThat(connected.await(5, TimeUnit.SECONDS)).isTrue();

            // four outgoing connections open, a limit of two: callers still get in, one after another and together
            assertThat(get()).endsWith("ok");
            try (Socket first = new Socket("127.0.0.1", serving.port());
                    Socket second = new Socket("127.0.0.1", serving.port())) {
                assertThat(get(first)).endsWith("ok");
                assertThat(get(second)).endsWith("ok");
            }
            for (Connection connection : opened) {
                connection.close();
            }
            assertThat(get()).endsWith("ok");
        }

        // and their closing freed no slot of the listener's: with two callers connected, a third still waits
        try (Socket first = new Socket("127.0.0.1", serving.port());
                Socket second = new Socket("127.0.0.1", serving.port());
                Socket third = new Socket("127.0.0.1", serving.port())) {
            Thread.sleep(200);
            third.setSoTimeout(700);
            third.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThatThrownBy(() -> third.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    private String get() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", serving.port())) {
            return get(socket);
        }
    }

    /** One request that closes the connection, read to the end. */
    private static String get(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        OutputStream out = socket.getOutputStream();
        out.write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
