package io.papi.api.lookup;

import io.papi.api.json.JsonParser;
import io.papi.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A stored list, parsed once when it enters the cache: its items best first, each with its JSON element rendered
 * already, so that answering is concatenation. Reads the lists table's elements
 * ({@code {"item_id":"b","score":0.8}}) and the lookup table's ({@code {"item_id":50,"movie_name":..,
 * "movie_score":"12.00"}}) alike, keys in any order (TO_JSON promises none).
 */
public final class StoredList {
    /** One item: its id, score, name (null when unknown) and its answer element. */
    public record Item(String id, double score, String name, byte[] element) {}

    private final List<Item> items;
    /** The last unfiltered answer rendered, by n: most requests ask for the same n, so they share its bytes. */
    private volatile Rendered rendered;

    private record Rendered(int n, byte[] body) {}

    private StoredList(List<Item> items) {
        this.items = Collections.unmodifiableList(items);
    }

    public List<Item> items() {
        return items;
    }

    /**
     * The answer without a user filter, rendered once per n and then reused (a list is immutable once cached, and
     * its list name and seed are fixed by its cache key).
     */
    public byte[] answer(String list, String seed, int n) {
        Rendered last = rendered;
        if (last != null && last.n() == n) {
            return last.body();
        }
        byte[] body = ListLookup.answer(list, seed, this, n, java.util.Set.of());
        rendered = new Rendered(n, body);
        return body;
    }

    /** @throws IllegalArgumentException when the stored text is not an array of objects with an item_id */
    public static StoredList parse(String json) {
        if (json == null || json.isBlank()) {
            return new StoredList(List.of());
        }
        if (!(JsonParser.parse(json) instanceof List<?> array)) {
            throw new IllegalArgumentException("a stored list is a JSON array");
        }
        List<Item> items = new ArrayList<>(array.size());
        for (Object element : array) {
            if (!(element instanceof Map<?, ?> object) || object.get("item_id") == null) {
                throw new IllegalArgumentException("a stored list's elements are objects with an item_id");
            }
            String id = text(object.get("item_id"));
            double score = number(object.containsKey("score") ? object.get("score") : object.get("movie_score"));
            Object name = object.containsKey("name") ? object.get("name") : object.get("movie_name");
            items.add(item(id, score, name == null ? null : text(name)));
        }
        return new StoredList(items);
    }

    /** An item of an answer, its element rendered: {@code {"item_id":"b","score":0.8,"name":".."}}. */
    static Item item(String id, double score, String name) {
        StringBuilder out = new StringBuilder(64).append("{\"item_id\":");
        JsonText.htmlSafeString(out, id).append(",\"score\":");
        JsonText.number(out, score);
        if (name != null) {
            JsonText.htmlSafeString(out.append(",\"name\":"), name);
        }
        return new Item(id, score, name, out.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    private static double number(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
