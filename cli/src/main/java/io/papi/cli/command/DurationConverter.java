package io.papi.cli.command;

import io.papi.broker.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations in papi's one grammar ({@link Durations}: 30, 30s, 1h30m, PT5M), as a picocli converter. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** {@link Durations#parse}, failing as picocli expects of a converter. */
    public static Duration parse(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    public static String format(Duration d) {
        return Durations.format(d);
    }
}
