package io.papi.broker.sidecar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request to a sidecar listener and the means to answer it exactly once: JSON objects, plain text, and
 * refusals as one JSON line {@code {"error": ..., "reason": ...}}.
 */
public record HttpCall(Request request, Response response, Callback callback) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String method() {
        return request.getMethod();
    }

    /** The path as sent, not decoded. */
    public String path() {
        return request.getHttpURI().getPath();
    }

    public String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    public HttpFields headers() {
        return request.getHeaders();
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** {@code https} when the listener serves TLS. */
    public String scheme() {
        return request.isSecure() ? "https" : "http";
    }

    /** Reads the body, blocking; at most {@code limit} bytes, else {@link IllegalArgumentException}. */
    public byte[] body(int limit) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new IllegalArgumentException("the request body is over " + (limit / 1024) + " KiB");
            }
            return bytes;
        }
    }

    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** An error: one line saying what was wrong and how to fix it, and a short machine-readable reason. */
    public void error(int status, String reason, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("reason", reason);
        json(status, body);
    }

    public void json(int status, Map<String, ?> body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        send(status, "application/json", bytes);
    }

    public void text(int status, String contentType, String text) {
        send(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    private void send(int status, String contentType, byte[] bytes) {
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, contentType);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
