package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs papi through the real command-line factory with a made-up environment, capturing out and err. */
public final class CliRun {
    private final Map<String, String> env = new HashMap<>();
    private final Path home;
    private java.sql.Driver snowflake;

    public CliRun(Path home) {
        this.home = home;
    }

    public CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** papi's Snowflake logins go to this driver instead of snowflake-jdbc. */
    public CliRun snowflake(java.sql.Driver driver) {
        this.snowflake = driver;
        return this;
    }

    /** papi jwt for {@code user} on {@code account} signed with {@code key}, then {@code extra}. */
    public Result jwt(String account, String user, Path key, String... extra) {
        return run(jwtArgs(account, user, key, extra));
    }

    public static String[] jwtArgs(String account, String user, Path key, String... extra) {
        return Args.of("jwt", "--account", account, "--user", user, "--private-key", key, extra);
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Papi.commandLine(
                Environment.of(env, home).withSnowflakeDriver(snowflake), args.length > 0 ? args[0] : null);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    public record Result(int exitCode, String out, String err) {
        /** stderr holds exactly one line and no stack trace. */
        public boolean oneLineError() {
            String trimmed = err.strip();
            return !trimmed.isEmpty()
                    && !trimmed.contains("\n")
                    && !trimmed.contains("\tat ")
                    && !trimmed.contains("Exception:");
        }

        /** Asserts papi exited 0, showing the whole run (exit code, out and err) when it did not. */
        public Result succeeds() {
            assertThat(exitCode).as(toString()).isZero();
            return this;
        }

        /**
         * Asserts papi exited with {@code expected}, wrote exactly one line to stderr (no stack trace), and that the
         * line names each of {@code mentions}.
         */
        public Result failsWith(int expected, String... mentions) {
            assertThat(exitCode).as(toString()).isEqualTo(expected);
            assertThat(oneLineError()).as(toString()).isTrue();
            if (mentions.length > 0) {
                assertThat(err).contains(mentions);
            }
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
