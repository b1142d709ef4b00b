package io.papi.broker.sidecar;

/**
 * Whether a raw path or query is made only of the characters RFC 3986 allows there, with every {@code %} followed
 * by two hex digits: such text needs no re-encoding before it goes into a URI.
 */
final class UriChars {
    private static final boolean[] ALLOWED = new boolean[128];

    static {
        String allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?";
        for (int i = 0; i < allowed.length(); i++) {
            ALLOWED[allowed.charAt(i)] = true;
        }
    }

    private UriChars() {}

    static boolean plain(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= n
                        || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (c >= 128 || !ALLOWED[c]) {
                return false;
            }
        }
        return true;
    }
}
