package io.papi.broker;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * papi's one duration grammar, for flags, settings and query parameters alike: bare seconds ({@code 30}), one or
 * more unit parts ({@code 500ms}, {@code 30s}, {@code 59m}, {@code 1h}, {@code 2d}, {@code 1h30m}), or ISO-8601
 * ({@code PT5M}, {@code PT1H30M}, as {@link Duration#parse} reads it). Never negative.
 */
public final class Durations {
    /** The accepted forms, as {@code --help} and every refusal say them. */
    public static final String FORMS = "30 (seconds), 500ms, 30s, 1h30m or PT5M";

    private static final Pattern BARE_SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern PART = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

    private Durations() {}

    /** @throws IllegalArgumentException naming the value and the accepted forms */
    public static Duration parse(String value) {
        return parse(value, null);
    }

    /**
     * @param what the name to give in the message (a flag, a query parameter), or null
     * @throws IllegalArgumentException naming {@code what}, the value (shortened, control characters shown as ?)
     *     and the accepted forms
     */
    public static Duration parse(String value, String what) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Duration parsed;
        try {
            parsed = text.startsWith("p") ? iso(text) : units(text);
        } catch (ArithmeticException tooLong) {
            parsed = null;
        }
        if (parsed == null || parsed.isNegative()) {
            String shown = value.length() > 20 ? value.substring(0, 20) + "..." : value;
            String quoted = "'" + shown.replaceAll("[^\\x20-\\x7e]", "?") + "'";
            throw new IllegalArgumentException(
                    (what == null ? "" : what + " ") + quoted + " is not a duration: write it like " + FORMS);
        }
        return parsed;
    }

    /** The shortest of {@code 500ms}, {@code 30s}, {@code 59m}, {@code 1h} that says {@code d} exactly. */
    public static String format(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0 && s > 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    private static Duration iso(String text) {
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration units(String text) {
        if (BARE_SECONDS.matcher(text).matches()) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
            end = m.end();
        }
        return end == 0 || end != text.length() ? null : total;
    }
}
