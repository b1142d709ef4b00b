package io.papi.api.lookup;

import java.util.OptionalLong;

/**
 * What {@code /readyz} reports: whether the store answers, and how many users its lookup table holds when known.
 * An empty table is ready (there is nothing better to serve) but says so, since it answers every id with {@code []}.
 */
public record Readiness(boolean ready, OptionalLong rows) {
    static final Readiness NOT_READY = new Readiness(false, OptionalLong.empty());

    static Readiness ready(OptionalLong rows) {
        return new Readiness(true, rows);
    }
}
