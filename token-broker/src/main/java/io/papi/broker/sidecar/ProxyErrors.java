package io.papi.broker.sidecar;

import io.papi.broker.TokenUnavailableException;
import okhttp3.HttpUrl;

/** The proxy's own answers when it cannot relay a request, worded alike on its asynchronous and blocking paths. */
final class ProxyErrors {
    private ProxyErrors() {}

    /** 503 {@code no_token}, with {@code Retry-After} when the broker knows when a token may come. */
    static void noToken(HttpCall call, TokenUnavailableException e) {
        e.retryAfter().ifPresent(d -> call.setHeader("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
        call.error(503, "no_token", e.getMessage());
    }

    /** 504 {@code upstream_timeout} when {@code late}, else 502 {@code upstream_unreachable}. */
    static void upstream(HttpCall call, HttpUrl endpoint, boolean late, Throwable failure) {
        call.error(
                late ? 504 : 502, late ? "upstream_timeout" : "upstream_unreachable", message(endpoint, late, failure));
    }

    /** What went wrong reaching {@code endpoint}, in one line. */
    static String message(HttpUrl endpoint, boolean late, Throwable failure) {
        return late
                ? "the endpoint " + endpoint.host() + " did not answer in time (" + failure.getMessage() + ")"
                : "the endpoint " + endpoint.host() + ":" + endpoint.port() + " could not be reached ("
                        + failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ")";
    }

    /** 500 for a fault of the proxy's own, which is in the broker's log. */
    static void internal(HttpCall call, RuntimeException e) {
        call.error(500, "internal", "internal error (" + e.getClass().getSimpleName() + "); see the broker's log");
    }
}
