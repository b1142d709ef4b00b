package io.papi.recommender.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes rows in the guide's CSV layout: RFC 4180 quoting where needed, ISO local timestamps with milliseconds. */
public final class GuideCsvText {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private GuideCsvText() {}

    /** {@code 2024-12-04T15:55:49.000} for an epoch second, in UTC. */
    public static String timestamp(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).format(TIMESTAMP);
    }

    /** A field as RFC 4180 writes it: quoted (with inner quotes doubled) only when it holds a comma, quote or line break. */
    public static String field(String value) {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0
                || (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' '));
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    public static void line(Writer out, String... fields) throws IOException {
        for (int k = 0; k < fields.length; k++) {
            if (k > 0) {
                out.write(',');
            }
            out.write(fields[k]);
        }
        out.write('\n');
    }
}
