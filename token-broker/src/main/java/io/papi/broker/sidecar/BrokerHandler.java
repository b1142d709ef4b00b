package io.papi.broker.sidecar;

import io.papi.broker.TokenBroker;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the broker's token API: the token routes behind the {@link CallerGuard}, and the operations routes. A
 * token read that finds the token held is answered on the thread that read the request (no hand-off, which is
 * most of the cost of a request this small); anything that may wait (a refresh, a request body) goes to the pool.
 */
public final class BrokerHandler extends Handler.Abstract.NonBlocking {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerHandler.class);

    private final CallerGuard guard;
    private final boolean publicListener;
    private final BrokerMetrics metrics;
    private final TokenRoutes tokens;
    private final HealthRoutes health;

    /**
     * @param publicListener true beyond loopback: then {@code /metrics} and the details of {@code /readyz} need the
     *     secret too ({@code /livez} stays open for the orchestrator's probes)
     */
    public BrokerHandler(
            TokenBroker broker,
            CallerGuard guard,
            boolean publicListener,
            BrokerMetrics metrics,
            Clock clock,
            Supplier<List<String>> sinkProblems) {
        this.guard = guard;
        this.publicListener = publicListener;
        this.metrics = metrics;
        this.tokens = new TokenRoutes(broker, metrics, clock);
        this.health = new HealthRoutes(broker, clock, sinkProblems);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpCall call = new HttpCall(request, response, callback);
        try {
            route(call);
        } catch (RuntimeException e) {
            failed(call, e);
        }
        return true;
    }

    private void route(HttpCall call) {
        String path = call.path();
        String method = call.method();
        switch (path) {
            case "/token", "/token.json", "/header" -> {
                if (allowed(call, method, "GET") && guarded(call, true) && !tokens.answerNow(call)) {
                    offload(call, () -> tokens.read(call));
                }
            }
            case "/invalidate" -> {
                if (allowed(call, method, "POST") && guarded(call, true)) {
                    offload(call, () -> tokens.invalidate(call));
                }
            }
            case "/livez" -> {
                if (allowed(call, method, "GET") && guarded(call, false)) {
                    health.live(call);
                }
            }
            case "/readyz" -> {
                if (allowed(call, method, "GET") && guarded(call, false)) {
                    health.ready(
                            call,
                            !publicListener || guard.checkSecret(call.headers()).isEmpty());
                }
            }
            case "/metrics" -> {
                if (allowed(call, method, "GET") && guarded(call, false) && (!publicListener || secretGiven(call))) {
                    health.metrics(call, metrics);
                }
            }
            default ->
                call.error(
                        404,
                        "not_found",
                        "no route " + printable(path)
                                + ": the broker serves /token, /token.json, /header, POST /invalidate, /livez, /readyz and /metrics");
        }
    }

    /** A step that may block, run on the server's pool rather than the thread that read the request. */
    private interface Blocking {
        void run() throws IOException;
    }

    private void offload(HttpCall call, Blocking step) {
        call.request().getContext().execute(() -> {
            try {
                step.run();
            } catch (IOException e) {
                LOG.debug("broker request {} {} broke off: {}", call.method(), printable(call.path()), e.toString());
                call.callback().failed(e);
            } catch (RuntimeException e) {
                failed(call, e);
            }
        });
    }

    private static void failed(HttpCall call, RuntimeException e) {
        LOG.error("broker request {} {} failed", call.method(), printable(call.path()), e);
        if (!call.response().isCommitted()) {
            call.error(500, "internal", "internal error (" + e.getClass().getSimpleName() + "); see the broker's log");
        } else {
            call.callback().failed(e);
        }
    }

    private static boolean allowed(HttpCall call, String method, String expected) {
        if (method.equals(expected) || (expected.equals("GET") && method.equals("HEAD"))) {
            return true;
        }
        call.setHeader("Allow", expected.equals("GET") ? "GET, HEAD" : expected);
        call.error(405, "method_not_allowed", method + " is not allowed here: use " + expected);
        return false;
    }

    private boolean guarded(HttpCall call, boolean tokenRoute) {
        Optional<CallerGuard.Refusal> refusal = tokenRoute
                ? guard.checkTokenRequest(call.headers(), call.scheme())
                : guard.checkOrigin(call.headers(), call.scheme());
        if (refusal.isEmpty()) {
            return true;
        }
        if (tokenRoute) {
            metrics.tokenRequest("unknown", "refused");
        }
        refuse(call, refusal.get());
        return false;
    }

    private boolean secretGiven(HttpCall call) {
        Optional<CallerGuard.Refusal> refusal = guard.checkSecret(call.headers());
        refusal.ifPresent(r -> refuse(call, r));
        return refusal.isEmpty();
    }

    private static void refuse(HttpCall call, CallerGuard.Refusal r) {
        if (r.status() == 401) {
            call.setHeader("WWW-Authenticate", "Bearer realm=\"papi broker\"");
        }
        LOG.debug("refused {} {}: {}", call.method(), printable(call.path()), r.reason());
        call.error(r.status(), r.reason(), r.message());
    }

    static String printable(String path) {
        String shown = path.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
    }
}
