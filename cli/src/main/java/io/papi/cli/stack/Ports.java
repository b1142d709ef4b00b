package io.papi.cli.stack;

import io.papi.cli.PapiException;
import io.papi.local.LocalAccount;
import io.papi.local.LocalTokenEndpoint;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Turns "address already in use" into a line that says which port and which flag changes it. */
public final class Ports {
    private Ports() {}

    public interface Start<T> {
        T start() throws IOException;
    }

    /** The local account's token endpoint on {@code host:port}, whose session tokens last {@code sessionLifetime}. */
    public static LocalTokenEndpoint tokenEndpoint(
            LocalAccount account, String host, int port, String flag, Duration sessionLifetime) {
        return bind(
                "the local token endpoint",
                host,
                port,
                flag,
                () -> account.startServer(new InetSocketAddress(host, port), sessionLifetime));
    }

    public static <T> T bind(String what, String host, int port, String flag, Start<T> start) {
        try {
            return start.start();
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw PapiException.failure(what + ": port " + port + " on " + host
                        + " is in use (is papi already running?); choose another with " + flag);
            }
            throw PapiException.failure(what + " could not start on " + host + ":" + port + ": " + e.getMessage());
        }
    }
}
