package io.papi.api.http;

import java.nio.charset.StandardCharsets;

/** The few JSON texts the API writes by hand: quoted strings and one-field objects. */
public final class Json {
    private Json() {}

    /** {@code value} as a JSON string literal, quotes included. */
    public static String quote(String value) {
        StringBuilder s = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    // control characters and the two line separators JavaScript treats as newlines
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** {@code {"<field>":"<value>"}} as UTF-8. */
    public static byte[] object(String field, String value) {
        return ("{" + quote(field) + ":" + quote(value) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {"error":"<message>"}} as UTF-8: the body of every error the API answers. */
    public static byte[] error(String message) {
        return object("error", message);
    }
}
