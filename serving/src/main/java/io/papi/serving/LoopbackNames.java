package io.papi.serving;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides "is this loopback" from text alone, never through DNS or a hosts file: only {@code localhost},
 * {@code *.localhost} (RFC 6761 reserves both for loopback) and IP literals in 127.0.0.0/8 or {@code ::1} count.
 * A name that merely resolves to 127.0.0.1 (DNS rebinding, a hosts entry, a one-word hex name such as
 * {@code cafe} that {@code InetAddress.getByName} would look up) does not.
 */
public final class LoopbackNames {
    private LoopbackNames() {}

    /** A {@code Host} header value ({@code host}, {@code host:port}, {@code [v6]:port}) that names loopback. */
    public static boolean isLoopbackHostHeader(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String value = hostHeader.trim();
        String host;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0
                    || !(close == value.length() - 1
                            || value.charAt(close + 1) == ':' && isPort(value.substring(close + 2)))) {
                return false;
            }
            host = value.substring(0, close + 1);
        } else {
            int colon = value.indexOf(':');
            if (colon >= 0 && (value.indexOf(':', colon + 1) >= 0 || !isPort(value.substring(colon + 1)))) {
                return false;
            }
            host = colon >= 0 ? value.substring(0, colon) : value;
        }
        return isLoopbackHost(host);
    }

    /** A host name or literal ({@code [::1]} or {@code ::1} for IPv6) that names loopback. */
    public static boolean isLoopbackHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        if (host.equals("127.0.0.1") || host.equals("localhost")) {
            return true; // what nearly every caller sends
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        if (lower.equals("localhost") || lower.endsWith(".localhost")) {
            return true;
        }
        return literal(lower).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /**
     * An IP literal parsed without any lookup: a dotted quad of four decimal parts, or an IPv6 literal (with or
     * without brackets). Anything else, including the short forms {@code 127.1} and {@code 2130706433}, is empty.
     */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (bare.indexOf(':') >= 0) {
            for (int i = 0; i < bare.length(); i++) {
                char c = bare.charAt(i);
                if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                    return Optional.empty();
                }
            }
            try {
                // brackets make the JDK parse an IPv6 literal or fail: it never looks a bracketed name up
                InetAddress address = InetAddress.getByName("[" + bare + "]");
                return Optional.of(address);
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        // a dotted quad, parsed by hand: this runs for every request's Host header
        byte[] bytes = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= bare.length(); i++) {
            char c = i < bare.length() ? bare.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part == 4) {
                    return Optional.empty();
                }
                bytes[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        }
        if (part != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** For URLs: an IPv6 address in brackets, anything else as it is. */
    public static String forUrl(InetAddress address) {
        String host = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + host + "]" : host;
    }

    private static boolean isPort(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return false;
        }
        int port = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }
}
