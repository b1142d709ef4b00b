package io.papi.cli.command;

import io.papi.cli.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code papi jwt} and {@code papi fingerprint} without picocli, for start-up: building picocli's model of even one
 * command costs more than the rest of the run (its classes are Java 5 bytecode, which no class-data archive holds
 * and the JVM verifies the slow way: about 60 ms of a 160 ms {@code papi jwt}, docs/PERFORMANCE.md).
 *
 * <p>It takes only the plain case: every argument one of the command's own options, each given once, in the
 * {@code --name value} or {@code --name=value} form. Anything else (help, an unknown or repeated option, a
 * missing value) and any failure (a missing setting, a bad key, an encrypted key that needs a prompt) returns empty
 * without having printed a thing, and the caller runs picocli, which then gives the usual answer or error. The
 * work itself is the commands' own code ({@link JwtCommand#mint}, {@link FingerprintCommand#print}).
 */
public final class OneShotRun {
    private static final Set<String> JWT_VALUES =
            Set.of("-c", "--connection", "--account", "--user", "--private-key", "--passphrase-file", "--lifetime");
    private static final Set<String> JWT_FLAGS = Set.of("--decode");
    private static final Set<String> FINGERPRINT_VALUES = Set.of("--passphrase-file");

    private OneShotRun() {}

    /**
     * Runs {@code args} when it is a plain {@code jwt} or {@code fingerprint} call, printing to {@code out};
     * returns the exit code, or empty when picocli must handle the call.
     */
    public static OptionalInt tryRun(String[] args, Environment environment, PrintWriter out, PrintWriter err) {
        if (args.length == 0) {
            return OptionalInt.empty();
        }
        // no prompt here: an encrypted key without a given passphrase is left to the full path, which may ask
        Environment quiet = new Environment(environment.variables(), environment.userHome(), environment.clock(), null);
        StringWriter result = new StringWriter();
        List<String> warnings = new ArrayList<>();
        try (PrintWriter buffer = new PrintWriter(result)) {
            int code;
            if (args[0].equals("jwt")) {
                JwtCommand jwt = jwt(args);
                if (jwt == null) {
                    return OptionalInt.empty();
                }
                code = jwt.mint(quiet, buffer, warnings::add);
            } else if (args[0].equals("fingerprint")) {
                FingerprintCommand fingerprint = fingerprint(args);
                if (fingerprint == null) {
                    return OptionalInt.empty();
                }
                code = fingerprint.print(quiet, buffer, warnings::add);
            } else {
                return OptionalInt.empty();
            }
            buffer.flush();
            warnings.forEach(w -> err.println("papi: " + w));
            err.flush();
            out.print(result);
            out.flush();
            return OptionalInt.of(code);
        } catch (RuntimeException notPlain) {
            return OptionalInt.empty();
        }
    }

    private static JwtCommand jwt(String[] args) {
        Map<String, String> given = parse(args, JWT_VALUES, JWT_FLAGS, null);
        if (given == null) {
            return null;
        }
        JwtCommand jwt = new JwtCommand();
        jwt.identity.connection.name = given.get(given.containsKey("-c") ? "-c" : "--connection");
        jwt.identity.account = given.get("--account");
        jwt.identity.user = given.get("--user");
        jwt.identity.privateKey = path(given.get("--private-key"));
        jwt.identity.passphrase.passphraseFile = path(given.get("--passphrase-file"));
        jwt.lifetime = given.get("--lifetime");
        jwt.decode = given.containsKey("--decode");
        return jwt;
    }

    private static FingerprintCommand fingerprint(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> given = parse(args, FINGERPRINT_VALUES, Set.of(), positional);
        if (given == null || positional.size() != 1) {
            return null;
        }
        FingerprintCommand fingerprint = new FingerprintCommand();
        fingerprint.file = Path.of(positional.get(0));
        fingerprint.passphrase.passphraseFile = path(given.get("--passphrase-file"));
        return fingerprint;
    }

    /**
     * The options after the command name, or null when anything is not plain: an unknown option, a repeated one,
     * one without its value, {@code -c} and {@code --connection} together, or a positional argument where none
     * is taken ({@code positional} null) or that looks like an option.
     */
    static Map<String, String> parse(String[] args, Set<String> withValue, Set<String> flags, List<String> positional) {
        Map<String, String> given = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                        return null;
                    }
                    value = args[++i];
                }
            } else if (flags.contains(name) && value == null) {
                value = "";
            } else if (!arg.startsWith("-") && positional != null) {
                positional.add(arg);
                continue;
            } else {
                return null;
            }
            if (given.put(name, value) != null) {
                return null;
            }
        }
        if (given.containsKey("-c") && given.containsKey("--connection")) {
            return null;
        }
        return given;
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
