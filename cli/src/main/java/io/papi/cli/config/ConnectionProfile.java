package io.papi.cli.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One named connection of the Snowflake CLI's configuration, with its source file.
 * {@link #none()} stands for "no connection configured", which is not an error.
 */
public record ConnectionProfile(String name, Map<String, String> values, Path source) {

    public static ConnectionProfile none() {
        return new ConnectionProfile(null, Map.of(), null);
    }

    public Optional<String> get(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public boolean isPresent() {
        return name != null;
    }
}
