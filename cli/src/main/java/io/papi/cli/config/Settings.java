package io.papi.cli.config;

import io.papi.cli.Environment;
import io.papi.cli.PapiException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Resolves a setting: the flag's value, else the environment variable, else the named connection's key, else
 * the default. The connection files are read only when a value is not given by flag or environment, or when a
 * connection was named explicitly (so that a wrong name is reported even when nothing else is needed).
 */
public final class Settings {
    private final Environment environment;
    private final SnowflakeConfigFiles files;
    private final String connectionName;
    private ConnectionProfile profile;

    public Settings(Environment environment, String connectionName, Consumer<String> warnings) {
        this.environment = environment;
        this.files = new SnowflakeConfigFiles(environment, warnings);
        this.connectionName = connectionName;
        if (connectionName != null) {
            profile();
        }
    }

    public Environment environment() {
        return environment;
    }

    /** The connection in use (read on first call). */
    public ConnectionProfile profile() {
        if (profile == null) {
            profile = files.load(connectionName);
        }
        return profile;
    }

    public Optional<String> get(Setting setting, String flagValue) {
        return explicit(setting, flagValue).or(() -> setting.defaultValue().filter(v -> !v.contains("<")));
    }

    /** The value given by flag, environment or connection, never the default. */
    public Optional<String> explicit(Setting setting, String flagValue) {
        if (flagValue != null && !flagValue.isBlank()) {
            return Optional.of(flagValue);
        }
        Optional<String> fromEnv = setting.env().flatMap(environment::get);
        if (fromEnv.isPresent()) {
            return fromEnv;
        }
        return setting.connectionKey().flatMap(key -> profile().get(key));
    }

    public String require(Setting setting, String flagValue) {
        return get(setting, flagValue).orElseThrow(() -> PapiException.usage(missing(setting)));
    }

    private static String missing(Setting setting) {
        StringBuilder how = new StringBuilder("missing ")
                .append(setting.name().toLowerCase().replace('_', ' '))
                .append(": ");
        String sep = "";
        if (setting.flag().isPresent()) {
            String flag = setting.flag().get();
            how.append("pass ").append(flag.substring(flag.lastIndexOf(' ') + 1));
            sep = ", ";
        }
        if (setting.env().isPresent()) {
            how.append(sep).append("set ").append(setting.env().get());
            sep = ", ";
        }
        if (setting.connectionKey().isPresent()) {
            how.append(sep)
                    .append("or add '")
                    .append(setting.connectionKey().get())
                    .append("' to a connection in connections.toml");
        }
        return how.toString();
    }
}
