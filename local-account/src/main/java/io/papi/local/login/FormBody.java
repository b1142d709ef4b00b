package io.papi.local.login;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body, where each parameter may appear once (RFC 6749 section 3.2). */
final class FormBody {
    private FormBody() {}

    static Map<String, String> parse(String body) throws BadTokenRequest {
        Map<String, String> fields = new HashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (fields.putIfAbsent(name, value) != null) {
                throw new BadTokenRequest(
                        400,
                        "invalid_request",
                        "parameter " + UntrustedText.quote(name) + " appears more than once: send each parameter once");
            }
        }
        return fields;
    }

    private static String decode(String text) throws BadTokenRequest {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadTokenRequest(
                    400,
                    "invalid_request",
                    "body is not valid application/x-www-form-urlencoded (bad %-escape): URL-encode each value");
        }
    }
}
