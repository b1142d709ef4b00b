package io.papi.api.http;

import io.papi.api.ids.IdParser;
import io.papi.api.ids.InvalidIdsException;
import io.papi.api.json.JsonParser;
import io.papi.api.lookup.ListLookup;
import io.papi.api.lookup.RecipeNames;
import io.papi.api.lookup.StoredList;
import io.papi.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Amazon Personalize Runtime's two calls, so that an application written against Personalize reaches papi by
 * changing its endpoint: {@code POST /recommendations} (GetRecommendations) answers
 * {@code {"itemList":[{"itemId":..,"score":..}],"recommendationId":"RID-.."}}, and {@code POST /personalize-ranking}
 * (GetPersonalizedRanking) answers {@code {"personalizedRanking":[..],"recommendationId":..}}. The recipe is the last
 * path segment of {@code recommenderArn} or {@code campaignArn} ({@link RecipeNames}). Errors carry Personalize's
 * error type in {@code __type} and {@code x-amzn-ErrorType}, so the SDK raises the exception a client expects.
 */
final class PersonalizeRoutes {
    /** Personalize's own limit on numResults and inputList. */
    static final int MAX_RESULTS = 500;

    static final int DEFAULT_RESULTS = 25;
    static final long MAX_BODY_BYTES = 64 * 1024;
    private static final String INVALID = "InvalidInputException";
    private static final String NOT_FOUND = "ResourceNotFoundException";

    private final ListLookup lists;
    private final IdParser ids;

    PersonalizeRoutes(ListLookup lists, IdParser ids) {
        this.lists = lists;
        this.ids = ids;
    }

