package io.papi.cli;

import java.io.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may know of the world outside its arguments: environment variables, the home directory,
 * the clock, and whether a person is at a terminal. Tests build one by hand; {@link #system()} is the real one.
 */
public record Environment(Map<String, String> variables, Path userHome, Clock clock, Console console) {

    public static Environment system() {
        return new Environment(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC(), System.console());
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
        return new Environment(variables, userHome, other, console);
    }
}
