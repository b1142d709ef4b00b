package io.papi.broker.sidecar;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as callers write them in a query: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, or bare seconds. */
public final class DurationText {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    private DurationText() {
    }

    /** @throws IllegalArgumentException with a message naming {@code what} and the accepted forms */
    public static Duration parse(String text, String what) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
            throw new IllegalArgumentException(what + " '" + shown.replaceAll("[^\\x20-\\x7e]", "?")
                    + "' is not a duration: write it like 30s, 500ms, 2m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
