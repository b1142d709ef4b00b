package io.papi.cli.call;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough HTTP/1.1 to ask a broker on a Unix socket for a token: one request, {@code Connection: close}, an
 * answer with a {@code Content-Length} (the broker always sends one). OkHttp, like {@code java.net.Socket}, cannot
 * dial a Unix socket.
 */
final class UnixSocketHttp {
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private UnixSocketHttp() {}

    /** The status and body of one exchange. */
    record Answer(int status, String body) {}

    static Answer send(
            Path socket, String method, String pathAndQuery, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            StringBuilder request = new StringBuilder(method)
                    .append(' ')
                    .append(pathAndQuery)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\nConnection: close\r\n");
            headers.forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            write(channel, request.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                write(channel, body);
            }
            channel.shutdownOutput();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            channel.configureBlocking(true);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
                if (answer.size() > MAX_ANSWER_BYTES || System.nanoTime() > deadline) {
                    throw new IOException("the broker's answer is too long or too slow");
                }
            }
            return parse(answer.toString(StandardCharsets.UTF_8));
        }
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static Answer parse(String text) throws IOException {
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0 || text.length() < 12) {
            throw new IOException("the socket did not answer HTTP");
        }
        int status;
        try {
            status = Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("the socket did not answer HTTP");
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            throw new IOException("the socket answered with a chunked body, which a broker never sends");
        }
        return new Answer(status, text.substring(end + 4));
    }
}
