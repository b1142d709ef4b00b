package io.papi.broker.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 endpoint on raw sockets that answers from a script, byte for byte: for what a real server rarely does
 * on cue (closing a kept-alive connection as the next request arrives, cutting an answer short, chunked and
 * close-delimited bodies, broken status lines). Request bodies are not read.
 */
public final class ScriptedEndpoint implements AutoCloseable {
    /** Answers one request; false closes the connection afterwards. */
    public interface Script {
        boolean answer(Request request, OutputStream out) throws IOException, InterruptedException;
    }

    /** The {@code number}-th request (from 1) on the {@code connection}-th connection (from 1), and its head. */
    public record Request(int connection, int number, String head) {
        public String method() {
            return head.substring(0, head.indexOf(' '));
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public ScriptedEndpoint(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Requests read so far, in order. */
    public List<Request> requests() {
        return requests;
    }

    /** A complete answer with a {@code Content-Length}. */
    public static byte[] withLength(int status, String body, String... headers) {
        StringBuilder text = new StringBuilder("HTTP/1.1 " + status + " Status\r\n");
        for (String header : headers) {
            text.append(header).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        text.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        return concat(text.toString().getBytes(StandardCharsets.ISO_8859_1), bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                int number = connections.incrementAndGet();
                Thread serving = new Thread(() -> serve(socket, number), "scripted-endpoint-" + number);
                serving.setDaemon(true);
                serving.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int number = 1; ; number++) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                Request request = new Request(connection, number, head);
                requests.add(request);
                boolean keep = script.answer(request, out);
                out.flush();
                if (!keep) {
                    return;
                }
            }
        } catch (IOException | InterruptedException ignored) {
            // the peer went away, or the endpoint is closing
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
