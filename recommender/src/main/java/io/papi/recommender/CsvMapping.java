package io.papi.recommender;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a generic ratings CSV keeps user, item, rating and (optionally) timestamp.
 *
 * <p>A column is named by its header name (case-insensitive) or by its 1-based position; without a header only
 * positions work. Fields may be quoted as RFC 4180 describes (a quote inside a quoted field is doubled).
 *
 * @param delimiter       field separator
 * @param header          whether the first non-blank line names the columns
 * @param charset         file encoding
 * @param user            user id column (values are whole numbers)
 * @param item            item id column (whole numbers)
 * @param rating          rating column
 * @param timestamp       timestamp column, or null when the file has none
 * @param timestampFormat how timestamps are written (ignored without a timestamp column)
 * @param minRating       smallest valid rating
 * @param maxRating       largest valid rating
 */
public record CsvMapping(
        char delimiter,
        boolean header,
        Charset charset,
        String user,
        String item,
        String rating,
        String timestamp,
        TimestampFormat timestampFormat,
        double minRating,
        double maxRating) {

    public CsvMapping {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(timestampFormat, "timestampFormat");
        requireColumn("user", user, header);
        requireColumn("item", item, header);
        requireColumn("rating", rating, header);
        if (timestamp != null) {
            requireColumn("timestamp", timestamp, header);
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
        }
        if (!(minRating <= maxRating)) {
            throw new IllegalArgumentException(
                    "rating range " + minRating + " to " + maxRating + " is empty: min must not exceed max");
        }
    }

    /** Comma-separated, with a header, UTF-8, ratings 1 to 5, no timestamp. */
    public static CsvMapping of(String user, String item, String rating) {
        return new CsvMapping(
                ',', true, StandardCharsets.UTF_8, user, item, rating, null, TimestampFormat.EPOCH_SECONDS, 1, 5);
    }

    /**
     * Parses a mapping written as comma-separated {@code key=value} pairs, for command lines:
     * {@code user=userId,item=movieId,rating=rating,timestamp=timestamp,format=epoch,delimiter=tab,header=true,min=0.5,max=5,charset=UTF-8}.
     * {@code user}, {@code item} and {@code rating} are required; the delimiter may be a single character or one of
     * {@code comma}, {@code tab}, {@code pipe}, {@code semicolon}.
     *
     * @throws IllegalArgumentException naming the key or value that was wrong
     */
    public static CsvMapping parse(String spec) {
        String user = null;
        String item = null;
        String rating = null;
        String timestamp = null;
        TimestampFormat format = TimestampFormat.EPOCH_SECONDS;
        char delimiter = ',';
        boolean header = true;
        Charset charset = StandardCharsets.UTF_8;
        double min = 1;
        double max = 5;
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("mapping entry '" + pair + "' is not key=value, e.g. user=userId");
            }
            String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = pair.substring(eq + 1).trim();
            switch (key) {
                case "user" -> user = value;
                case "item" -> item = value;
                case "rating" -> rating = value;
                case "timestamp" -> timestamp = value;
                case "format" -> format = TimestampFormat.parse(value);
                case "delimiter" -> delimiter = delimiter(value);
                case "header" -> header = bool(key, value);
                case "charset" -> charset = charset(value);
                case "min" -> min = number(key, value);
                case "max" -> max = number(key, value);
                default ->
                    throw new IllegalArgumentException("unknown mapping key '" + key
                            + "': use user, item, rating, timestamp, format, delimiter, header, charset, min, max");
            }
        }
        if (user == null || item == null || rating == null) {
            throw new IllegalArgumentException("mapping '" + spec
                    + "' must name user, item and rating columns, e.g. user=userId,item=movieId,rating=rating");
        }
        return new CsvMapping(delimiter, header, charset, user, item, rating, timestamp, format, min, max);
    }

    public CsvMapping withTimestamp(String column, TimestampFormat format) {
        return new CsvMapping(delimiter, header, charset, user, item, rating, column, format, minRating, maxRating);
    }

    public CsvMapping withDelimiter(char d) {
        return new CsvMapping(d, header, charset, user, item, rating, timestamp, timestampFormat, minRating, maxRating);
    }

    public CsvMapping withHeader(boolean h) {
        return new CsvMapping(
                delimiter, h, charset, user, item, rating, timestamp, timestampFormat, minRating, maxRating);
    }

    public CsvMapping withRatingRange(double min, double max) {
        return new CsvMapping(delimiter, header, charset, user, item, rating, timestamp, timestampFormat, min, max);
    }

    public CsvMapping withCharset(Charset c) {
        return new CsvMapping(
                delimiter, header, c, user, item, rating, timestamp, timestampFormat, minRating, maxRating);
    }

    private static void requireColumn(String what, String column, boolean header) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("the " + what + " column is not given");
        }
        if (!header && !isPosition(column)) {
            throw new IllegalArgumentException(
                    "the " + what + " column '" + column + "' must be a 1-based position when the file has no header");
        }
    }

    static boolean isPosition(String column) {
        return column.chars().allMatch(Character::isDigit) && !column.isEmpty() && Integer.parseInt(column) >= 1;
    }

    private static char delimiter(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "comma" -> ',';
            case "tab", "\\t" -> '\t';
            case "pipe" -> '|';
            case "semicolon" -> ';';
            default -> {
                if (v.length() != 1) {
                    throw new IllegalArgumentException(
                            "delimiter '" + v + "' must be one character or comma, tab, pipe, semicolon");
                }
                yield v.charAt(0);
            }
        };
    }

    private static boolean bool(String key, String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(key + " must be true or false, not '" + v + "'");
    }

    private static double number(String key, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + v + "'");
        }
    }

    private static Charset charset(String v) {
        try {
            return Charset.forName(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown charset '" + v + "': use e.g. UTF-8 or ISO-8859-1");
        }
    }
}
