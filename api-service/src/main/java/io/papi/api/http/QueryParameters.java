package io.papi.api.http;

import io.papi.api.ids.InvalidIdsException;
import java.util.HashMap;
import java.util.Map;

/** The query string of a list route, still percent-encoded: each value is checked by whoever reads it. */
final class QueryParameters {
    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    private static final QueryParameters NONE = new QueryParameters(Map.of());

    static QueryParameters of(String rawQuery) throws InvalidIdsException {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (!name.equals("n") && !name.equals("user")) {
                    throw new InvalidIdsException(
                            "unknown query parameter '" + shown(name) + "': use ?n=1-100 and ?user=ID");
                }
                if (values.put(name, value) != null) {
                    throw new InvalidIdsException("query parameter '" + name + "' given twice");
                }
            }
        }
        return new QueryParameters(values);
    }

    String raw(String name) {
        return values.get(name);
    }

    /** A whole number from 1 to {@code max}; {@code otherwise} when absent. */
    int count(String name, int otherwise, int max) throws InvalidIdsException {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        int n = 0;
        boolean ok = !value.isEmpty() && value.length() <= 3;
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = c >= '0' && c <= '9';
            n = n * 10 + (c - '0');
        }
        if (!ok || n < 1 || n > max) {
            throw new InvalidIdsException("?" + name + "=" + shown(value) + " is not a whole number from 1 to " + max);
        }
        return n;
    }

    private static String shown(String raw) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < raw.length() && s.length() < 24; i++) {
            char c = raw.charAt(i);
            s.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.toString();
    }
}
