package io.papi.local.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The bodies {@code /oauth/token} answers with, in the shapes Snowflake and RFC 6749 use. */
final class TokenReplies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenReplies() {}

    /** One request, and the response and callback that answer it once. */
    record Exchange(Request request, Response response, Callback callback) {}

    /** Success, as Snowflake answers an SPCS token request: the token itself as plain text. */
    static void token(Exchange exchange, String token) {
        send(exchange, 200, "text/plain; charset=utf-8", token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Snowflake's error envelope: {@code {"data":null,"code":"390144","message":"...","success":false,"headers":null}}. */
    static void snowflakeError(Exchange exchange, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", null);
        body.put("code", code);
        body.put("message", message);
        body.put("success", false);
        body.put("headers", null);
        json(exchange, status, body);
    }

    /** An OAuth 2.0 error (RFC 6749 section 5.2). */
    static void oauthError(Exchange exchange, int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        json(exchange, status, body);
    }

    private static void json(Exchange exchange, int status, Map<String, Object> body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
        send(exchange, status, "application/json", bytes);
    }

    private static void send(Exchange exchange, int status, String contentType, byte[] body) {
        Response response = exchange.response();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), exchange.callback());
    }
}
