package io.papi.cli.command;

import io.papi.broker.KeyFingerprint;
import io.papi.broker.PublicKeys;
import io.papi.cli.PapiException;
import io.papi.cli.snowflake.ServiceUserSql;
import io.papi.cli.snowflake.SnowflakeSql;
import io.papi.local.LocalAccount;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Create the service user with a public key, and check it.",
            "It is TYPE = SERVICE and is granted its role. After the statements ran it reads DESCRIBE USER and fails",
            "when neither key slot holds the key: CREATE USER IF NOT EXISTS leaves a user that already existed as it was.",
            "Needs CREATE USER on the account (USERADMIN) and ownership of the role or MANAGE GRANTS (SECURITYADMIN)."
        })
final class UserCreateCommand extends UserSubcommand {
    /** The role callers' session tokens are scoped to in Snowflake: only the service's endpoints (sql/11_service_user.sql). */
    static final String SNOWFLAKE_ROLE = "DATA_API_CALLER_ROLE";
    /** The local account has no service roles: its one role stands for both. */
    static final String LOCAL_ROLE = "DATA_API_ROLE";

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            description = "Default role, granted to the user (default: " + SNOWFLAKE_ROLE + "; with --local "
                    + LOCAL_ROLE + ")")
    String role;

    @Option(
            names = "--public-key",
            paramLabel = "FILE",
            description = "Public key file (or the private key, whose public half is used)")
    Path publicKey;

    private RSAPublicKey key;

    private RSAPublicKey key() {
        if (key == null) {
            key = publicKey(publicKey, passphrase, localSettings());
        }
        return key;
    }

    private String role() {
        return role != null ? role : local ? LOCAL_ROLE : SNOWFLAKE_ROLE;
    }

    @Override
    List<String> statements() {
        List<String> sql = new ArrayList<>(ServiceUserSql.create(name, role(), PublicKeys.snowflakeValue(key())));
        sql.add(ServiceUserSql.describe(name));
        return sql;
    }

    @Override
    String privilegesNeeded() {
        return "CREATE USER on the account (USERADMIN has it) and, for GRANT ROLE, ownership of role "
                + SnowflakeSql.identifier(role()) + " or MANAGE GRANTS (SECURITYADMIN has it)";
    }

    @Override
    String afterFailure(int index) {
        // statement 2 is the grant: the user exists now, without its role
        return index == 1
                ? "; user " + SnowflakeSql.identifier(name) + " exists now without role "
                        + SnowflakeSql.identifier(role())
                        + ": run again with a role that owns it or has MANAGE GRANTS (SECURITYADMIN)"
                : "";
    }

    @Override
    void afterSnowflake(ResultSet rows) throws SQLException {
        Map<String, String> slots = UserDescribeCommand.keySlots(rows);
        String fingerprint = KeyFingerprint.of(key());
        if (fingerprint.equals(slots.get("RSA_PUBLIC_KEY_FP"))
                || fingerprint.equals(slots.get("RSA_PUBLIC_KEY_2_FP"))) {
            out().println("created " + SnowflakeSql.identifier(name) + " with role " + SnowflakeSql.identifier(role())
                    + "; its key " + fingerprint + " is registered");
            return;
        }
        String held = slots.getOrDefault("RSA_PUBLIC_KEY_FP", "");
        throw PapiException.failure("user " + SnowflakeSql.identifier(name) + " already existed with another key ("
                + (held.isEmpty() || held.equals("null") ? "none" : held) + "), so " + publicKey + " (" + fingerprint
                + ") is not registered: add it with papi user rotate --name " + name + " --public-key " + publicKey
                + " (see docs/key-rotation.md)");
    }

    @Override
    String applyLocally(LocalAccount account) {
        var change = account.users().create(name, role(), key());
        return change.toString();
    }
}
