package io.papi.serving;

/** The one-line JSON error body every papi server writes: {@code {"error":"<message>","reason":"<label>"}}. */
public final class JsonLine {
    private JsonLine() {}

    /** {@code {"error":...,"reason":...}}, with both strings escaped. */
    public static String error(String message, String reason) {
        return "{\"error\":" + quote(message) + ",\"reason\":" + quote(reason) + "}";
    }

    /** A JSON string literal. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
