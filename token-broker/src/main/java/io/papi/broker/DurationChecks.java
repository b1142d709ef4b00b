package io.papi.broker;

import java.time.Duration;
import java.util.Objects;

/** The two checks the broker's settings put on a duration, each with its one message. */
final class DurationChecks {
    private DurationChecks() {}

    /** @throws IllegalArgumentException {@code "<name> must be more than 0, not <d>"} unless {@code d} is */
    static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be more than 0, not " + d);
        }
        return d;
    }

    /** @throws IllegalArgumentException {@code "<name> must not be negative, not <d>"} when it is */
    static Duration notNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, not " + d);
        }
        return d;
    }
}
