package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.serving.LoopbackNames;
import io.papi.serving.ServerAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads {@code HOST:PORT}, {@code [IPv6]:PORT}, a bare {@code PORT} (then on 127.0.0.1) or, where a Unix socket is
 * allowed, {@code unix:/path}. The host is an IP literal or {@code localhost}: a listener's address is never looked
 * up in DNS, so what it binds is what the flag says.
 */
final class ListenAddress {
    private ListenAddress() {}

    /** @throws PapiException (usage) naming the flag and the forms that work */
    static InetSocketAddress parse(String text, String flag) {
        String value = text.trim();
        if (value.startsWith("unix:")) {
            throw PapiException.usage(flag + " '" + text
                    + "': a Unix socket is not possible here; give HOST:PORT such as 127.0.0.1:8082");
        }
        String host = "127.0.0.1";
        String port = value;
        int colon = value.lastIndexOf(':');
        if (colon >= 0) {
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
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
        Optional<InetAddress> address = host.equalsIgnoreCase("localhost")
                ? Optional.of(InetAddress.getLoopbackAddress())
                : LoopbackNames.literal(host);
        if (address.isEmpty()) {
            throw PapiException.usage(
                    flag + " '" + text + "': " + host + " is not an IP address: write 127.0.0.1, [::1], 0.0.0.0 "
                            + "or the address of an interface (names are not looked up)");
        }
        return new InetSocketAddress(address.get(), number);
    }

    /** Like {@link #parse}, and also {@code unix:/path/broker.sock}. */
    static ServerAddress parseWithSocket(String text, String flag) {
        String value = text.trim();
        if (value.startsWith("unix:")) {
            String path = value.substring("unix:".length());
            if (path.isEmpty() || !path.startsWith("/")) {
                throw PapiException.usage(
                        flag + " '" + text + "': give an absolute socket path, such as unix:/run/papi/broker.sock");
            }
            return ServerAddress.unix(Path.of(path));
        }
        return ServerAddress.tcp(parse(value, flag));
    }

    private static PapiException bad(String text, String flag) {
        return PapiException.usage(
                flag + " '" + text + "' is not an address: write it as HOST:PORT, such as 127.0.0.1:8081");
    }
}
