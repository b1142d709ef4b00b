package io.papi.broker.sidecar;

import io.papi.broker.RefreshingTokenSource;
import io.papi.broker.SessionToken;
import io.papi.broker.TokenUnavailableException;
import io.papi.serving.OutboundConnections;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import okhttp3.HttpUrl;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's fast path for requests without a body (most of them: lookups are GETs). The request goes to the
 * endpoint on a kept-alive connection served by the proxy listener's own selector threads, and the answer is
 * passed on part by part as it arrives: no thread waits on the endpoint, and no thread hands the answer to another.
 * A 401 or a redirect to the login page drops that answer and sends the request once more with a fresh token, as
 * the blocking path does.
 */
final class AsyncRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncRelay.class);

    private final HttpUrl upstream;
    private final RefreshingTokenSource tokens;
    private final BrokerMetrics metrics;
    private final UpstreamPool pool;
    private final SslContextFactory.Client tls;
    /** {@code Host: ...\r\n}, as the endpoint's URL names it. */
    private final byte[] hostLine;
    /** The Authorization line for the token last used, encoded once: a token serves thousands of requests. */
    private volatile TokenLine authorization;

    private record TokenLine(SessionToken token, byte[] line) {}

    private static final int NEW = 0;
    private static final int RELAYING = 1;
    private static final int DONE = 2;

    AsyncRelay(
            HttpUrl upstream,
            RefreshingTokenSource tokens,
            BrokerMetrics metrics,
            Duration timeout,
            int connections,
            SSLContext endpointTls) {
        this.upstream = upstream;
        this.tokens = tokens;
        this.metrics = metrics;
        this.tls = upstream.isHttps() ? startedTls(endpointTls) : null;
        this.pool =
                new UpstreamPool(upstream.host(), upstream.port(), tls, timeout.toMillis(), Math.max(8, connections));
        String host = upstream.host().indexOf(':') >= 0 ? "[" + upstream.host() + "]" : upstream.host();
        boolean defaultPort = upstream.port() == HttpUrl.defaultPort(upstream.scheme());
        this.hostLine = ("Host: " + host + (defaultPort ? "" : ":" + upstream.port()) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * TLS to the endpoint, verified as the JDK does (its trust store, unless {@code context} says otherwise) with the
     * certificate's name checked against the host.
     */
    private static SslContextFactory.Client startedTls(SSLContext context) {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        if (context != null) {
            tls.setSslContext(context);
        }
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        try {
            tls.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up TLS to the endpoint: " + e, e);
        }
        return tls;
    }

    /**
     * Sends {@code call} with {@code token} to {@code target} (the endpoint's path and query); answers it, on some
     * thread, when the endpoint's answer has been relayed.
     */
    void forward(HttpCall call, String target, SessionToken token, boolean retried) {
        Connector connector = call.request().getConnectionMetaData().getConnector();
        if (!(connector instanceof OutboundConnections outbound)) {
            throw new IllegalStateException("the proxy listener cannot open connections to the endpoint");
        }
        pool.send(outbound, new Relay(outbound, call, target, token, retried, request(call, target, token)));
    }

    private byte[] request(HttpCall call, String target, SessionToken token) {
        HttpFields incoming = call.headers();
        ForwardedHeaders rules = ForwardedHeaders.of(incoming.getValuesList(HttpHeader.CONNECTION));
        StringBuilder head = new StringBuilder(256)
                .append(call.method())
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n");
        for (HttpField field : incoming) {
            if (rules.upstream(field)) {
                head.append(field.getName())
                        .append(": ")
                        .append(field.getValue())
                        .append("\r\n");
            }
        }
        if (HttpMethod.POST.is(call.method())
                || HttpMethod.PUT.is(call.method())
                || HttpMethod.PATCH.is(call.method())) {
            head.append("Content-Length: 0\r\n");
        }
        byte[] authorizationLine = authorizationLine(token);
        byte[] fields = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        // request line and caller's headers, then Host and Authorization, then the blank line
        byte[] all = new byte[fields.length + hostLine.length + authorizationLine.length + 2];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(hostLine, 0, all, fields.length, hostLine.length);
        System.arraycopy(authorizationLine, 0, all, fields.length + hostLine.length, authorizationLine.length);
        all[all.length - 2] = '\r';
        all[all.length - 1] = '\n';
        return all;
    }

    private byte[] authorizationLine(SessionToken token) {
        TokenLine last = authorization;
        if (last == null || last.token() != token) {
            last = new TokenLine(
                    token,
                    ("Authorization: " + token.authorizationHeader() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            authorization = last;
        }
        return last.line();
    }

    private void retry(HttpCall call, String target, SessionToken rejected) {
        try {
            tokens.invalidate(rejected.hash());
            SessionToken fresh;
            try {
                fresh = tokens.get(Duration.ZERO);
            } catch (TokenUnavailableException e) {
                metrics.proxyRequest(tokens.identity().name(), 503, true);
                ProxyErrors.noToken(call, e);
                return;
            }
            forward(call, target, fresh, true);
        } catch (RuntimeException e) { // on a pool thread: nobody else would answer the caller
            LOG.error("proxy: retrying {} {} failed", call.method(), BrokerHandler.printable(call.path()), e);
            ProxyErrors.internal(call, e);
        }
    }

    @Override
    public void close() {
        pool.close();
        if (tls != null) {
            try {
                tls.stop();
            } catch (Exception e) {
                LOG.debug("stopping the proxy's TLS: {}", e.toString());
            }
        }
    }

    /** One request and where its answer goes: the caller's response. */
    private final class Relay implements UpstreamExchange {
        private final OutboundConnections outbound;
        private final HttpCall call;
        private final String target;
        private final SessionToken token;
        private final boolean retried;
        private final byte[] request;
        /**
         * NEW until the answer's headers are relayed (RELAYING) or the caller is answered otherwise (DONE); whoever
         * moves it answers the caller, so a failure on one thread and an answer on another cannot both write.
         */
        private final AtomicInteger state = new AtomicInteger(NEW);

        private boolean resent;
        private boolean lastWritten;

        Relay(
                OutboundConnections outbound,
                HttpCall call,
                String target,
                SessionToken token,
                boolean retried,
                byte[] request) {
            this.outbound = outbound;
            this.call = call;
            this.target = target;
            this.token = token;
            this.retried = retried;
            this.request = request;
        }

        @Override
        public ByteBuffer request() {
            return ByteBuffer.wrap(request);
        }

        @Override
        public boolean head() {
            return HttpMethod.HEAD.is(call.method());
        }

        @Override
        public boolean headers(int status, HttpFields fields) {
            String identity = tokens.identity().name();
            boolean rejected = !retried
                    && LoginRedirect.meansNoValidToken(status, fields.get(HttpHeader.LOCATION), upstream.host());
            if (!state.compareAndSet(NEW, rejected || status == 101 ? DONE : RELAYING)) {
                return false; // answered already (a timeout on another thread)
            }
            if (rejected) {
                LOG.info(
                        "proxy: {} {} answered {} with token {}; retrying once with a fresh token",
                        call.method(),
                        BrokerHandler.printable(call.path()),
                        status,
                        token.hash());
                call.request().getContext().execute(() -> retry(call, target, token));
                return false;
            }
            if (status == 101) {
                metrics.proxyRequest(identity, 502, retried);
                call.error(502, "upstream_protocol", "the endpoint switched protocols, which the proxy does not relay");
                return false;
            }
            metrics.proxyRequest(identity, status, retried);
            org.eclipse.jetty.server.Response response = call.response();
            ForwardedHeaders rules = ForwardedHeaders.of(fields.getValuesList(HttpHeader.CONNECTION));
            HttpFields.Mutable outgoing = response.getHeaders();
            for (HttpField field : fields) {
                if (rules.downstream(field)) {
                    outgoing.add(field);
                }
            }
            long length = fields.getLongField(HttpHeader.CONTENT_LENGTH);
            if (length >= 0 && !fields.contains(HttpHeader.TRANSFER_ENCODING)) {
                outgoing.put(HttpHeader.CONTENT_LENGTH, length);
            }
            response.setStatus(status);
            return true;
        }

        @Override
        public void content(ByteBuffer part, boolean last, Callback written) {
            lastWritten = last;
            call.response().write(last, part, written);
        }

        @Override
        public void completed() {
            if (!state.compareAndSet(RELAYING, DONE)) {
                return;
            }
            if (lastWritten) {
                call.callback().succeeded();
            } else {
                call.response().write(true, BufferUtil.EMPTY_BUFFER, call.callback());
            }
        }

        @Override
        public void abandoned(Throwable failure) {
            if (state.compareAndSet(RELAYING, DONE)) {
                call.callback().failed(failure);
            }
        }

        @Override
        public void failed(Throwable failure, boolean resendable) {
            if (state.compareAndSet(RELAYING, DONE)) { // the headers went out: the caller's answer breaks off
                LOG.debug("proxy: the endpoint's answer to {} broke off: {}", call.method(), failure.toString());
                call.callback().failed(failure);
                return;
            }
            if (state.get() != NEW) {
                return;
            }
            if (resendable && !resent && idempotent(call.method())) {
                resent = true;
                pool.send(outbound, this);
                return;
            }
            if (!state.compareAndSet(NEW, DONE)) {
                return;
            }
            boolean late = failure instanceof TimeoutException || failure instanceof SocketTimeoutException;
            metrics.proxyRequest(tokens.identity().name(), late ? 504 : 502, retried);
            ProxyErrors.upstream(call, upstream, late, failure);
        }

        private boolean idempotent(String method) {
            HttpMethod known = HttpMethod.fromString(method);
            return known != null && known.isIdempotent(); // GET, HEAD, OPTIONS, TRACE, PUT, DELETE (RFC 9110 9.2.2)
        }
    }
}
