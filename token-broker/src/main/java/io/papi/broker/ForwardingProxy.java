package io.papi.broker;

import io.papi.broker.sidecar.BrokerMetrics;
import io.papi.broker.sidecar.CallerGuard;
import io.papi.broker.sidecar.LoginRedirect;
import io.papi.broker.sidecar.ProxyHandler;
import io.papi.serving.HttpServing;
import io.papi.serving.LoopbackNames;
import io.papi.serving.PemTls;
import io.papi.serving.ServerAddress;
import io.papi.serving.ServingConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A local HTTP proxy to one SPCS endpoint that adds the session token, so any client can call the endpoint with
 * no token handling at all: {@code curl http://127.0.0.1:8082/customer/1} becomes
 * {@code GET https://<ingress>/customer/1} with {@code Authorization: Snowflake Token="..."}.
 *
 * <ul>
 *   <li>Headers are copied except hop-by-hop ones and {@code Host}; any {@code Authorization} from the caller is
 *       replaced. Response bodies are streamed.</li>
 *   <li>When the endpoint answers 401, or redirects to its login page (what the SPCS ingress does for a missing or
 *       stale token), the token is invalidated and the request is sent once more with a fresh one. Bodies up to
 *       1 MiB are held for that; longer ones are streamed through and not retried.</li>
 *   <li>Redirects are relayed, not followed. Timeouts are bounded: 10 s to connect, {@code timeout} between bytes.</li>
 *   <li>The endpoint must be https (plain http only to loopback: the token must not cross a network in clear).</li>
 *   <li>{@code Cookie} and {@code Set-Cookie} are dropped both ways, and browser requests from another origin
 *       ({@code Origin}, {@code Referer}, {@code Sec-Fetch-Site}) are refused.</li>
 * </ul>
 *
 * <p>Like {@code kubectl proxy}, the proxy is open to every process on this machine that can reach its loopback
 * port: it hands out the endpoint's answers, never the token itself. {@code proxyAuth} makes it ask for the broker's
 * secret in {@code Proxy-Authorization} as well.
 */
public final class ForwardingProxy implements AutoCloseable {
    /** The largest request body the proxy forwards. */
    static final long PROXY_BODY_BYTES = 64L * 1024 * 1024;

    private final HttpServing listener;
    private final ProxyHandler handler;
    private final Duration drain;
    private final OkHttpClient client;
    private final URI upstream;

    private ForwardingProxy(
            HttpServing listener, ProxyHandler handler, Duration drain, OkHttpClient client, URI upstream) {
        this.listener = listener;
        this.handler = handler;
        this.drain = drain;
        this.client = client;
        this.upstream = upstream;
    }

    /**
     * Starts a proxy on {@code listen} to {@code upstream} with {@code tokens}' tokens, 60 s read timeout, 32 threads,
     * no secret.
     */
    public static ForwardingProxy start(InetSocketAddress listen, URI upstream, RefreshingTokenSource tokens)
            throws IOException {
        return start(
                listen,
                upstream,
                tokens,
                null,
                null,
                Duration.ofSeconds(60),
                32,
                Duration.ofSeconds(5),
                new BrokerMetrics(Clock.systemUTC()),
                null);
    }

    static ForwardingProxy start(
            InetSocketAddress listen,
            URI upstream,
            RefreshingTokenSource tokens,
            String secret,
            PemTls tls,
            Duration timeout,
            int threads,
            Duration drain,
            BrokerMetrics metrics,
            X509TrustManager endpointTrust)
            throws IOException {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(tokens, "tokens");
        HttpUrl url = validUpstream(upstream);
        SSLContext endpointTls = endpointTrust == null ? null : trusting(endpointTrust);
        OkHttpClient.Builder okhttp = new OkHttpClient.Builder();
        if (endpointTls != null) {
            okhttp.sslSocketFactory(endpointTls.getSocketFactory(), endpointTrust);
        }
        OkHttpClient client = okhttp.connectTimeout(Duration.ofSeconds(10))
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectionPool(new ConnectionPool(threads, 5, TimeUnit.MINUTES))
                .build();
        CallerGuard guard = new CallerGuard(isLoopback(listen), secret);
        ServingConfig.Builder serving = ServingConfig.builder("proxy", ServerAddress.tcp(listen))
                .threads(Math.max(4, threads))
                .requestBodyBytes(PROXY_BODY_BYTES)
                .requestHeaderBytes(16 * 1024)
                .lenientUris(true);
        if (tls != null) {
            serving.tls(tls);
        }
        ProxyHandler handler = new ProxyHandler(url, tokens, client, guard, metrics, timeout, threads, endpointTls);
        HttpServing listener;
        try {
            listener = HttpServing.start(serving.build(), handler);
        } catch (IOException | RuntimeException e) {
            handler.close();
            throw e;
        }
        return new ForwardingProxy(listener, handler, drain, client, upstream);
    }

    /** TLS that trusts what {@code trust} does, for an endpoint whose certificate the JDK's trust store lacks. */
    private static SSLContext trusting(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS to the endpoint: " + e, e);
        }
    }

    /**
     * Checks an endpoint URL: http or https, a host, no query or fragment; plain http only to a loopback address.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static HttpUrl validUpstream(URI upstream) {
        Objects.requireNonNull(upstream, "upstream");
        String scheme = upstream.getScheme() == null ? "" : upstream.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || upstream.getHost() == null) {
            throw new IllegalArgumentException(
                    "proxy target '" + upstream + "' is not an https URL such as https://<ingress host>");
        }
        if (upstream.getRawQuery() != null || upstream.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "proxy target '" + upstream + "' must not carry a query or fragment: give the endpoint's base URL");
        }
        if (scheme.equals("http") && !LoopbackNames.isLoopbackHost(upstream.getHost())) {
            throw new IllegalArgumentException(
                    "proxy target '" + upstream + "' is plain http to another machine: the session token "
                            + "would cross the network in clear text; use https (http is accepted for loopback only)");
        }
        HttpUrl url = HttpUrl.parse(upstream.toString());
        if (url == null) {
            throw new IllegalArgumentException("proxy target '" + upstream + "' is not a URL OkHttp accepts");
        }
        return url;
    }

    /**
     * Whether an answer of the SPCS ingress means the token was not accepted: a 401, or a redirect to the login page
     * (another host, or a path naming login, oauth, authorize, saml or sso). What the proxy retries on; exposed for
     * other clients that retry the same way.
     */
    public static boolean meansTokenRejected(int status, String location, String endpointHost) {
        return LoginRedirect.meansNoValidToken(status, location, endpointHost);
    }

    /** The port the proxy listens on. */
    public int port() {
        return listener.port();
    }

    public URI upstream() {
        return upstream;
    }

    /** Finishes the requests in flight (for at most the drain time), then stops. */
    @Override
    public void close() {
        listener.stop(drain);
        handler.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    static boolean isLoopback(InetSocketAddress address) {
        return address.getAddress() != null && address.getAddress().isLoopbackAddress();
    }
}
