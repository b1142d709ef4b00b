package io.papi.local.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bodies {@code /oauth/token} answers with, in the shapes Snowflake and RFC 6749 use. */
final class Replies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    /** Success, as Snowflake answers an SPCS token request: the token itself as plain text. */
    static void token(HttpExchange exchange, String token) throws IOException {
        send(exchange, 200, "text/plain; charset=utf-8", token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Snowflake's error envelope: {@code {"data":null,"code":"390144","message":"...","success":false,"headers":null}}. */
    static void snowflakeError(HttpExchange exchange, int status, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", null);
        body.put("code", code);
        body.put("message", message);
        body.put("success", false);
        body.put("headers", null);
        json(exchange, status, body);
    }

    /** An OAuth 2.0 error (RFC 6749 section 5.2). */
    static void oauthError(HttpExchange exchange, int status, String error, String description) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        json(exchange, status, body);
    }

    private static void json(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
        send(exchange, status, "application/json", bytes);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        // the JDK server reads length 0 as "chunked"; -1 is "no body"
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
