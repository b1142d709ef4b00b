package io.papi.cli;

import java.io.Console;
import java.nio.file.Path;
import java.sql.Driver;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may know of the world outside its arguments: environment variables, the home directory,
 * the clock, whether a person is at a terminal, and which JDBC driver reaches Snowflake. Tests build one by hand
 * (with a recording driver where Snowflake would answer); {@link #system()} is the real one.
 *
 * @param snowflakeDriver the driver for papi's Snowflake logins; {@code null} means snowflake-jdbc's own
 */
public record Environment(
        Map<String, String> variables, Path userHome, Clock clock, Console console, Driver snowflakeDriver) {

    public Environment(Map<String, String> variables, Path userHome, Clock clock, Console console) {
        this(variables, userHome, clock, console, null);
    }

    public static Environment system() {
        Map<String, String> env = System.getenv();
        return new Environment(env, home(env, System.getProperty("user.home")), Clock.systemUTC(), System.console());
    }

    /**
     * The home directory: {@code $HOME} when set, as a shell resolves {@code ~}. Java's {@code user.home} comes from
     * the password database and ignores HOME, so a CI job or container that sets HOME would otherwise get its
     * {@code ~/.papi} somewhere else than {@code ls ~/.papi} shows.
     */
    static Path home(Map<String, String> env, String userHomeProperty) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHomeProperty);
    }

    /** An environment for tests: the given variables, the given home, no terminal. */
    public static Environment of(Map<String, String> variables, Path userHome) {
        return new Environment(Map.copyOf(variables), userHome, Clock.systemUTC(), null);
    }

    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public boolean interactive() {
        return console != null;
    }

    /** papi's own state directory: {@code $PAPI_HOME}, else {@code ~/.papi}. */
    public Path papiHome() {
        return get("PAPI_HOME").map(Path::of).orElse(userHome.resolve(".papi"));
    }

    public Environment withClock(Clock other) {
        return new Environment(variables, userHome, other, console, snowflakeDriver);
    }

    /** The same environment with papi's Snowflake logins going to {@code driver} (tests). */
    public Environment withSnowflakeDriver(Driver driver) {
        return new Environment(variables, userHome, clock, console, driver);
    }
}
