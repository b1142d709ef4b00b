package io.papi.cli.command;

import io.papi.cli.PapiException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Reads {@code HOST:PORT}, {@code [IPv6]:PORT} or a bare {@code PORT} (then on 127.0.0.1). */
final class ListenAddress {
    private ListenAddress() {
    }

    /** @throws PapiException (usage) naming the flag and the forms that work */
    static InetSocketAddress parse(String text, String flag) {
        String value = text.trim();
        String host = "127.0.0.1";
        String port = value;
        int colon = value.lastIndexOf(':');
        if (colon >= 0) {
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (host.isEmpty() || number < 0 || number > 65535) {
            throw bad(text, flag);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), number);
        } catch (UnknownHostException e) {
            throw PapiException.usage(flag + " '" + text + "': cannot resolve host " + host);
        }
    }

    private static PapiException bad(String text, String flag) {
        return PapiException.usage(flag + " '" + text + "' is not an address: write it as HOST:PORT, such as 127.0.0.1:8081");
    }
}
