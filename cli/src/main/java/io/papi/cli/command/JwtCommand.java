package io.papi.cli.command;

import io.papi.broker.Durations;
import io.papi.broker.JwtInspector;
import io.papi.broker.KeyPairJwt;
import io.papi.cli.Environment;
import io.papi.cli.PapiException;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi jwt}: a key-pair JWT, alone on stdout so that {@code $(papi jwt ...)} works. */
@Command(
        name = "jwt",
        mixinStandardHelpOptions = true,
        description = {
            "Mint a key-pair JWT (RS256) for Snowflake and print it.",
            "The JWT is alone on stdout, so that $(papi jwt ...) works.",
            "iss = ACCOUNT.USER.SHA256:<fingerprint>, sub = ACCOUNT.USER; the account is normalised",
            "(region, cloud and privatelink suffixes dropped)."
        })
public final class JwtCommand extends PapiSubcommand {
    @Mixin
    IdentityOptions identity = new IdentityOptions();

    @Option(
            names = "--lifetime",
            paramLabel = "DURATION",
            description = "Lifetime, at most 1h (env PAPI_JWT_LIFETIME; default 59m)")
    String lifetime;

    @Option(names = "--decode", description = "Print the JWT's header and claims instead of the JWT")
    boolean decode;

    @Override
    protected int run() {
        return mint(environment(), out(), this::warn);
    }

    /** The command itself, apart from picocli: {@link OneShotRun} calls it directly. */
    int mint(Environment environment, PrintWriter out, Consumer<String> warnings) {
        Settings settings = identity.settings(environment, warnings);
        Duration life = Durations.parse(settings.require(Setting.JWT_LIFETIME, lifetime));
        if (life.isZero() || life.isNegative() || life.compareTo(Duration.ofHours(1)) > 0) {
            throw PapiException.usage(
                    "--lifetime must be more than 0 and at most 1h (Snowflake rejects longer JWTs), not "
                            + Durations.format(life));
        }
        KeyPairJwt minter = identity.minter(settings);
        String jwt = minter.mint(life);
        out.println(decode ? JwtInspector.describe(jwt) : jwt);
        return 0;
    }
}
