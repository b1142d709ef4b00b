package io.papi.lists;

import io.papi.json.JsonText;
import java.util.List;

/**
 * The JSON papi stores and serves for a list: {@code [{"item_id":"b","score":0.816497}, ...]}, best first; and one
 * JSON Lines record per list, {@code {"list":"bought-together","key":"a","items":[...]}}. Strings are escaped by
 * {@link JsonText#string}.
 */
public final class ListsJson {
    private ListsJson() {}

    public static String items(List<ScoredItem> items) {
        StringBuilder out = new StringBuilder(items.size() * 40 + 2).append('[');
        for (ScoredItem item : items) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"item_id\":");
            JsonText.string(out, item.itemId());
            out.append(",\"score\":").append(item.score()).append('}');
        }
        return out.append(']').toString();
    }

    public static String line(ItemList list) {
        StringBuilder out = new StringBuilder("{\"list\":");
        JsonText.string(out, list.name().id());
        out.append(",\"key\":");
        JsonText.string(out, list.key());
        return out.append(",\"items\":").append(items(list.items())).append('}').toString();
    }
}
