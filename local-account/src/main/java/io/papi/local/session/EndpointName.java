package io.papi.local.session;

import java.util.Locale;

/**
 * The form in which ingress hosts are compared: lower case, without a leading {@code https://} (or {@code http://},
 * which the local ingress uses) and without trailing slashes, so {@code https://ABC.snowflakecomputing.app/} and
 * {@code abc.snowflakecomputing.app} name the same endpoint.
 */
public final class EndpointName {
    private EndpointName() {}

    public static String normalise(String endpoint) {
        String text = endpoint.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("https://")) {
            text = text.substring("https://".length());
        } else if (text.startsWith("http://")) {
            text = text.substring("http://".length());
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(0, end);
    }
}
