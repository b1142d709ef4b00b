package io.papi.broker;

import java.time.Duration;

/**
 * Hears what a {@link RefreshingTokenSource} does, for sinks and metrics. Called on the refreshing thread, one call
 * at a time per identity and in order; a listener that throws is logged and does not stop the refresh.
 */
public interface RefreshListener {
    /** A new token is held. */
    default void refreshed(Identity identity, SessionToken token, RefreshTrigger trigger, Duration took) {}

    /** A refresh gave no token; the next attempt is {@code retryIn} away. */
    default void failed(
            Identity identity, RefreshFailure failure, RefreshTrigger trigger, Duration took, Duration retryIn) {}

    /** A caller reported {@code token} rejected and it was dropped. */
    default void invalidated(Identity identity, SessionToken token) {}

    /** A listener that hears nothing. */
    static RefreshListener none() {
        return new RefreshListener() {};
    }

    /** Tells every one of {@code listeners}, in order. */
    static RefreshListener all(java.util.List<RefreshListener> listeners) {
        java.util.List<RefreshListener> copy = java.util.List.copyOf(listeners);
        return new RefreshListener() {
            @Override
            public void refreshed(Identity identity, SessionToken token, RefreshTrigger trigger, Duration took) {
                copy.forEach(l -> l.refreshed(identity, token, trigger, took));
            }

            @Override
            public void failed(
                    Identity identity,
                    RefreshFailure failure,
                    RefreshTrigger trigger,
                    Duration took,
                    Duration retryIn) {
                copy.forEach(l -> l.failed(identity, failure, trigger, took, retryIn));
            }

            @Override
            public void invalidated(Identity identity, SessionToken token) {
                copy.forEach(l -> l.invalidated(identity, token));
            }
        };
    }
}
