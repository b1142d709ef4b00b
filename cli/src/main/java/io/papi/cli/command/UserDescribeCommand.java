package io.papi.cli.command;

import io.papi.broker.KeyFingerprint;
import io.papi.cli.PapiException;
import io.papi.cli.snowflake.ServiceUserSql;
import io.papi.local.LocalAccount;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        description = {"Show the user's role and key fingerprints.", "With --public-key, say which slot holds that key."
        })
final class UserDescribeCommand extends UserSubcommand {
    private static final Set<String> SHOWN = Set.of(
            "NAME", "LOGIN_NAME", "TYPE", "DEFAULT_ROLE", "DISABLED", "RSA_PUBLIC_KEY_FP", "RSA_PUBLIC_KEY_2_FP");

    @Option(
            names = "--public-key",
            paramLabel = "FILE",
            description = "A key file to compare with the user's key slots")
    Path publicKey;

    @Override
    List<String> statements() {
        return List.of(ServiceUserSql.describe(name));
    }

    @Override
    void afterSnowflake(ResultSet rows) throws SQLException {
        print(keySlots(rows));
    }

    /**
     * The shown properties of a {@code DESCRIBE USER} result, by upper-cased name: one row per property, read
     * from its {@code property} and {@code value} columns (the others, such as {@code default}, are not needed).
     */
    static Map<String, String> keySlots(ResultSet rows) throws SQLException {
        Map<String, String> properties = new LinkedHashMap<>();
        while (rows != null && rows.next()) {
            String property = rows.getString("property");
            if (property != null && SHOWN.contains(property.toUpperCase(Locale.ROOT))) {
                properties.put(property.toUpperCase(Locale.ROOT), rows.getString("value"));
            }
        }
        return properties;
    }

    @Override
    String applyLocally(LocalAccount account) {
        var user = account.users()
                .describe(name)
                .orElseThrow(() ->
                        PapiException.failure("no user " + name + " in the local account " + account.directory()));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("NAME", user.name());
        properties.put("DEFAULT_ROLE", String.valueOf(user.defaultRole()));
        properties.put("RSA_PUBLIC_KEY_FP", String.valueOf(user.rsaPublicKeyFp()));
        properties.put("RSA_PUBLIC_KEY_2_FP", String.valueOf(user.rsaPublicKey2Fp()));
        print(properties);
        return "(local account " + account.directory() + ")";
    }

    private void print(Map<String, String> properties) {
        properties.forEach((k, v) -> out().printf("%-20s %s%n", k, v == null || v.equals("null") ? "" : v));
        if (publicKey != null) {
            String fp = KeyFingerprint.of(publicKey(publicKey, passphrase, localSettings()));
            String slot = fp.equals(properties.get("RSA_PUBLIC_KEY_FP"))
                    ? "RSA_PUBLIC_KEY"
                    : fp.equals(properties.get("RSA_PUBLIC_KEY_2_FP")) ? "RSA_PUBLIC_KEY_2" : null;
            out().println(
                            slot == null
                                    ? publicKey + " (" + fp + ") is in neither slot: this key cannot log in"
                                    : publicKey + " is in " + slot);
        }
    }
}
