package io.papi.local.login;

/**
 * Quotes text a caller sent (a claim, a scope) for a log line or an error message: control characters become
 * {@code ?} so a request cannot forge log lines, and long values are cut so a request cannot flood the log.
 */
public final class UntrustedText {
    private static final int MAX_LENGTH = 120;

    private UntrustedText() {}

    public static String quote(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder quoted = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8).append('\'');
        for (int i = 0; i < text.length() && i < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            quoted.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX_LENGTH) {
            quoted.append("...");
        }
        return quoted.append('\'').toString();
    }
}
