package io.papi.api.http;

import io.papi.api.metrics.ApiMetrics;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Records a request's latency, by route and final status, when its response has been written (or failed). */
final class TimedCallback implements Callback {
    private final Callback delegate;
    private final ApiMetrics metrics;
    private final Route route;
    private final String method;
    private final Response response;
    private final long startNanos;

    TimedCallback(
            Callback delegate, ApiMetrics metrics, Route route, String method, Response response, long startNanos) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.route = route;
        this.method = method;
        this.response = response;
        this.startNanos = startNanos;
    }

    @Override
    public void succeeded() {
        record();
        delegate.succeeded();
    }

    @Override
    public void failed(Throwable failure) {
        record();
        delegate.failed(failure);
    }

    @Override
    public InvocationType getInvocationType() {
        return delegate.getInvocationType();
    }

    private void record() {
        metrics.request(route.template(), method, response.getStatus(), System.nanoTime() - startNanos);
    }
}
