package io.papi.cli.command;

import io.papi.broker.AccountIdentifier;
import io.papi.broker.PatFile;
import io.papi.broker.SessionToken;
import io.papi.broker.TokenExchange;
import io.papi.cli.JsonOutput;
import io.papi.cli.config.Settings;
import java.nio.file.Path;
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
    /** The identity, and where its session token comes from. */
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
        Settings settings = exchange.identity.settings(environment(), this::warn);
        AccountIdentifier account = exchange.identity.account(settings);
        var scope = exchange.scope(settings);
        SessionToken token;
        if (patFile != null) {
            TokenExchange client = exchange.exchange(settings, account);
            token = ExchangeOptions.refusalFails(
                    () -> client.exchangeProgrammaticAccessToken(PatFile.read(patFile), scope));
        } else {
            token = exchange.sessionToken(settings, account, scope);
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
