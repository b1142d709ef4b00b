package io.papi.cli.call;

import java.nio.file.Path;

/** The curl line that takes a token from a running broker, as papi prints it for the owner to paste. */
public final class BrokerCurl {
    private BrokerCurl() {}

    /**
     * @param base the broker's base, {@code http://127.0.0.1:8081} or {@code unix:/path}
     * @param secretFile the secret file callers must read, or null when none is asked for
     */
    public static String tokenJson(String base, Path secretFile) {
        return line(base, "/token.json", secretFile);
    }

    /** A curl line for {@code path} ({@code /token}, {@code /token.json}, {@code /header}). */
    public static String line(String base, String path, Path secretFile) {
        StringBuilder curl = new StringBuilder("curl -H 'X-Papi-Broker: 1'");
        if (secretFile != null) {
            curl.append(" -H \"Authorization: Bearer $(cat ")
                    .append(shellQuoted(secretFile))
                    .append(")\"");
        }
        if (base.startsWith("unix:")) {
            return curl.append(" --unix-socket ")
                    .append(shellQuoted(Path.of(base.substring(5))))
                    .append(" http://localhost")
                    .append(path)
                    .toString();
        }
        return curl.append(' ').append(base).append(path).toString();
    }

    private static String shellQuoted(Path path) {
        String text = path.toString();
        return text.matches("[A-Za-z0-9_./@%+=:,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
