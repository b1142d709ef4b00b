package io.papi.api.http;

import io.papi.api.metrics.ApiMetrics;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Outermost handler: times every request, refused ones included, into
 * {@code papi_http_server_requests_seconds{route,method,status}}.
 */
public final class RequestTimer extends Handler.Wrapper {
    private final ApiMetrics metrics;

    public RequestTimer(ApiMetrics metrics, Handler next) {
        super(next);
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        Route route = Route.of(request.getHttpURI().getPath());
        Callback timed = new TimedCallback(callback, metrics, route, methodTag(request.getMethod()), response, start);
        return super.handle(request, response, timed);
    }

    /** Bounded tag values: an arbitrary method string must not create a new time series. */
    private static String methodTag(String method) {
        HttpMethod known = HttpMethod.fromString(method);
        return known == null ? "OTHER" : known.asString();
    }
}
