package io.papi.broker.sidecar;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.papi.broker.RefreshingTokenSource;
import io.papi.broker.SessionToken;
import io.papi.broker.TokenUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards each request to the endpoint with {@code Authorization: Snowflake Token="..."} added, and relays the
 * answer, streaming its body. When the endpoint answers 401 or redirects to its login page, the token is
 * invalidated and the request sent once more with a fresh one (when its body could be held for that).
 */
public final class ProxyHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);
    private static final int COPY_BUFFER = 16 * 1024;

    private final HttpUrl upstream;
    private final RefreshingTokenSource tokens;
    private final OkHttpClient client;
    private final CallerGuard guard;
    private final BrokerMetrics metrics;

    public ProxyHandler(HttpUrl upstream, RefreshingTokenSource tokens, OkHttpClient client, CallerGuard guard, BrokerMetrics metrics) {
        this.upstream = upstream;
        this.tokens = tokens;
        this.client = client;
        this.guard = guard;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String identity = tokens.identity().name();
        Optional<CallerGuard.Refusal> refusal = guard.checkProxyRequest(exchange);
        if (refusal.isPresent()) {
            CallerGuard.Refusal r = refusal.get();
            if (r.status() == 401) {
                exchange.getResponseHeaders().set("Proxy-Authenticate", "Bearer realm=\"papi broker\"");
            }
            metrics.proxyRequest(identity, r.status(), false);
            Replies.error(exchange, r.status(), r.reason(), r.message());
            return;
        }
        HttpUrl target = target(exchange);
        String method = exchange.getRequestMethod();
        RequestBodies body = RequestBodies.read(exchange.getRequestBody(), declaredLength(exchange.getRequestHeaders()));
        boolean retried = false;
        Response response = null;
        try {
            SessionToken token = tokens.get(Duration.ZERO);
            response = send(exchange, target, method, body, token);
            if (LoginRedirect.meansNoValidToken(response.code(), response.header("Location"), upstream.host()) && body.replayable()) {
                LOG.info("proxy: {} {} answered {} with token {}; retrying once with a fresh token", method, target.encodedPath(),
                        response.code(), token.hash());
                response.close();
                response = null;
                tokens.invalidate(token.hash());
                token = tokens.get(Duration.ZERO);
                retried = true;
                response = send(exchange, target, method, body, token);
            }
            metrics.proxyRequest(identity, response.code(), retried);
            relay(exchange, method, response);
        } catch (TokenUnavailableException e) {
            metrics.proxyRequest(identity, 503, retried);
            e.retryAfter().ifPresent(d -> exchange.getResponseHeaders().set("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
            Replies.error(exchange, 503, "no_token", e.getMessage());
        } catch (UpstreamException e) {
            metrics.proxyRequest(identity, e.status, retried);
            Replies.error(exchange, e.status, e.status == 504 ? "upstream_timeout" : "upstream_unreachable", e.getMessage());
        } finally {
            if (response != null) {
                response.close();
            }
        }
    }

    private HttpUrl target(HttpExchange exchange) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String base = upstream.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        HttpUrl url = HttpUrl.parse(base + (rawPath == null || rawPath.isEmpty() ? "/" : rawPath) + (rawQuery == null ? "" : "?" + rawQuery));
        return url != null ? url : upstream;
    }

    private Response send(HttpExchange exchange, HttpUrl target, String method, RequestBodies body, SessionToken token)
            throws UpstreamException {
        Headers incoming = exchange.getRequestHeaders();
        ForwardedHeaders rules = ForwardedHeaders.of(incoming.get("Connection"));
        Request.Builder request = new Request.Builder().url(target);
        for (Map.Entry<String, List<String>> header : incoming.entrySet()) {
            if (rules.upstream(header.getKey())) {
                header.getValue().forEach(value -> request.addHeader(header.getKey(), value));
            }
        }
        request.header("Authorization", token.authorizationHeader());
        request.method(method, requestBody(method, body));
        try {
            return client.newCall(request.build()).execute();
        } catch (InterruptedIOException e) { // SocketTimeoutException, or OkHttp's own timeout
            throw new UpstreamException(504, "the endpoint " + upstream.host() + " did not answer in time (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UpstreamException(502, "the endpoint " + upstream.host() + ":" + upstream.port() + " could not be reached ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private static RequestBody requestBody(String method, RequestBodies body) {
        String m = method.toUpperCase(Locale.ROOT);
        if (m.equals("GET") || m.equals("HEAD")) {
            return null;
        }
        boolean required = m.equals("POST") || m.equals("PUT") || m.equals("PATCH") || m.equals("PROPPATCH") || m.equals("REPORT");
        if (body.isEmpty() && !required) {
            return null;
        }
        return body.toRequestBody();
    }

    private static void relay(HttpExchange exchange, String method, Response response) throws IOException {
        ForwardedHeaders rules = ForwardedHeaders.of(response.headers("Connection"));
        Headers outgoing = exchange.getResponseHeaders();
        for (String name : response.headers().names()) {
            if (rules.downstream(name)) {
                outgoing.put(name, response.headers(name));
            }
        }
        int status = response.code();
        ResponseBody body = response.body();
        boolean noBody = method.equalsIgnoreCase("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200);
        if (noBody || body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        long length = body.contentLength();
        exchange.sendResponseHeaders(status, length == 0 ? -1 : Math.max(0, length));
        if (length == 0) {
            return;
        }
        try (InputStream in = body.byteStream(); OutputStream out = exchange.getResponseBody()) {
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
        }
    }

    private static long declaredLength(Headers headers) {
        String value = headers.getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The endpoint could not be reached: 502, or 504 when it did not answer in time. */
    private static final class UpstreamException extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        UpstreamException(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
