package io.papi.cli.snowflake;

import io.papi.broker.KeyFingerprint;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The checks of {@code papi doctor}, each one statement or two over the caller's connection, reported as they run.
 * Statements and the result columns they read are Snowflake's documented ones: {@code SHOW GRANTS TO ROLE}
 * ({@code privilege}, {@code granted_on}, {@code name}), {@code SHOW SERVICE CONTAINERS IN SERVICE}
 * ({@code instance_id}, {@code container_name}, {@code status}, {@code message}), {@code SHOW ENDPOINTS IN SERVICE}
 * ({@code name}, {@code is_public}, {@code ingress_url}), {@code DESCRIBE USER} ({@code property}, {@code value}).
 * Nothing here is built from user text except names, which are checked identifiers.
 */
public final class AccountChecks {
    /** papi doctor fails above this skew: Snowflake refuses a JWT that arrives more than 60 s after its iat. */
    static final Duration MOST_SKEW = Duration.ofSeconds(30);

    private final Connection connection;
    private final Consumer<AccountCheck> report;

    public AccountChecks(Connection connection, Consumer<AccountCheck> report) {
        this.connection = connection;
        this.report = report;
    }

    /** Role, warehouse, database and schema of the session, and the clock against Snowflake's. */
    public void session(Clock clock) {
        long before = clock.millis();
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery(
                        "SELECT CURRENT_ROLE(), CURRENT_WAREHOUSE(), CURRENT_DATABASE(), CURRENT_SCHEMA(), "
                                + "DATE_PART(EPOCH_MILLISECOND, CURRENT_TIMESTAMP())")) {
            long after = clock.millis();
            if (!rows.next()) {
                report.accept(AccountCheck.fail("the session context query returned nothing", null));
                return;
            }
            String[] names = {"role", "warehouse", "database", "schema"};
            String[] keys = {"role", "warehouse", "database", "schema"};
            String[] examples = {"DATA_API_ROLE", "DATA_API_WH", "API", "DATA"};
            List<String> found = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                String value = rows.getString(i + 1);
                if (value == null || value.isBlank()) {
                    report.accept(AccountCheck.fail(
                            "no current " + names[i] + ": papi's statements name tables without a database"
                                    + (i == 1 ? " and queries need a warehouse" : ""),
                            "add " + keys[i] + " = \"" + examples[i] + "\" to the connection (or SNOWFLAKE_"
                                    + names[i].toUpperCase(Locale.ROOT) + ")"));
                } else {
                    found.add(names[i] + " " + value);
                }
            }
            if (found.size() == names.length) {
                report.accept(AccountCheck.pass("session: " + String.join(", ", found)));
            }
            long server = rows.getLong(5);
            long skew = (before + after) / 2 - server;
            String shown = "clock: local " + (skew >= 0 ? "+" : "") + skew + " ms against Snowflake";
            report.accept(
                    Math.abs(skew) <= MOST_SKEW.toMillis()
                            ? AccountCheck.pass(shown)
                            : AccountCheck.fail(
                                    shown + " (a key-pair JWT more than 60 s old on arrival is refused)",
                                    "synchronise the clock (NTP)"));
        } catch (SQLException e) {
            report.accept(AccountCheck.fail(
                    "cannot read the session context: " + SnowflakeJdbc.firstLine(e.getMessage()), null));
        }
    }

    /** The grants of each step, from SHOW GRANTS TO ROLE, against the packaged list. */
    public void grants(RequiredGrants required, boolean withCallers) {
        Map<String, List<String[]>> byRole = new LinkedHashMap<>();
        for (String role : required.roles()) {
            if (!withCallers
                    && required.all().stream()
                            .filter(g -> g.role().equals(role))
                            .allMatch(g -> g.step().equals("callers"))) {
                continue;
            }
            try (Statement s = connection.createStatement();
                    ResultSet rows = s.executeQuery("SHOW GRANTS TO ROLE " + SnowflakeSql.identifier(role))) {
                List<String[]> granted = new ArrayList<>();
                while (rows.next()) {
                    granted.add(new String[] {
                        rows.getString("privilege"), rows.getString("granted_on"), rows.getString("name")
                    });
                }
                byRole.put(role, granted);
            } catch (SQLException e) {
                report.accept(AccountCheck.fail(
                        "cannot list the grants of role " + role + ": " + SnowflakeJdbc.firstLine(e.getMessage()),
                        "run sql/01_roles.sql, or use a connection whose role inherits " + role
                                + " (ACCOUNTADMIN does)"));
            }
        }
        Map<String, List<RequiredGrants.Grant>> missingByStep = new LinkedHashMap<>();
        Map<String, Integer> countByStep = new LinkedHashMap<>();
        for (RequiredGrants.Grant grant : required.all()) {
            List<String[]> granted = byRole.get(grant.role());
            if (granted == null) {
                continue;
            }
            countByStep.merge(grant.step(), 1, Integer::sum);
            boolean held = granted.stream().anyMatch(row -> grant.grantedBy(row[0], row[1], row[2]));
            if (!held) {
                missingByStep
                        .computeIfAbsent(grant.step(), k -> new ArrayList<>())
                        .add(grant);
            }
        }
        countByStep.forEach((step, count) -> {
            List<RequiredGrants.Grant> missing = missingByStep.getOrDefault(step, List.of());
            if (missing.isEmpty()) {
                report.accept(AccountCheck.pass("grants for " + step + ": all " + count + " held"));
            }
            for (RequiredGrants.Grant grant : missing) {
                report.accept(AccountCheck.fail(
                        "grants for " + step + ": " + grant.role() + " lacks " + grant.describe(), grant.fix()));
            }
        });
    }

    /** A table exists; its row count; an empty one fails with how to fill it. */
    public void table(String qualifiedName, String fillWith) {
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + qualifiedName)) {
            long count = rows.next() ? rows.getLong(1) : 0;
            report.accept(
                    count > 0
                            ? AccountCheck.pass(qualifiedName + ": " + count + " rows")
                            : AccountCheck.fail(qualifiedName + " is empty", fillWith));
        } catch (SQLException e) {
            report.accept(AccountCheck.fail(qualifiedName + ": " + SnowflakeJdbc.firstLine(e.getMessage()), fillWith));
        }
    }

    /** Every container of the service READY, and its endpoints' ingress URLs. */
    public void service(String service) {
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SHOW SERVICE CONTAINERS IN SERVICE " + service)) {
            int ready = 0;
            List<AccountCheck> notReady = new ArrayList<>();
            while (rows.next()) {
                String status = rows.getString("status");
                if ("READY".equalsIgnoreCase(status)) {
                    ready++;
                } else {
                    String instance = rows.getString("instance_id");
                    String container = rows.getString("container_name");
                    notReady.add(AccountCheck.fail(
                            "service " + service + ": instance " + instance + " container " + container + " is "
                                    + status + " (" + rows.getString("message") + ")",
                            "read its log: SELECT SYSTEM$GET_SERVICE_LOGS('" + service + "', " + instance + ", '"
                                    + container + "', 100);"));
                }
            }
            notReady.forEach(report);
            if (ready == 0 && notReady.isEmpty()) {
                report.accept(AccountCheck.fail(
                        "service " + service + " has no containers running", "ALTER SERVICE " + service + " RESUME;"));
            } else if (notReady.isEmpty()) {
                report.accept(AccountCheck.pass(
                        "service " + service + ": " + ready + " container" + (ready == 1 ? "" : "s") + " READY"));
            }
        } catch (SQLException e) {
            report.accept(AccountCheck.fail(
                    "service " + service + ": " + SnowflakeJdbc.firstLine(e.getMessage()),
                    "create it with sql/10_service.sql, or check the name (DATABASE.SCHEMA.SERVICE)"));
            return;
        }
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SHOW ENDPOINTS IN SERVICE " + service)) {
            boolean any = false;
            while (rows.next()) {
                any = true;
                String name = rows.getString("name");
                String url = rows.getString("ingress_url");
                boolean isPublic = Boolean.parseBoolean(
                        String.valueOf(rows.getString("is_public")).toLowerCase(Locale.ROOT));
                if (url == null || !url.contains(".")) {
                    report.accept(AccountCheck.fail(
                            "endpoint " + name + ": no ingress URL yet (" + url + ")",
                            isPublic
                                    ? "wait a few minutes for provisioning, then look again"
                                    : "set public: true in the service spec"));
                } else {
                    report.accept(AccountCheck.pass("endpoint " + name + ": " + url + (isPublic ? " (public)" : "")));
                }
            }
            if (!any) {
                report.accept(AccountCheck.fail(
                        "service " + service + " lists no endpoints your role may use",
                        "GRANT SERVICE ROLE " + service
                                + "!ALL_ENDPOINTS_USAGE TO ROLE <your role>; (as the service's owner)"));
            }
        } catch (SQLException e) {
            report.accept(AccountCheck.fail(
                    "endpoints of " + service + ": " + SnowflakeJdbc.firstLine(e.getMessage()), null));
        }
    }

    /** The service user's key slots hold the local key. */
    public void serviceUserKey(String user, RSAPublicKey localKey, String keyFile) {
        String fingerprint = KeyFingerprint.of(localKey);
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery(ServiceUserSql.describe(user))) {
            Map<String, String> slots = new LinkedHashMap<>();
            while (rows.next()) {
                String property = rows.getString("property");
                if (property != null) {
                    slots.put(property.toUpperCase(Locale.ROOT), rows.getString("value"));
                }
            }
            String shown = SnowflakeSql.identifier(user);
            if (fingerprint.equals(slots.get("RSA_PUBLIC_KEY_FP"))) {
                report.accept(AccountCheck.pass(shown + ": RSA_PUBLIC_KEY_FP is " + keyFile + "'s " + fingerprint));
            } else if (fingerprint.equals(slots.get("RSA_PUBLIC_KEY_2_FP"))) {
                report.accept(AccountCheck.pass(shown + ": RSA_PUBLIC_KEY_2_FP is " + keyFile + "'s " + fingerprint));
            } else {
                report.accept(AccountCheck.fail(
                        shown + " holds neither slot of " + keyFile + " (" + fingerprint + "; slot 1 "
                                + slots.getOrDefault("RSA_PUBLIC_KEY_FP", "none") + ")",
                        "papi user rotate -c <admin> --name " + user + " --public-key " + keyFile));
            }
        } catch (SQLException e) {
            report.accept(AccountCheck.fail(
                    "cannot describe user " + SnowflakeSql.identifier(user) + ": "
                            + SnowflakeJdbc.firstLine(e.getMessage()),
                    "use a connection whose role owns the user (the one that created it)"));
        }
    }
}
