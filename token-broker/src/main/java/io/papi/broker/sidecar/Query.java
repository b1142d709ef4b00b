package io.papi.broker.sidecar;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The parameters of a query string or a form body, with unknown names refused so that typos do not pass silently. */
public final class Query {
    private final Map<String, String> values;

    private Query(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code a=1&b=2} (the first value of a repeated name wins).
     *
     * @throws IllegalArgumentException naming an unknown parameter and the known ones
     */
    public static Query parse(String raw, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("unknown parameter '" + printable(name) + "': known are "
                            + String.join(", ", new java.util.TreeSet<>(known)));
                }
                values.putIfAbsent(name, value);
            }
        }
        return new Query(values);
    }

    /** Merges two queries (say the URL's and a form body's), the first winning. */
    public Query and(Query other) {
        Map<String, String> merged = new LinkedHashMap<>(other.values);
        merged.putAll(values);
        return new Query(merged);
    }

    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the query string is not URL-encoded properly");
        }
    }

    private static String printable(String text) {
        String shown = text.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() > 40 ? shown.substring(0, 40) + "..." : shown;
    }
}
