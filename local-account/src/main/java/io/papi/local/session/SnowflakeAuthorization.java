package io.papi.local.session;

/**
 * Reads the token out of the header SPCS ingress expects: {@code Authorization: Snowflake Token="<token>"}.
 * The words {@code Snowflake} and {@code Token} are matched without case, spaces around {@code =} are allowed;
 * the token must be quoted and made of JWT characters (base64url and dots).
 */
public final class SnowflakeAuthorization {
    private static final String SCHEME = "Snowflake";
    private static final String PARAMETER = "Token";

    private SnowflakeAuthorization() {}

    /** The token in the header value, or null when the value is not {@code Snowflake Token="..."}. */
    public static String tokenOf(String headerValue) {
        String value = headerValue.strip();
        int at = 0;
        if (!value.regionMatches(true, at, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        at += SCHEME.length();
        int afterScheme = at;
        at = skipSpaces(value, at);
        if (at == afterScheme || !value.regionMatches(true, at, PARAMETER, 0, PARAMETER.length())) {
            return null;
        }
        at = skipSpaces(value, at + PARAMETER.length());
        if (at >= value.length() || value.charAt(at) != '=') {
            return null;
        }
        at = skipSpaces(value, at + 1);
        if (at >= value.length()
                || value.charAt(at) != '"'
                || value.charAt(value.length() - 1) != '"'
                || value.length() - at < 3) {
            return null;
        }
        String token = value.substring(at + 1, value.length() - 1);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean jwtChar = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.';
            if (!jwtChar) {
                return null;
            }
        }
        return token;
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }
}
