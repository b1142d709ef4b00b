package io.papi.cli.command;

import io.papi.broker.AccountIdentifier;
import io.papi.broker.KeyPairJwt;
import io.papi.broker.PrivateKeys;
import io.papi.cli.Environment;
import io.papi.cli.PapiException;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * Who papi authenticates as: account, user and private key, with the connection they may come from.
 * Shared by {@code jwt}, {@code token}, {@code broker} and {@code call}.
 */
public final class IdentityOptions {
    @picocli.CommandLine.Mixin
    ConnectionOption connection = new ConnectionOption();

    @Option(
            names = "--account",
            paramLabel = "ACCOUNT",
            description =
                    "Account: ORGNAME-ACCOUNTNAME or a locator such as xy12345.us-east-1.aws (env SNOWFLAKE_ACCOUNT)")
    String account;

    @Option(names = "--user", paramLabel = "USER", description = "User's LOGIN_NAME (env SNOWFLAKE_USER)")
    String user;

    @Option(
            names = "--private-key",
            paramLabel = "FILE",
            description = "Private key file, PKCS#8 or PKCS#1 PEM, plain or encrypted (env SNOWFLAKE_PRIVATE_KEY_PATH)")
    Path privateKey;

    @picocli.CommandLine.Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    /** Settings with this identity's connection. */
    public Settings settings(Environment environment, Consumer<String> warnings) {
        return connection.settings(environment, warnings);
    }

    public AccountIdentifier account(Settings settings) {
        String value = settings.require(Setting.ACCOUNT, account);
        try {
            return AccountIdentifier.parse(value);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
    }

    public String user(Settings settings) {
        return settings.require(Setting.USER, user);
    }

    public Path privateKeyFile(Settings settings) {
        return Path.of(settings.require(Setting.PRIVATE_KEY, privateKey == null ? null : privateKey.toString()));
    }

    public RSAPrivateCrtKey privateKey(Settings settings) {
        Path file = privateKeyFile(settings);
        return PrivateKeys.read(file, passphrase.source(settings));
    }

    /** A JWT minter for this identity; reads the key once. */
    public KeyPairJwt minter(Settings settings) {
        AccountIdentifier acct = account(settings);
        String login = user(settings);
        return new KeyPairJwt(
                acct, login, privateKey(settings), settings.environment().clock());
    }
}
