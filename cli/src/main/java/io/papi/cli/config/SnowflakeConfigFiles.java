package io.papi.cli.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.papi.cli.Environment;
import io.papi.cli.PapiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads named connections the way the Snowflake CLI does.
 *
 * <p>Directory: {@code $SNOWFLAKE_HOME}, else {@code ~/.snowflake} if it exists, else {@code ~/.config/snowflake}.
 * {@code connections.toml} holds one {@code [name]} table per connection; {@code config.toml} holds
 * {@code default_connection_name} and {@code [connections.name]} tables; connections.toml wins when both define
 * connections. The connection used is {@code -c NAME}, else {@code $SNOWFLAKE_DEFAULT_CONNECTION_NAME}, else
 * {@code default_connection_name}, else {@code default}. {@code SNOWFLAKE_CONNECTIONS_<NAME>_<KEY>} overrides a
 * key. Files readable by others draw a warning: they may hold passwords and key passphrases.
 */
public final class SnowflakeConfigFiles {
    /** Jackson costs a few hundred classes at start-up: load it only when a configuration file exists. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }

    private static final String OVERRIDE_PREFIX = "SNOWFLAKE_CONNECTIONS_";

    private final Environment environment;
    private final Consumer<String> warnings;

    public SnowflakeConfigFiles(Environment environment, Consumer<String> warnings) {
        this.environment = environment;
        this.warnings = warnings;
    }

    /** The directory the Snowflake CLI reads its configuration from. */
    public Path directory() {
        Optional<String> home = environment.get("SNOWFLAKE_HOME");
        if (home.isPresent()) {
            return Path.of(home.get());
        }
        Path dotSnowflake = environment.userHome().resolve(".snowflake");
        if (Files.isDirectory(dotSnowflake)) {
            return dotSnowflake;
        }
        return environment.userHome().resolve(".config").resolve("snowflake");
    }

    /**
     * The connection to use.
     *
     * @param explicitName the {@code -c} value, or null
     * @throws PapiException when a connection was named (by flag or environment) and is not defined
     */
    public ConnectionProfile load(String explicitName) {
        Path dir = directory();
        Path connectionsFile = dir.resolve("connections.toml");
        Path configFile = dir.resolve("config.toml");
        Map<String, Object> config = read(configFile);
        Map<String, Object> connectionsToml = read(connectionsFile);

        Map<String, Map<String, Object>> connections = tables(connectionsToml);
        Path source = connectionsFile;
        if (connections.isEmpty()) {
            Object nested = config.get("connections");
            connections = nested instanceof Map<?, ?> map ? tables(cast(map)) : Map.of();
            source = configFile;
        }

        String name = explicitName;
        boolean named = name != null;
        if (name == null) {
            name = environment.get(Setting.CONNECTION.env().orElseThrow()).orElse(null);
            named = name != null;
        }
        if (name == null && config.get("default_connection_name") instanceof String configured) {
            name = configured;
            named = true;
        }
        if (name == null) {
            name = "default";
        }
        Map<String, Object> table = connections.get(name);
        Map<String, String> values = new LinkedHashMap<>();
        if (table == null) {
            Map<String, String> overrides = overrides(name);
            if (overrides.isEmpty()) {
                if (named) {
                    throw PapiException.usage("unknown connection '" + name + "': "
                            + (connections.isEmpty()
                                    ? "no connections are defined in " + dir
                                    : "known connections are " + String.join(", ", new TreeSet<>(connections.keySet()))
                                            + " (in " + source + ")"));
                }
                return ConnectionProfile.none();
            }
            values.putAll(overrides);
            return new ConnectionProfile(name, values, null);
        }
        table.forEach((key, value) -> {
            if (value != null && !(value instanceof Map) && !(value instanceof Iterable)) {
                values.put(key.toLowerCase(Locale.ROOT), value.toString());
            }
        });
        values.putIfAbsent("private_key_file", values.get("private_key_path"));
        values.values().removeIf(v -> v == null);
        values.putAll(overrides(name));
        return new ConnectionProfile(name, values, source);
    }

    private Map<String, String> overrides(String connectionName) {
        String prefix = OVERRIDE_PREFIX + connectionName.toUpperCase(Locale.ROOT) + "_";
        Map<String, String> overrides = new LinkedHashMap<>();
        environment.variables().forEach((key, value) -> {
            if (key.startsWith(prefix) && !value.isEmpty()) {
                String setting = key.substring(prefix.length()).toLowerCase(Locale.ROOT);
                overrides.put("private_key_path".equals(setting) ? "private_key_file" : setting, value);
            }
        });
        return overrides;
    }

    private Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        warnIfReadableByOthers(file);
        try {
            return cast(Toml.MAPPER.readValue(file.toFile(), Map.class));
        } catch (JacksonException e) {
            throw PapiException.usage(file + " is not valid TOML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw PapiException.failure("cannot read " + file + ": " + e.getMessage());
        }
    }

    private void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                warnings.accept("warning: " + file
                        + " is readable by other users and may hold secrets; run: chmod 0600 " + file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }

    private static Map<String, Map<String, Object>> tables(Map<String, Object> document) {
        Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map) {
                tables.put(key, cast(map));
            }
        });
        return tables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "syntax error";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
