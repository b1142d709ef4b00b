package io.papi.api.http;

import io.papi.api.ApiConfig.IdMode;
import io.papi.api.ids.IdParser;
import io.papi.api.ids.InvalidIdsException;
import io.papi.api.lookup.ListLookup;
import io.papi.api.lookup.StoredList;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /item/{id}/similar|also-viewed|bought-together}, {@code /popular/most-viewed|best-sellers|most-popular}
 * and {@code /trending}: a list from the lists table, {@code ?n=} items (1-100, default 25), without what
 * {@code ?user=} already interacted with. Answers {@code {"list":..,"seed":..,"items":[{"item_id":..,"score":..}]}};
 * 400 for a bad id or parameter, 404 for an item or list the table does not have, 503 when the store does not answer.
 */
final class ListRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ListRoutes.class);
    static final int DEFAULT_N = 25;
    static final int MAX_N = 100;
    /** Personalize's limit on item and user ids. */
    static final int MAX_ID_CHARS = 256;

    private final IdParser ids = new IdParser(IdMode.ALPHANUMERIC, 1, MAX_ID_CHARS);
    private final ListLookup lists;

    ListRoutes(ListLookup lists) {
        this.lists = lists;
    }

    IdParser ids() {
        return ids;
    }

    void answer(Route route, Request request, String path, Response response, Callback callback) {
        String seed = null;
        int n;
        String user;
        try {
            if (route.perItem()) {
                seed = ids.parseOne(Route.itemSegment(path), "item id");
            }
            QueryParameters query = QueryParameters.of(request.getHttpURI().getQuery());
            n = query.count("n", DEFAULT_N, MAX_N);
            String rawUser = query.raw("user");
            user = rawUser == null ? null : ids.parseOne(rawUser, "user");
        } catch (InvalidIdsException e) {
            Responses.json(response, callback, HttpStatus.BAD_REQUEST_400, Json.error(e.getMessage()));
            return;
        }
        String key = seed == null ? ListLookup.GLOBAL_KEY : seed;
        String item = seed;
        CompletableFuture<Optional<StoredList>> list = lists.list(route.list(), key);
        CompletableFuture<Optional<byte[]>> answer = user == null
                ? list.thenApply(found -> found.map(l -> l.answer(route.list(), item, n)))
                : list.thenCombine(
                        lists.seen(user),
                        (found, exclude) -> found.map(l -> ListLookup.answer(route.list(), item, l, n, exclude)));
        answer.whenComplete((body, failure) -> {
            if (failure != null) {
                fail(response, callback, failure);
            } else if (body.isEmpty()) {
                Responses.json(
                        response,
                        callback,
                        HttpStatus.NOT_FOUND_404,
                        Json.error(
                                item == null
                                        ? "no " + route.list()
                                                + " list is published: run papi recommend lists --publish"
                                        : "no " + route.list() + " list for item '" + item
                                                + "': the item is unknown or has none"));
            } else {
                Responses.json(response, callback, HttpStatus.OK_200, body.get());
            }
        });
    }

    /** 503 for a store that did not answer, 500 (logged) for anything else. */
    static void fail(Response response, Callback callback, Throwable failure) {
        Responses.storeFailure(response, callback, failure, LOG, "list lookup failed");
    }
}
