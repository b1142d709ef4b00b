package io.papi.serving;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a papi server listens: a TCP address, or a Unix domain socket whose file mode (0600) decides who may
 * connect.
 */
public sealed interface ServerAddress {

    /** A TCP address; port 0 picks a free port. */
    static ServerAddress tcp(InetSocketAddress address) {
        return new Tcp(address);
    }

    /** A TCP address on {@code host} (an IP literal or {@code localhost}, never looked up in DNS by papi's checks). */
    static ServerAddress tcp(String host, int port) {
        return new Tcp(new InetSocketAddress(host, port));
    }

    /** A Unix domain socket at {@code path}. */
    static ServerAddress unix(Path path) {
        return new UnixSocket(path);
    }

    /** True when only this machine can reach the address: a loopback TCP address or a Unix socket. */
    boolean isLocalOnly();

    /** A TCP listener. */
    record Tcp(InetSocketAddress address) implements ServerAddress {
        public Tcp {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public boolean isLocalOnly() {
            return address.getAddress() != null && address.getAddress().isLoopbackAddress();
        }

        @Override
        public String toString() {
            String host =
                    address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
        }
    }

    /** A Unix domain socket listener. */
    record UnixSocket(Path path) implements ServerAddress {
        public UnixSocket {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public boolean isLocalOnly() {
            return true;
        }

        @Override
        public String toString() {
            return "unix:" + path;
        }
    }
}
