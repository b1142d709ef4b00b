package io.papi.recommender.load;

import io.papi.recommender.TimestampFormat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parses the values of a rating row, with a one-line problem naming the column and value when one is wrong. */
public final class Fields {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private Fields() {
    }

    public static long id(String value, String column) throws RowProblem {
        String v = value.trim();
        if (v.isEmpty()) {
            throw new RowProblem(column + " is empty");
        }
        if (!WHOLE.matcher(v).matches()) {
            throw new RowProblem(column + " '" + shorten(v) + "' is not a whole number");
        }
        return Long.parseLong(v);
    }

    public static float rating(String value, String column, double min, double max) throws RowProblem {
        String v = value.trim();
        if (v.isEmpty()) {
            throw new RowProblem(column + " is empty");
        }
        if (!DECIMAL.matcher(v).matches()) {
            throw new RowProblem(column + " '" + shorten(v) + "' is not a number");
        }
        double d = Double.parseDouble(v);
        if (d < min || d > max) {
            throw new RowProblem(column + " '" + v + "' is out of range " + number(min) + " to " + number(max));
        }
        return (float) d;
    }

    /** Parses a timestamp to epoch seconds (UTC). */
    public static long timestamp(String value, String column, TimestampFormat format) throws RowProblem {
        String v = value.trim();
        if (v.isEmpty()) {
            throw new RowProblem(column + " is empty");
        }
        switch (format) {
            case EPOCH_SECONDS, EPOCH_MILLIS -> {
                if (!WHOLE.matcher(v).matches() || v.startsWith("-")) {
                    throw new RowProblem(column + " '" + shorten(v) + "' is not "
                            + (format == TimestampFormat.EPOCH_SECONDS ? "epoch seconds" : "epoch milliseconds"));
                }
                long t = Long.parseLong(v);
                return format == TimestampFormat.EPOCH_SECONDS ? t : Math.floorDiv(t, 1000L);
            }
            case ISO_LOCAL -> {
                String iso = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
                try {
                    return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new RowProblem(column + " '" + shorten(v)
                            + "' is not an ISO local date-time such as 2024-12-04T15:55:49.000");
                }
            }
            default -> throw new IllegalStateException(format.name());
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Keeps problem lines short when a whole line ended up in one field. */
    static String shorten(String v) {
        return v.length() <= 40 ? v : v.substring(0, 37) + "...";
    }
}
