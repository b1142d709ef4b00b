package io.papi.cli.stack;

/**
 * Runs an action on SIGHUP, the usual "reload your configuration" signal. {@code sun.misc.Signal} lives in the
 * {@code jdk.unsupported} module, which every JDK 17 ships; on a platform without SIGHUP (Windows) nothing is
 * installed and the caller is told so. Installing a handler also stops SIGHUP from shutting the JVM down.
 *
 * <p>A process started with SIGHUP ignored ({@code nohup}, some CI runners and service managers) keeps ignoring it:
 * the JVM does not install a handler for a signal that was ignored when it started, and says so only by returning
 * {@code SIG_IGN} as the previous handler. That case is reported as {@link Outcome#IGNORED}, so that papi never
 * promises a reload that cannot happen.
 */
public final class HangupSignal {
    private HangupSignal() {}

    /** What became of the request to handle SIGHUP. */
    public enum Outcome {
        /** SIGHUP now runs the action. */
        INSTALLED,
        /** SIGHUP was ignored when this process started, and stays ignored. */
        IGNORED,
        /** The platform has no SIGHUP (or the JDK lacks {@code sun.misc.Signal}). */
        UNSUPPORTED
    }

    public static Outcome onHangup(Runnable action) {
        try {
            sun.misc.Signal hup = new sun.misc.Signal("HUP");
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(hup, signal -> action.run());
            return previous == sun.misc.SignalHandler.SIG_IGN ? Outcome.IGNORED : Outcome.INSTALLED;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return Outcome.UNSUPPORTED;
        }
    }
}
