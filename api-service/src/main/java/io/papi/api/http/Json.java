package io.papi.api.http;

import io.papi.json.JsonText;
import java.nio.charset.StandardCharsets;

/** The API's one-field JSON bodies, as UTF-8, written by papi's one JSON writer ({@link JsonText}). */
public final class Json {
    private Json() {}

    /** {@code {"<field>":"<value>"}} as UTF-8. */
    public static byte[] object(String field, String value) {
        return JsonText.object(field, value).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {"error":"<message>"}} as UTF-8: the body of every error the API answers. */
    public static byte[] error(String message) {
        return errorText(message).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {"error":"<message>"}}. */
    static String errorText(String message) {
        return JsonText.object("error", message);
    }
}
