package io.papi.cli.command;

import io.papi.broker.AccountIdentifier;
import io.papi.broker.KeyPairJwt;
import io.papi.broker.SessionToken;
import io.papi.broker.TokenExchange;
import io.papi.broker.TokenExchangeException;
import io.papi.cli.JsonOutput;
import io.papi.cli.PapiException;
import io.papi.cli.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi token}: a fresh JWT exchanged at /oauth/token for an SPCS session token. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = {
            "Exchange a fresh key-pair JWT for an SPCS session token.",
            "The JWT goes to /oauth/token; the session token is printed.",
            "Send it as: Authorization: Snowflake Token=\"<token>\" (or use --header)."
        })
public final class TokenCommand extends PapiSubcommand {
    @Mixin
    IdentityOptions identity = new IdentityOptions();

    @Mixin
    ExchangeOptions exchange = new ExchangeOptions();

    @Option(
            names = "--pat-file",
            paramLabel = "FILE",
            description = "Exchange a programmatic access token read from FILE instead of a key-pair JWT")
    Path patFile;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--header", description = "Print the whole line: Authorization: Snowflake Token=\"...\"")
        boolean header;

        @Option(names = "--json", description = "Print {\"token\": ..., \"expires_at\": ...}")
        boolean json;
    }

    @Override
    protected int run() {
        Settings settings = identity.settings(environment(), this::warn);
        AccountIdentifier account = identity.account(settings);
        var scope = exchange.scope(settings);
        TokenExchange client = exchange.exchange(settings, account);
        SessionToken token;
        try {
            if (patFile != null) {
                token = client.exchangeProgrammaticAccessToken(
                        new String(PassphraseOptions.readPassphraseFile(patFile)), scope);
            } else {
                KeyPairJwt minter = identity.minter(settings);
                token = client.exchange(minter.mint(Duration.ofMinutes(59)), scope);
            }
        } catch (TokenExchangeException e) {
            throw new PapiException(io.papi.cli.ExitCode.FAILURE, e.getMessage(), e);
        }
        if (format != null && format.header) {
            out().println("Authorization: " + token.authorizationHeader());
        } else if (format != null && format.json) {
            out().println(JsonOutput.object(
                    "token", token.value(), "expires_at", DateTimeFormatter.ISO_INSTANT.format(token.expiresAt())));
        } else {
            out().println(token.value());
        }
        return 0;
    }
}
