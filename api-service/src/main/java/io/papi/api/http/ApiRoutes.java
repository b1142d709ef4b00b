package io.papi.api.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.papi.api.ApiConfig;
import io.papi.api.ids.IdParser;
import io.papi.api.ids.InvalidIdsException;
import io.papi.api.lookup.RecommendationLookup;
import io.papi.api.lookup.StoreCalls;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's routes, behind {@link RequestTimer} and {@link IngressGate}. Nothing here blocks: a cached answer is
 * written at once; a store lookup completes on the store's threads and writes its response from there; the one
 * slow-ish job, rendering {@code /metrics}, is handed to Jetty's thread pool. That lets Jetty run these routes
 * on the thread that read the request, without a hand-off: measured, about 40% less CPU per cached request
 * (docs/performance/api-service.md).
 */
public final class ApiRoutes extends Handler.Abstract.NonBlocking {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    private final IdParser ids;
    private final RecommendationLookup lookup;
    private final StoreCalls store;
    private final PrometheusMeterRegistry registry;
    private final byte[] testPage;
    private final byte[] notReady;
    private final ListRoutes lists;
    private final PersonalizeRoutes personalize;

    public ApiRoutes(
            ApiConfig config, RecommendationLookup lookup, StoreCalls store, PrometheusMeterRegistry registry) {
        this.ids = new IdParser(
                config.ids().mode(), config.ids().maxIds(), config.ids().maxIdLength());
        this.lookup = lookup;
        this.store = store;
        this.registry = registry;
        this.testPage = TestPage.html();
        this.lists =
                new ListRoutes(lookup.lists(config.cache().ttl(), config.cache().maxEntries()));
        this.personalize = new PersonalizeRoutes(
                lookup.lists(config.cache().ttl(), config.cache().maxEntries()), lists.ids());
        this.notReady = Json.error("recommendation store did not answer its ping within "
                + store.timeout().toMillis() + " ms");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        Route route = Route.of(path);
        if (route == Route.UNMATCHED) {
            Responses.json(response, callback, HttpStatus.NOT_FOUND_404, Responses.NOT_FOUND);
            return true;
        }
        String method = request.getMethod();
        if (route.takesPost()) {
            if (!HttpMethod.POST.is(method)) {
                methodNotAllowed(response, callback, Responses.ALLOW_POST, method, route, "POST");
                return true;
            }
            // reading the body may wait for the network: off this thread
            request.getComponents().getExecutor().execute(() -> personalize.answer(route, request, response, callback));
            return true;
        }
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            methodNotAllowed(response, callback, Responses.ALLOW_GET, method, route, "GET");
            return true;
        }
        if (route.list() != null) {
            lists.answer(route, request, path, response, callback);
            return true;
        }
        switch (route) {
            case CUSTOMER -> customer(request, path, response, callback);
            case ROOT -> Responses.json(response, callback, HttpStatus.OK_200, Responses.NOTHING_TO_SEE);
            case TEST_PAGE -> {
                response.getHeaders().put(Responses.NO_STORE);
                Responses.send(response, callback, HttpStatus.OK_200, Responses.HTML, testPage);
            }
            case HEALTH -> Responses.json(response, callback, HttpStatus.OK_200, Responses.HEALTHY);
            case READY -> ready(response, callback);
            case METRICS ->
                request.getComponents()
                        .getExecutor()
                        .execute(() -> Responses.text(
                                response, callback, HttpStatus.OK_200, Responses.PROMETHEUS_TEXT, registry.scrape()));
            default -> Responses.json(response, callback, HttpStatus.NOT_FOUND_404, Responses.NOT_FOUND);
        }
        return true;
    }

    private void customer(Request request, String path, Response response, Callback callback) {
        List<String> asked;
        try {
            asked = ids.parse(Route.idsSegment(path));
        } catch (InvalidIdsException e) {
            Responses.json(response, callback, HttpStatus.BAD_REQUEST_400, Json.error(e.getMessage()));
            return;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} asked for {} ids", request.getHeaders().get(IngressGate.CURRENT_USER), asked.size());
        }
        lookup.answer(asked).whenComplete((body, failure) -> {
            if (failure == null) {
                Responses.json(response, callback, HttpStatus.OK_200, body);
                return;
            }
            Responses.storeFailure(response, callback, failure, LOG, "lookup failed");
        });
    }

    private void ready(Response response, Callback callback) {
        store.ready().whenComplete((readiness, failure) -> {
            if (readiness != null && readiness.ready()) {
                Responses.json(
                        response,
                        callback,
                        HttpStatus.OK_200,
                        readiness.rows().isPresent()
                                ? Responses.ready(readiness.rows().getAsLong())
                                : Responses.READY);
            } else {
                Responses.json(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, notReady);
            }
        });
    }

    /** 405 with the Allow header and a line naming the method to use. */
    private static void methodNotAllowed(
            Response response, Callback callback, HttpField allow, String method, Route route, String use) {
        response.getHeaders().put(allow);
        Responses.json(
                response,
                callback,
                HttpStatus.METHOD_NOT_ALLOWED_405,
                Json.error("method " + method + " is not allowed on " + route.template() + ": use " + use));
    }
}
