package io.papi.cli.command;

import io.papi.cli.stack.Ports;
import io.papi.cli.stack.RunUntilStopped;
import io.papi.local.LocalAccount;
import io.papi.local.LocalTokenEndpoint;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi local}: the embedded stand-in for Snowflake's /oauth/token, on its own. */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = {
            "Run the local account's token endpoint until Ctrl-C.",
            "It is the stand-in for Snowflake's /oauth/token.",
            "Register users with: papi user create --local --public-key rsa_key.pub"
        })
public final class LocalCommand extends PapiSubcommand {
    @Mixin
    LocalDirOption localDir = new LocalDirOption();

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8088",
            description = "Port of /oauth/token (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--session-lifetime",
            paramLabel = "DURATION",
            defaultValue = "10m",
            description = "Lifetime of the session tokens issued (default: ${DEFAULT-VALUE})")
    Duration sessionLifetime;

    @Override
    protected int run() throws Exception {
        LocalAccount account = LocalAccount.open(localDir.resolve(environment()));
        try {
            LocalTokenEndpoint endpoint = Ports.tokenEndpoint(account, host, port, "--port", sessionLifetime);
            out().println("Local account " + account.name() + " in " + account.directory());
            out().println("Token URL: " + endpoint.tokenUrl() + "   (use --account " + account.name() + " --token-url "
                    + endpoint.tokenUrl() + ")");
            out().println("Users: " + account.users().list().size() + "; Ctrl-C stops.");
            out().flush();
            RunUntilStopped.await(out(), List.<AutoCloseable>of(account, endpoint::stop));
        } catch (RuntimeException e) {
            account.close();
            throw e;
        }
        return 0;
    }
}
