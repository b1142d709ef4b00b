package io.papi.cli.command;

import io.papi.broker.PublicKeys;
import io.papi.cli.PapiException;
import io.papi.cli.config.Settings;
import io.papi.cli.snowflake.SnowflakeJdbc;
import io.papi.local.LocalAccount;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every {@code papi user} subcommand shares: the service user's name, and the target (print the SQL, run it
 * over JDBC as the caller, or apply it to the local account).
 */
abstract class UserSubcommand extends PapiSubcommand {
    @Option(
            names = "--name",
            paramLabel = "USER",
            defaultValue = "SVC_DATA_API",
            description = "Service user's name (default: ${DEFAULT-VALUE})")
    String name;

    @Option(
            names = "--print-sql",
            description =
                    "Print the statements only; connect to nothing (else they run over your own connection: -c, or "
                            + "--account, --admin-user and --private-key)")
    boolean printSql;

    @Option(names = "--local", description = "Apply to the local account (the embedded stand-in) instead of Snowflake")
    boolean local;

    @Mixin
    LocalDirOption localDir = new LocalDirOption();

    @Mixin
    ConnectionOption connection = new ConnectionOption();

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "Account to connect to (env SNOWFLAKE_ACCOUNT)")
    String account;

    @Option(
            names = "--admin-user",
            paramLabel = "USER",
            description = "Your own login name for the JDBC connection (env SNOWFLAKE_USER)")
    String adminUser;

    @Option(
            names = "--private-key",
            paramLabel = "FILE",
            description =
                    "Your own private key for the JDBC connection (env SNOWFLAKE_PRIVATE_KEY_PATH; else SNOWFLAKE_PASSWORD)")
    Path adminKey;

    @Mixin
    AuthenticatorOption authenticator = new AuthenticatorOption();

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    /** Printed before the statements run: the privileges the caller's role needs for them; null for none. */
    String privilegesNeeded() {
        return null;
    }

    /** The statements for Snowflake. */
    abstract List<String> statements();

    /** The same change on the local account; returns the line to print. */
    abstract String applyLocally(LocalAccount account);

    /** Called after the statements ran over JDBC, with the result of the last one. */
    void afterSnowflake(ResultSet lastResult) throws SQLException {
        out().println("done: " + statements().size() + " statement(s) ran as the caller");
    }

    @Override
    protected int run() throws Exception {
        if (printSql && local) {
            throw PapiException.usage("--print-sql and --local exclude each other");
        }
        if (local) {
            try (LocalAccount account = LocalAccount.open(localDir.resolve(environment()))) {
                out().println(applyLocally(account));
            }
            return 0;
        }
        List<String> sql = statements();
        if (printSql) {
            sql.forEach(out()::println);
            return 0;
        }
        Settings settings = connection.settings(environment(), this::warn);
        var target = SnowflakeJdbc.target(
                settings,
                account,
                adminUser,
                adminKey == null ? null : adminKey.toString(),
                authenticator.name,
                passphrase.source(settings));
        String needed = privilegesNeeded();
        if (needed != null) {
            out().println("needs: " + needed);
            out().flush();
        }
        try (Connection conn = target.connect();
                Statement statement = conn.createStatement()) {
            ResultSet last = null;
            for (int i = 0; i < sql.size(); i++) {
                String s = sql.get(i);
                try {
                    boolean hasRows = statement.execute(s);
                    last = hasRows ? statement.getResultSet() : null;
                } catch (SQLException e) {
                    throw PapiException.failure("Snowflake refused statement " + (i + 1) + " of " + sql.size() + " ("
                            + verb(s) + "): " + SnowflakeJdbc.firstLine(e.getMessage()) + afterFailure(i));
                }
            }
            afterSnowflake(last);
        } catch (SQLException e) {
            throw PapiException.failure("Snowflake refused the statement: " + SnowflakeJdbc.firstLine(e.getMessage()));
        }
        return 0;
    }

    /** What to add to the error when statement {@code index} failed (the earlier ones ran). */
    String afterFailure(int index) {
        return "";
    }

    private static String verb(String statement) {
        String[] words = statement.split("\\s+");
        return words.length < 2 ? statement : words[0] + " " + words[1];
    }

    static RSAPublicKey publicKey(Path file, PassphraseOptions passphrase, Settings settings) {
        if (file == null) {
            throw PapiException.usage("--public-key FILE is required (the .pub file written by papi keygen)");
        }
        return PublicKeys.read(file, passphrase.source(settings));
    }

    Settings localSettings() {
        return new Settings(environment(), null, this::warn);
    }
}
