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

    private Fields() {}

    public static long id(String value, String column) throws RowProblem {
        String v = value.trim();
        if (v.isEmpty()) {
            throw new RowProblem(column + " is empty");
        }
        long fast = digits(v);
        if (fast >= 0) {
            return fast;
        }
        if (!WHOLE.matcher(v).matches()) {
            throw new RowProblem(column + " '" + shorten(v) + "' is not a whole number");
        }
        return Long.parseLong(v);
    }

    /** The value of 1 to 18 plain ASCII digits, or -1: the common case, without a regular expression. */
    private static long digits(String v) {
        int n = v.length();
        if (n == 0 || n > 18) {
            return -1;
        }
        long x = 0;
        for (int k = 0; k < n; k++) {
            char c = v.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            x = x * 10 + (c - '0');
        }
        return x;
    }

    public static float rating(String value, String column, double min, double max) throws RowProblem {
        String v = value.trim();
        if (v.isEmpty()) {
            throw new RowProblem(column + " is empty");
        }
        double d;
        if (v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '9') {
            d = v.charAt(0) - '0'; // MovieLens and the guide write whole stars
        } else if (DECIMAL.matcher(v).matches()) {
            d = Double.parseDouble(v);
        } else {
            throw new RowProblem(column + " '" + shorten(v) + "' is not a number");
        }
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
                long fast = isoFast(v);
                if (fast != Long.MIN_VALUE) {
                    return fast;
                }
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

    /**
     * Parses the guide's exact shape {@code yyyy-MM-ddTHH:mm:ss.SSS} (or without the fraction, or with a space for
     * T) directly, as DateTimeFormatter is slow for a million rows; returns Long.MIN_VALUE for anything else, which
     * then goes through LocalDateTime.parse and its validation.
     */
    private static long isoFast(String v) {
        int n = v.length();
        if ((n != 19 && n != 23)
                || v.charAt(4) != '-'
                || v.charAt(7) != '-'
                || (v.charAt(10) != 'T' && v.charAt(10) != ' ')
                || v.charAt(13) != ':'
                || v.charAt(16) != ':'
                || (n == 23 && v.charAt(19) != '.')) {
            return Long.MIN_VALUE;
        }
        int year = num(v, 0, 4);
        int month = num(v, 5, 7);
        int day = num(v, 8, 10);
        int hour = num(v, 11, 13);
        int minute = num(v, 14, 16);
        int second = num(v, 17, 19);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || (n == 23 && num(v, 20, 23) < 0)
                || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        return java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second;
    }

    private static int num(String v, int from, int to) {
        int x = 0;
        for (int k = from; k < to; k++) {
            char c = v.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            x = x * 10 + (c - '0');
        }
        return x;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Keeps problem lines short when a whole line ended up in one field. */
    static String shorten(String v) {
        return v.length() <= 40 ? v : v.substring(0, 37) + "...";
    }
}
