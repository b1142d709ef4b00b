package io.papi.json;

/**
 * Writes JSON text by concatenation: strings, numbers, and the flat string objects papi's replies and error bodies
 * are. Every papi module that writes JSON by hand escapes through here.
 *
 * <p>Strings are escaped as JSON requires: {@code "} and {@code \}, control characters as {@code \b \t \n \f \r} or
 * a six-character {@code \}{@code u00XX} escape; everything else, non-ASCII included, is written as it is. These are
 * the bytes Jackson's generator writes, so stored JSON keeps its text. {@link #javaScriptSafeString} and
 * {@link #htmlSafeString} escape a few more characters, for replies a browser may read.
 */
public final class JsonText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonText() {}

    /** Appends {@code value} as a JSON string, quotes included, escaped as JSON requires and nothing more. */
    public static StringBuilder string(StringBuilder out, String value) {
        return append(out, value, Extra.NONE);
    }

    /**
     * Appends {@code value} as a JSON string that is also a JavaScript string literal: the line separators U+2028 and
     * U+2029 become {@code \}{@code u} escapes too. For reply bodies.
     */
    public static StringBuilder javaScriptSafeString(StringBuilder out, String value) {
        return append(out, value, Extra.LINE_SEPARATORS);
    }

    /**
     * Appends {@code value} as a {@link #javaScriptSafeString} that is also safe inside an HTML {@code <script>}:
     * {@code <} becomes {@code \}{@code u003C}. For replies that echo stored or requested text.
     */
    public static StringBuilder htmlSafeString(StringBuilder out, String value) {
        return append(out, value, Extra.LINE_SEPARATORS_AND_TAGS);
    }

    /** {@code value} as a JSON string literal, quotes included ({@link #string}). */
    public static String quote(String value) {
        return string(new StringBuilder(value.length() + 2), value).toString();
    }

    /**
     * A flat object of string fields, {@code {"<name>":"<value>",...}}, in the order given, JavaScript-safe
     * ({@link #javaScriptSafeString}): the shape of papi's one-line replies and error bodies.
     *
     * @param namesAndValues name, value, name, value, ...
     */
    public static String object(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "an object needs a value for every name, got " + namesAndValues.length + " strings");
        }
        StringBuilder out = new StringBuilder(16 * namesAndValues.length).append('{');
        for (int k = 0; k < namesAndValues.length; k += 2) {
            if (k > 0) {
                out.append(',');
            }
            javaScriptSafeString(out, namesAndValues[k]).append(':');
            javaScriptSafeString(out, namesAndValues[k + 1]);
        }
        return out.append('}').toString();
    }

    /** A score as JSON: integral values without a fraction, others as Java prints doubles; NaN and infinities as 0. */
    public static StringBuilder number(StringBuilder out, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return out.append('0');
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return out.append((long) value);
        }
        return out.append(value);
    }

    private static StringBuilder append(StringBuilder out, String value, Extra extra) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || extra.escapes(c)) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** What is escaped beyond what JSON requires. */
    private enum Extra {
        NONE,
        LINE_SEPARATORS,
        LINE_SEPARATORS_AND_TAGS;

        boolean escapes(char c) {
            return this != NONE && (c == '\u2028' || c == '\u2029' || this == LINE_SEPARATORS_AND_TAGS && c == '<');
        }
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u")
                .append(HEX[c >> 12])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
