package io.papi.broker.sidecar;

import io.papi.broker.RefreshingTokenSource;
import io.papi.broker.SessionToken;
import io.papi.broker.TokenUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards each request to the endpoint with {@code Authorization: Snowflake Token="..."} added, and relays the
 * answer, streaming long bodies. When the endpoint answers 401 or redirects to its login page, the token is
 * invalidated and the request sent once more with a fresh one (when its body could be held for that).
 */
public final class ProxyHandler extends Handler.Abstract.NonBlocking implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);
    private static final int COPY_BUFFER = 16 * 1024;
    /** Answers up to this size are read whole and written in one go; longer ones are streamed. */
    private static final long WHOLE_ANSWER_BYTES = 64 * 1024;

    private final HttpUrl upstream;
    private final String base;
    /** The endpoint URL's path without its last slash: usually empty. */
    private final String basePath;

    private final RefreshingTokenSource tokens;
    private final OkHttpClient client;
    private final CallerGuard guard;
    private final BrokerMetrics metrics;
    private final AsyncRelay relay;

    /**
     * @param client for requests with a body, which may be sent twice and so are held (up to 1 MiB) on a pool thread
     * @param timeout the longest wait between bytes of the endpoint's answer
     * @param endpointTls TLS for an https endpoint whose certificate the JDK's trust store lacks; null for the JDK's
     */
    public ProxyHandler(
            HttpUrl upstream,
            RefreshingTokenSource tokens,
            OkHttpClient client,
            CallerGuard guard,
            BrokerMetrics metrics,
            Duration timeout,
            int connections,
            SSLContext endpointTls) {
        this.upstream = upstream;
        String text = upstream.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        String path = upstream.encodedPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.tokens = tokens;
        this.client = client;
        this.guard = guard;
        this.metrics = metrics;
        this.relay = new AsyncRelay(upstream, tokens, metrics, timeout, connections, endpointTls);
    }

    @Override
    public boolean handle(
            org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback) {
        HttpCall call = new HttpCall(request, response, callback);
        Optional<CallerGuard.Refusal> refusal = guard.checkProxyRequest(call.headers(), call.scheme());
        if (refusal.isPresent()) {
            refuse(call, refusal.get());
            return true;
        }
        Optional<SessionToken> held = hasBody(request) ? Optional.empty() : tokens.held(Duration.ZERO);
        if (held.isPresent()) {
            relay.forward(call, requestTarget(call), held.get(), false);
        } else {
            request.getContext().execute(() -> blocking(call));
        }
        return true;
    }

    private void refuse(HttpCall call, CallerGuard.Refusal r) {
        if (r.status() == 401) {
            call.setHeader("Proxy-Authenticate", "Bearer realm=\"papi broker\"");
        }
        metrics.proxyRequest(tokens.identity().name(), r.status(), false);
        call.error(r.status(), r.reason(), r.message());
    }

    /** Requests with a body, or while no token is held: on a pool thread, with OkHttp. */
    private void blocking(HttpCall call) {
        org.eclipse.jetty.server.Response response = call.response();
        Callback callback = call.callback();
        try {
            forward(call);
        } catch (IOException e) {
            LOG.debug(
                    "proxy request {} {} broke off: {}",
                    call.method(),
                    BrokerHandler.printable(call.path()),
                    e.toString());
            callback.failed(e);
        } catch (RuntimeException e) {
            LOG.error("proxy request {} {} failed", call.method(), BrokerHandler.printable(call.path()), e);
            if (response.isCommitted()) {
                callback.failed(e);
            } else {
                ProxyErrors.internal(call, e);
            }
        }
    }

    @Override
    public void close() {
        relay.close();
    }

    private void forward(HttpCall call) throws IOException {
        String identity = tokens.identity().name();
        HttpUrl target = target(call);
        String method = call.method();
        RequestBodies body = hasBody(call.request())
                ? RequestBodies.read(
                        Content.Source.asInputStream(call.request()),
                        call.request().getLength())
                : RequestBodies.NONE;
        boolean retried = false;
        Response answer = null;
        try {
            SessionToken token = tokens.get(Duration.ZERO);
            answer = send(call, target, method, body, token);
            if (LoginRedirect.meansNoValidToken(answer.code(), answer.header("Location"), upstream.host())
                    && body.replayable()) {
                LOG.info(
                        "proxy: {} {} answered {} with token {}; retrying once with a fresh token",
                        method,
                        target.encodedPath(),
                        answer.code(),
                        token.hash());
                answer.close();
                answer = null;
                tokens.invalidate(token.hash());
                token = tokens.get(Duration.ZERO);
                retried = true;
                answer = send(call, target, method, body, token);
            }
            metrics.proxyRequest(identity, answer.code(), retried);
            relay(call, answer);
        } catch (TokenUnavailableException e) {
            metrics.proxyRequest(identity, 503, retried);
            ProxyErrors.noToken(call, e);
        } catch (UpstreamException e) {
            metrics.proxyRequest(identity, e.late ? 504 : 502, retried);
            ProxyErrors.upstream(call, upstream, e.late, e.getCause());
        } finally {
            if (answer != null) {
                answer.close();
            }
        }
    }

    private static boolean hasBody(org.eclipse.jetty.server.Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /**
     * The request target for {@code call} at the endpoint: the path and query as sent, after the endpoint's base path,
     * when they hold only characters a URI allows and no dot segment (as Jetty parsed them, nearly always); else as
     * OkHttp normalizes them.
     */
    private String requestTarget(HttpCall call) {
        String rawPath = call.path();
        String rawQuery = call.rawQuery();
        if (rawPath == null
                || rawPath.isEmpty()
                || rawPath.charAt(0) != '/'
                || rawPath.contains("/.")
                || !UriChars.plain(rawPath)
                || (rawQuery != null && !UriChars.plain(rawQuery))) {
            HttpUrl url = target(call);
            return url.encodedQuery() == null ? url.encodedPath() : url.encodedPath() + "?" + url.encodedQuery();
        }
        return rawQuery == null ? basePath + rawPath : basePath + rawPath + "?" + rawQuery;
    }

    private HttpUrl target(HttpCall call) {
        String rawPath = call.path();
        String rawQuery = call.rawQuery();
        HttpUrl url = HttpUrl.parse(base
                + (rawPath == null || rawPath.isEmpty() ? "/" : rawPath)
                + (rawQuery == null ? "" : "?" + rawQuery));
        return url != null ? url : upstream;
    }

    private Response send(HttpCall call, HttpUrl target, String method, RequestBodies body, SessionToken token)
            throws UpstreamException {
        HttpFields incoming = call.headers();
        ForwardedHeaders rules = ForwardedHeaders.of(incoming.getValuesList(HttpHeader.CONNECTION));
        Request.Builder request = new Request.Builder().url(target);
        for (HttpField header : incoming) {
            if (rules.upstream(header.getName())) {
                request.addHeader(header.getName(), header.getValue());
            }
        }
        request.header("Authorization", token.authorizationHeader());
        request.method(method, requestBody(method, body));
        try {
            return client.newCall(request.build()).execute();
        } catch (InterruptedIOException e) { // SocketTimeoutException, or OkHttp's own timeout
            throw new UpstreamException(true, e);
        } catch (IOException e) {
            throw new UpstreamException(false, e);
        }
    }

    private static RequestBody requestBody(String method, RequestBodies body) {
        String m = method.toUpperCase(Locale.ROOT);
        if (m.equals("GET") || m.equals("HEAD")) {
            return null;
        }
        boolean required =
                m.equals("POST") || m.equals("PUT") || m.equals("PATCH") || m.equals("PROPPATCH") || m.equals("REPORT");
        if (body.isEmpty() && !required) {
            return null;
        }
        return body.toRequestBody();
    }

    private static void relay(HttpCall call, Response answer) throws IOException {
        ForwardedHeaders rules = ForwardedHeaders.of(answer.headers("Connection"));
        org.eclipse.jetty.server.Response response = call.response();
        HttpFields.Mutable outgoing = response.getHeaders();
        for (String name : answer.headers().names()) {
            if (rules.downstream(name)) {
                for (String value : answer.headers(name)) {
                    outgoing.add(name, value);
                }
            }
        }
        int status = answer.code();
        response.setStatus(status);
        ResponseBody body = answer.body();
        boolean noBody = call.method().equalsIgnoreCase("HEAD")
                || status == 204
                || status == 304
                || (status >= 100 && status < 200);
        if (noBody || body == null) {
            response.write(true, null, call.callback());
            return;
        }
        long length = body.contentLength();
        if (length >= 0 && length <= WHOLE_ANSWER_BYTES) {
            byte[] bytes = body.bytes();
            outgoing.put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, ByteBuffer.wrap(bytes), call.callback());
            return;
        }
        if (length > 0) {
            outgoing.put(HttpHeader.CONTENT_LENGTH, length);
        }
        try (InputStream in = body.byteStream();
                OutputStream out = Content.Sink.asOutputStream(response)) {
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
        }
        call.callback().succeeded();
    }

    /** The endpoint could not be reached (502), or did not answer in time ({@code late}: 504). */
    private static final class UpstreamException extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean late;

        UpstreamException(boolean late, IOException cause) {
            super(cause);
            this.late = late;
        }
    }
}
