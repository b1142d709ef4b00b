package io.papi.broker;

import java.util.Locale;

/** What started a refresh; {@link #label()} is its metric label. */
public enum RefreshTrigger {
    /** The first exchange after start. */
    START,
    /** The planned refresh ahead of expiry. */
    SCHEDULED,
    /** A retry after a failure. */
    RETRY,
    /** A caller needed a token and none (long enough) was held. */
    DEMAND,
    /** A caller reported the token rejected ({@code POST /invalidate}, the proxy after a 401). */
    INVALIDATED,
    /** The key file was reloaded after a permanent failure. */
    KEY_CHANGE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
