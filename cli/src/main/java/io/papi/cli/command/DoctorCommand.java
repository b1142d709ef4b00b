package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.cli.config.Settings;
import io.papi.cli.snowflake.AccountCheck;
import io.papi.cli.snowflake.AccountChecks;
import io.papi.cli.snowflake.RequiredGrants;
import io.papi.cli.snowflake.SnowflakeJdbc;
import io.papi.cli.snowflake.SnowflakeSql;
import io.papi.lookup.LookupTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi doctor}: a preflight check of a real Snowflake account, one line per check. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Check a Snowflake account before you need it.",
            "The login of your connection (-c) and its authenticator, the session's role,",
            "warehouse, database and schema, the grants of each step (sql/required-grants.tsv), the lookup tables and",
            "their row counts, the service and its endpoint (--service), the service user's key (--public-key), the clock.",
            "One line per check, \u2713 or \u2717 with the fix; exits 1 when a check fails."
        })
public final class DoctorCommand extends PapiSubcommand {
    static final String[] INPUT_TABLES = {"USER_RATINGS", "TITLE"};
    static final String BATCH_TABLE = LookupTable.DEFAULT_BATCH_NAME;

    @Mixin
    ConnectionOption connection = new ConnectionOption();

    @Mixin
    AuthenticatorOption authenticator = new AuthenticatorOption();

    @Option(
            names = "--service",
            paramLabel = "DB.SCHEMA.SERVICE",
            description =
                    "Also check this service's containers and endpoint, and its callers' grants; its database and schema "
                            + "qualify the tables")
    String service;

    @Option(
            names = "--public-key",
            paramLabel = "FILE",
            description = "Check that the service user holds this key (its .pub, or the private key)")
    Path publicKey;

    @Option(
            names = "--service-user",
            paramLabel = "USER",
            defaultValue = "SVC_DATA_API",
            description = "The service user whose key --public-key is compared with (default: ${DEFAULT-VALUE})")
    String serviceUser;

    @Mixin
    TableOption table = new TableOption();

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    @Override
    protected int run() throws Exception {
        Settings settings = connection.settings(environment(), this::warn);
        String serviceName = service == null ? null : qualified(service, "--service");
        String prefix = serviceName == null ? "" : serviceName.substring(0, serviceName.lastIndexOf('.') + 1);
        String lookup = prefix + qualified(table.name(settings), "--table");
        var key = publicKey == null ? null : UserSubcommand.publicKey(publicKey, passphrase, settings);
        var target = SnowflakeJdbc.target(settings, null, null, null, authenticator.name, passphrase.source(settings));

        List<AccountCheck> checks = new ArrayList<>();
        java.util.function.Consumer<AccountCheck> report = check -> {
            checks.add(check);
            out().println(check.line());
            out().flush();
        };
        Connection conn;
        try {
            conn = target.connect();
        } catch (PapiException e) {
            report.accept(AccountCheck.fail(
                    "login: " + e.getMessage(),
                    "check the connection's account, user and credentials "
                            + "(docs/deploy-spcs.md, \"Your connections\")"));
            return 1;
        }
        try (conn) {
            report.accept(AccountCheck.pass("login: " + target.properties().getProperty("user", "(token)") + " at "
                    + target.url().substring("jdbc:snowflake://".length()) + " with authenticator "
                    + target.authenticator()));
            AccountChecks account = new AccountChecks(conn, report);
            account.session(environment().clock());
            account.grants(RequiredGrants.packaged(), serviceName != null);
            for (String input : INPUT_TABLES) {
                account.table(
                        prefix + input,
                        "PUT ratings.csv and titles.csv on @API.DATA.RECOMMENDER_DATA, then run sql/05_tables.sql");
            }
            String publish = "papi recommend -c <publisher> --from-snowflake --publish --store snowflake";
            account.table(prefix + BATCH_TABLE, publish);
            account.table(lookup, publish + " (an empty lookup table answers every id with [])");
            if (serviceName != null) {
                account.service(serviceName);
            }
            if (key != null) {
                account.serviceUserKey(serviceUser, key, publicKey.toString());
            }
        } catch (SQLException e) {
            report.accept(
                    AccountCheck.fail("closing the connection: " + SnowflakeJdbc.firstLine(e.getMessage()), null));
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        out().println(
                        failed == 0
                                ? "all " + checks.size() + " checks passed"
                                : failed + " of " + checks.size() + " checks failed");
        return failed == 0 ? 0 : 1;
    }

    /** A name of up to three plain identifier parts, rendered as Snowflake resolves them. */
    private static String qualified(String name, String option) {
        String[] parts = name.split("\\.", -1);
        if (parts.length > 3) {
            throw PapiException.usage(option + " '" + name + "' has more than three parts: use DATABASE.SCHEMA.NAME");
        }
        StringBuilder sql = new StringBuilder();
        for (String part : parts) {
            String id;
            try {
                id = SnowflakeSql.identifier(part);
            } catch (IllegalArgumentException e) {
                throw PapiException.usage(option + " '" + name + "': " + e.getMessage());
            }
            if (id.startsWith("\"")) {
                throw PapiException.usage(option + " '" + name
                        + "' is not a plain name: use letters, digits, _ and $, as DATABASE.SCHEMA.NAME");
            }
            sql.append(sql.length() == 0 ? "" : ".").append(id);
        }
        return sql.toString();
    }
}
