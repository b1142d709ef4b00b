package io.papi.broker.sidecar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the sidecar's answers: JSON objects, plain text, and errors as {@code {"error": ..., "reason": ...}}. */
public final class Replies {
    static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    /** An error: one line saying what was wrong and how to fix it, and a short machine-readable reason. */
    public static void error(HttpExchange exchange, int status, String reason, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("reason", reason);
        json(exchange, status, body);
    }

    public static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write JSON", e);
        }
        send(exchange, status, "application/json", bytes);
    }

    public static void text(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        send(exchange, status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
