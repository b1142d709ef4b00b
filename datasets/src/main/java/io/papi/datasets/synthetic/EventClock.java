package io.papi.datasets.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as Snowplow writes derived_tstamp: {@code YYYY-MM-DD HH:MM:SS.fff}, UTC. */
final class EventClock {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private final long startMillis;
    private final long spanMillis;

    EventClock(LocalDate first, int days) {
        this.startMillis = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        this.spanMillis = days * 86_400_000L;
    }

    long start() {
        return startMillis;
    }

    long span() {
        return spanMillis;
    }

    static String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }
}
