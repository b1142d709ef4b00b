package io.papi.lists;

import java.util.List;

/**
 * The JSON papi stores and serves for a list: {@code [{"item_id":"b","score":0.816497}, ...]}, best first; and one
 * JSON Lines record per list, {@code {"list":"bought-together","key":"a","items":[...]}}.
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
            string(out, item.itemId());
            out.append(",\"score\":").append(item.score()).append('}');
        }
        return out.append(']').toString();
    }

    public static String line(ItemList list) {
        StringBuilder out = new StringBuilder("{\"list\":");
        string(out, list.name().id());
        out.append(",\"key\":");
        string(out, list.key());
        return out.append(",\"items\":").append(items(list.items())).append('}').toString();
    }

    /** Appends {@code value} as a JSON string, escaping quotes, backslashes and control characters. */
    public static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
