package io.papi.serving;

import io.papi.json.JsonText;

/** The one-line JSON error body every papi server writes: {@code {"error":"<message>","reason":"<label>"}}. */
public final class JsonLine {
    private JsonLine() {}

    /** {@code {"error":...,"reason":...}}, with both strings escaped ({@link JsonText#object}). */
    public static String error(String message, String reason) {
        return JsonText.object("error", message, "reason", reason);
    }
}
