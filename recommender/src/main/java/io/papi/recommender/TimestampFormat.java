package io.papi.recommender;

import java.util.Locale;

/** How a generic CSV writes its timestamps. All are read as UTC. */
public enum TimestampFormat {
    /** Whole seconds since 1970-01-01T00:00:00Z, as MovieLens' {@code u.data}. */
    EPOCH_SECONDS("epoch"),
    /** Whole milliseconds since the epoch. */
    EPOCH_MILLIS("epoch-millis"),
    /** ISO-8601 local date-time such as {@code 2024-12-04T15:55:49.000} (a space instead of T is accepted). */
    ISO_LOCAL("iso");

    private final String key;

    TimestampFormat(String key) {
        this.key = key;
    }

    /** The short name used in mapping specs: {@code epoch}, {@code epoch-millis} or {@code iso}. */
    public String key() {
        return key;
    }

    public static TimestampFormat parse(String s) {
        for (TimestampFormat f : values()) {
            if (f.key.equals(s.toLowerCase(Locale.ROOT)) || f.name().equalsIgnoreCase(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown timestamp format '" + s + "': use epoch, epoch-millis or iso");
    }
}
