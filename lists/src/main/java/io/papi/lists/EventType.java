package io.papi.lists;

import java.util.Locale;

/** The EVENT_TYPE values of papi's interactions datasets; anything else (a rating, a custom type) is OTHER. */
public enum EventType {
    VIEW,
    PURCHASE,
    WATCH,
    OTHER;

    public static EventType of(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "view" -> VIEW;
            case "purchase" -> PURCHASE;
            case "watch" -> WATCH;
            default -> OTHER;
        };
    }
}
