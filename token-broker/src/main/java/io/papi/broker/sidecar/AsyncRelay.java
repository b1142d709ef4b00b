package io.papi.broker.sidecar;

import io.papi.broker.RefreshingTokenSource;
import io.papi.broker.SessionToken;
import io.papi.broker.TokenUnavailableException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's fast path for requests without a body (most of them: lookups are GETs): the request goes to the
 * endpoint on Jetty's asynchronous client and the answer is copied back as it arrives, so no thread waits on the
 * endpoint. A 401 or a redirect to the login page drops that answer and sends the request once more with a fresh
 * token, as the blocking path does.
 */
final class AsyncRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncRelay.class);

    private final HttpClient client;
    private final HttpUrl upstream;
    private final RefreshingTokenSource tokens;
    private final BrokerMetrics metrics;
    private final Duration timeout;
    /** The Authorization field for the token last used, encoded once: a token serves thousands of requests. */
    private volatile TokenField authorization;

    private record TokenField(SessionToken token, HttpField field) {}

    AsyncRelay(
            HttpUrl upstream, RefreshingTokenSource tokens, BrokerMetrics metrics, Duration timeout, int connections) {
        this.upstream = upstream;
        this.tokens = tokens;
        this.metrics = metrics;
        this.timeout = timeout;
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(4, Math.min(16, connections)), 2);
        threads.setName("papi-proxy-client");
        threads.setDaemon(true);
        HttpClient jetty = new HttpClient();
        jetty.setExecutor(threads);
        jetty.setFollowRedirects(false);
        jetty.setConnectTimeout(10_000);
        jetty.setIdleTimeout(timeout.toMillis());
        jetty.setMaxConnectionsPerDestination(Math.max(8, connections));
        jetty.setMaxRequestsQueuedPerDestination(4096);
        jetty.setUserAgentField(null); // the caller's User-Agent goes through, none of our own
        jetty.getContentDecoderFactories()
                .clear(); // relay bodies as they are: no Accept-Encoding added, nothing decoded
        // no cookie jar: the proxy serves every local process, so a cookie the endpoint set for one caller must not
        // go back up with the next caller's request (it also spares a cookie match on every request)
        jetty.setHttpCookieStore(new HttpCookieStore.Empty());
        // every listener here only hands bytes on (asynchronous writes) or dispatches (the retry): the selector
        // thread may run them itself instead of waking a pool thread for each answer
        jetty.getHttpClientTransport().setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the proxy's HTTP client: " + e, e);
        }
        // 401s and redirects are the proxy's to judge, not the client's; start() installs the default protocol
        // handlers (redirect, authentication, 100-continue, upgrade), so they are removed after it, not before
        jetty.getProtocolHandlers().clear();
        this.client = jetty;
    }

    /** Sends {@code call} with {@code token}; answers it, on some thread, when the endpoint's answer has been relayed. */
    void forward(HttpCall call, String target, SessionToken token, boolean retried) {
        HttpFields incoming = call.headers();
        ForwardedHeaders rules = ForwardedHeaders.of(incoming.getValuesList(HttpHeader.CONNECTION));
        Request request = client.newRequest(target)
                .method(call.method())
                .idleTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> {
                    for (HttpField field : incoming) {
                        if (rules.upstream(field)) {
                            headers.add(field);
                        }
                    }
                    headers.put(authorization(token));
                });
        AtomicBoolean handled = new AtomicBoolean();
        String identity = tokens.identity().name();
        request.onResponseContentSource((answer, content) -> {
            handled.set(true);
            if (!retried
                    && LoginRedirect.meansNoValidToken(
                            answer.getStatus(), answer.getHeaders().get(HttpHeader.LOCATION), upstream.host())) {
                content.fail(new CancellationException("retrying with a fresh token"));
                LOG.info(
                        "proxy: {} {} answered {} with token {}; retrying once with a fresh token",
                        call.method(),
                        call.path(),
                        answer.getStatus(),
                        token.hash());
                call.request().getContext().execute(() -> retry(call, target, token));
                return;
            }
            metrics.proxyRequest(identity, answer.getStatus(), retried);
            relay(call, answer, content);
        });
        request.send(result -> {
            if (result.isFailed() && !handled.get()) {
                Throwable failure = result.getFailure();
                boolean late =
                        failure instanceof TimeoutException || failure instanceof java.net.SocketTimeoutException;
                int status = late ? 504 : 502;
                metrics.proxyRequest(identity, status, retried);
                call.error(
                        status,
                        late ? "upstream_timeout" : "upstream_unreachable",
                        late
                                ? "the endpoint " + upstream.host() + " did not answer in time (" + failure.getMessage()
                                        + ")"
                                : "the endpoint " + upstream.host() + ":" + upstream.port() + " could not be reached ("
                                        + failure.getClass().getSimpleName()
                                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ")");
            }
        });
    }

    private HttpField authorization(SessionToken token) {
        TokenField last = authorization;
        if (last == null || last.token() != token) {
            last = new TokenField(
                    token, new PreEncodedHttpField(HttpHeader.AUTHORIZATION, token.authorizationHeader()));
            authorization = last;
        }
        return last.field();
    }

    private void retry(HttpCall call, String target, SessionToken rejected) {
        tokens.invalidate(rejected.hash());
        SessionToken fresh;
        try {
            fresh = tokens.get(Duration.ZERO);
        } catch (TokenUnavailableException e) {
            metrics.proxyRequest(tokens.identity().name(), 503, true);
            e.retryAfter().ifPresent(d -> call.setHeader("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
            call.error(503, "no_token", e.getMessage());
            return;
        }
        forward(call, target, fresh, true);
    }

    private static void relay(HttpCall call, Response answer, Content.Source content) {
        org.eclipse.jetty.server.Response response = call.response();
        HttpFields headers = answer.getHeaders();
        ForwardedHeaders rules = ForwardedHeaders.of(headers.getValuesList(HttpHeader.CONNECTION));
        HttpFields.Mutable outgoing = response.getHeaders();
        for (HttpField field : headers) {
            if (rules.downstream(field)) {
                outgoing.add(field);
            }
        }
        long length = headers.getLongField(HttpHeader.CONTENT_LENGTH);
        if (length >= 0 && !headers.contains(HttpHeader.TRANSFER_ENCODING)) {
            outgoing.put(HttpHeader.CONTENT_LENGTH, length);
        }
        response.setStatus(answer.getStatus());
        Content.copy(content, response, call.callback());
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            LOG.debug("stopping the proxy's HTTP client: {}", e.toString());
        }
    }
}