    /** A request Personalize would refuse, with its error type and HTTP status. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String type;

        Refused(int status, String type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }
    }

    void answer(Route route, Request request, Response response, Callback callback) {
        long length = request.getLength();
        if (length < 0 || length > MAX_BODY_BYTES) {
            refuse(
                    response,
                    callback,
                    new Refused(
                            length < 0 ? HttpStatus.LENGTH_REQUIRED_411 : HttpStatus.PAYLOAD_TOO_LARGE_413,
                            INVALID,
                            length < 0
                                    ? "send the JSON body with a Content-Length"
                                    : "the body is " + length + " bytes; at most " + MAX_BODY_BYTES));
            return;
        }
        Content.Source.asStringAsync(request, StandardCharsets.UTF_8).whenComplete((body, failure) -> {
            if (failure != null) {
                refuse(
                        response,
                        callback,
                        new Refused(HttpStatus.BAD_REQUEST_400, INVALID, "the request body could not be read"));
                return;
            }
            CompletableFuture<byte[]> answer;
            try {
                Map<?, ?> json = object(body);
                answer = route == Route.RECOMMENDATIONS ? recommendations(json) : ranking(json);
            } catch (Refused r) {
                refuse(response, callback, r);
                return;
            }
            answer.whenComplete((bytes, error) -> {
                Throwable cause = error != null && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof Refused r) {
                    refuse(response, callback, r);
                } else if (error != null) {
                    ListRoutes.fail(response, callback, error);
                } else {
                    Responses.json(response, callback, HttpStatus.OK_200, bytes);
                }
            });
        });
    }

    private CompletableFuture<byte[]> recommendations(Map<?, ?> json) throws Refused {
        RecipeNames.Target target = target(json, false);
        String user = id(json, "userId", false);
        String item = id(json, "itemId", target.needsItem());
        int n = numResults(json);
        CompletableFuture<Set<String>> seen = lists.seen(user);
        CompletableFuture<Optional<StoredList>> list;
        if (target.perUser()) {
            if (user == null) {
                throw new Refused(HttpStatus.BAD_REQUEST_400, INVALID, "userId is required for this recipe");
            }
            // unknown users get the popular list: most viewed for ecommerce, most popular for media
            list = lists.forYou(user, recipe(json).startsWith("aws-ecomm-") ? "most-viewed" : "most-popular");
        } else {
            list = lists.list(target.list(), item == null ? ListLookup.GLOBAL_KEY : item);
        }
        return list.thenCombine(seen, (found, exclude) -> {
            if (found.isEmpty()) {
                throw new java.util.concurrent.CompletionException(new Refused(
                        HttpStatus.NOT_FOUND_404,
                        NOT_FOUND,
                        item != null
                                ? "no " + target.list() + " list for item '" + item + "'"
                                : "no " + target.list() + " list is published"));
            }
            List<StoredList.Item> kept = new ArrayList<>();
            for (StoredList.Item i : found.get().items()) {
                if (kept.size() == n) {
                    break;
                }
                if (!exclude.contains(i.id()) && !i.id().equals(item)) {
                    kept.add(i);
                }
            }
            return render("itemList", kept);
        });
    }

    /**
     * Ranks inputList for the user: items among the user's recommendations first, by their score; then the rest by
     * the most-popular list; then in the order given. Items with no score of the user's answer score 0.
     */
    private CompletableFuture<byte[]> ranking(Map<?, ?> json) throws Refused {
        target(json, true);
        String user = id(json, "userId", true);
        if (!(json.get("inputList") instanceof List<?> input) || input.isEmpty()) {
            throw new Refused(HttpStatus.BAD_REQUEST_400, INVALID, "inputList must be a non-empty array of item ids");
        }
        if (input.size() > MAX_RESULTS) {
            throw new Refused(HttpStatus.BAD_REQUEST_400, INVALID, "inputList holds at most " + MAX_RESULTS + " items");
        }
        List<String> items = new ArrayList<>();
        for (Object o : input) {
            items.add(checked(o, "inputList item"));
        }
        return lists.user(user).thenCombine(lists.list("most-popular", ListLookup.GLOBAL_KEY), (mine, popular) -> {
            Map<String, Double> userScore = scores(mine);
            Map<String, Double> popularity = scores(popular);
            List<String> order = new ArrayList<>(new java.util.LinkedHashSet<>(items));
            Map<String, Integer> given = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                given.put(order.get(i), i);
            }
            order.sort((a, b) -> {
                int c = Double.compare(userScore.getOrDefault(b, -1.0), userScore.getOrDefault(a, -1.0));
                if (c == 0) {
                    c = Double.compare(popularity.getOrDefault(b, -1.0), popularity.getOrDefault(a, -1.0));
                }
                return c != 0 ? c : Integer.compare(given.get(a), given.get(b));
            });
            List<StoredList.Item> ranked = new ArrayList<>();
            for (String id : order) {
                ranked.add(new StoredList.Item(id, userScore.getOrDefault(id, 0.0), null, null));
            }
            return render("personalizedRanking", ranked);
        });
    }

    private static Map<String, Double> scores(Optional<StoredList> list) {
        Map<String, Double> scores = new HashMap<>();
        list.ifPresent(l -> l.items().forEach(i -> scores.putIfAbsent(i.id(), i.score())));
        return scores;
    }

    private static byte[] render(String field, List<StoredList.Item> items) {
        StringBuilder out = new StringBuilder(items.size() * 40 + 80)
                .append("{\"")
                .append(field)
                .append("\":[");
        for (int k = 0; k < items.size(); k++) {
            if (k > 0) {
                out.append(',');
            }
            JsonText.htmlSafeString(out.append("{\"itemId\":"), items.get(k).id())
                    .append(",\"score\":");
            JsonText.number(out, items.get(k).score()).append('}');
        }
        out.append("],\"recommendationId\":\"RID-").append(UUID.randomUUID()).append("\"}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<?, ?> object(String body) throws Refused {
        try {
            if (JsonParser.parse(body) instanceof Map<?, ?> map) {
                return map;
            }
        } catch (IllegalArgumentException e) {
            throw new Refused(HttpStatus.BAD_REQUEST_400, INVALID, "the body is " + e.getMessage());
        }
        throw new Refused(HttpStatus.BAD_REQUEST_400, INVALID, "the body must be a JSON object");
    }

    private static RecipeNames.Target target(Map<?, ?> json, boolean campaignOnly) throws Refused {
        Object arn = json.get("campaignArn");
        if (arn == null && !campaignOnly) {
            arn = json.get("recommenderArn");
        }
        if (!(arn instanceof String text) || text.isBlank()) {
            throw new Refused(
                    HttpStatus.BAD_REQUEST_400,
                    INVALID,
                    campaignOnly ? "campaignArn is required" : "recommenderArn or campaignArn is required");
        }
        return RecipeNames.of(text)
                .orElseThrow(() -> new Refused(
                        HttpStatus.NOT_FOUND_404,
                        NOT_FOUND,
                        "no recipe '" + shown(text.substring(text.lastIndexOf('/') + 1)) + "': papi serves "
                                + RecipeNames.known()));
    }

    /** The recipe's name, the ARN's last path segment, lower case; target(json) has checked it is there. */
    private static String recipe(Map<?, ?> json) {
        Object arn = json.get("campaignArn") != null ? json.get("campaignArn") : json.get("recommenderArn");
        String text = String.valueOf(arn);
        return text.substring(text.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private String id(Map<?, ?> json, String field, boolean required) throws Refused {
        Object value = json.get(field);
        if (value == null) {
            if (required) {
                throw new Refused(HttpStatus.BAD_REQUEST_400, INVALID, field + " is required for this recipe");
            }
            return null;
        }
        return checked(value, field);
    }

    private String checked(Object value, String what) throws Refused {
        if (!(value instanceof String text)) {
            throw new Refused(HttpStatus.BAD_REQUEST_400, INVALID, what + " must be a string");
        }
        try {
            if (text.indexOf('%') >= 0) {
                throw new InvalidIdsException(what + " '" + shown(text) + "' has a character that is not allowed: "
                        + "ids are letters, digits and ._:-");
            }
            return ids.parseOne(text, what);
        } catch (InvalidIdsException e) {
            throw new Refused(HttpStatus.BAD_REQUEST_400, INVALID, e.getMessage());
        }
    }

    private static int numResults(Map<?, ?> json) throws Refused {
        Object value = json.get("numResults");
        if (value == null) {
            return DEFAULT_RESULTS;
        }
        if (!(value instanceof Double d) || d != Math.rint(d) || d < 1 || d > MAX_RESULTS) {
            throw new Refused(
                    HttpStatus.BAD_REQUEST_400, INVALID, "numResults is a whole number from 1 to " + MAX_RESULTS);
        }
        return d.intValue();
    }

    private static String shown(String text) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < text.length() && s.length() < 40; i++) {
            char c = text.charAt(i);
            s.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.toString();
    }

    private static void refuse(Response response, Callback callback, Refused r) {
        response.getHeaders().put(new HttpField("x-amzn-ErrorType", r.type));
        StringBuilder body = new StringBuilder("{\"__type\":");
        JsonText.htmlSafeString(body, r.type).append(",\"message\":");
        JsonText.htmlSafeString(body, r.getMessage()).append(",\"error\":");
        JsonText.htmlSafeString(body, r.getMessage()).append('}');
        Responses.json(response, callback, r.status, body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
