package io.papi.cli.stack;

/**
 * Runs an action on SIGHUP, the usual "reload your configuration" signal. {@code sun.misc.Signal} lives in the
 * {@code jdk.unsupported} module, which every JDK 17 ships; on a platform without SIGHUP (Windows) nothing is
 * installed and the caller is told so. Installing a handler also stops SIGHUP from shutting the JVM down.
 */
public final class HangupSignal {
    private HangupSignal() {}

    /** @return true when the handler is installed */
    public static boolean onHangup(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> action.run());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return false;
        }
    }
}
