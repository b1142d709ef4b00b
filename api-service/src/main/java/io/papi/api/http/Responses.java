package io.papi.api.http;

import io.papi.api.lookup.StoreCalls;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;

/** Writes complete responses in one non-blocking write, with the length known up front. */
final class Responses {
    static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    static final HttpField HTML = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    static final HttpField PROMETHEUS_TEXT =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
    static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
    static final HttpField ALLOW_GET = new PreEncodedHttpField(HttpHeader.ALLOW, "GET, HEAD");
    static final HttpField ALLOW_POST = new PreEncodedHttpField(HttpHeader.ALLOW, "POST");
    /** Browsers must take JSON for JSON, never sniff it into something they would run. */
    static final HttpField NO_SNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");

    static final byte[] NOT_FOUND = Json.error("Not found!");
    static final byte[] NOTHING_TO_SEE = Json.object("result", "Nothing to see here");
    static final byte[] HEALTHY = Json.object("status", "ok");
    static final byte[] READY = Json.object("status", "ready");

    /** {@code {"status":"ready","rows":N}}: the lookup table's row count, 0 for an empty table. */
    static byte[] ready(long rows) {
        return ("{\"status\":\"ready\",\"rows\":" + rows + "}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static final byte[] INTERNAL_ERROR = Json.error("internal error; the server log has the details");

    private Responses() {}

    static void json(Response response, Callback callback, int status, byte[] body) {
        send(response, callback, status, JSON, body);
    }

    static void send(Response response, Callback callback, int status, HttpField contentType, byte[] body) {
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(contentType);
        headers.put(NO_SNIFF);
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * The answer to a failed lookup: 503 with the store's message when the store did not answer, else 500 without
     * the cause, which {@code log} records as {@code what}.
     */
    static void storeFailure(Response response, Callback callback, Throwable failure, Logger log, String what) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof StoreCalls.StoreUnavailable) {
            json(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, Json.error(cause.getMessage()));
        } else {
            log.error(what, cause);
            json(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, INTERNAL_ERROR);
        }
    }

    static void text(Response response, Callback callback, int status, HttpField contentType, String body) {
        send(response, callback, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
