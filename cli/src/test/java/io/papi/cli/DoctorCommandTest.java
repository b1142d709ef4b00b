package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.broker.KeyFingerprint;
import io.papi.broker.PassphraseSource;
import io.papi.broker.PublicKeys;
import io.papi.cli.ScriptedSnowflake.Rows;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** papi doctor against a recording driver answering with the result shapes Snowflake documents. */
class DoctorCommandTest extends KeyedHomeTest {
    static final List<String> GRANT_COLUMNS = List.of(
            "created_on",
            "privilege",
            "granted_on",
            "name",
            "granted_to",
            "grantee_name",
            "grant_option",
            "granted_by");

    ScriptedSnowflake snowflake;
    String fingerprint;

    @BeforeEach
    void setUp() throws Exception {
        fingerprint = KeyFingerprint.of(PublicKeys.read(publicKey(), PassphraseSource.none()));
        ConnectionsToml.inHome(
                home,
                "[publisher]\naccount = \"myorg-myacct\"\nuser = \"ME\"\nauthenticator = \"externalbrowser\"\n"
                        + "role = \"DATA_API_ROLE\"\nwarehouse = \"DATA_API_WH\"\ndatabase = \"API\"\nschema = \"DATA\"\n");
        snowflake = new ScriptedSnowflake();
        cli.snowflake(snowflake);
    }

    private static Rows grants(String grantee, String[]... rows) {
        Rows result = new Rows(GRANT_COLUMNS, new java.util.ArrayList<>());
        for (String[] r : rows) {
            result.row("2026-11-30 10:00:00.000 -0800", r[0], r[1], r[2], "ROLE", grantee, "false", "ACCOUNTADMIN");
        }
        return result;
    }

    private static String[] g(String privilege, String on, String name) {
        return new String[] {privilege, on, name};
    }

    /** What the setup scripts grant DATA_API_ROLE: privilege, object kind, object name. */
    private static final String[][] DATA_API_ROLE_GRANTS = {
        g("USAGE", "WAREHOUSE", "DATA_API_WH"),
        g("USAGE", "DATABASE", "API"),
        g("USAGE", "SCHEMA", "API.DATA"),
        g("CREATE TABLE", "SCHEMA", "API.DATA"),
        g("CREATE HYBRID TABLE", "SCHEMA", "API.DATA"),
        g("SELECT", "TABLE", "API.DATA.USER_RATINGS"),
        g("SELECT", "TABLE", "API.DATA.TITLE"),
        g("OWNERSHIP", "TABLE", "API.DATA.MOVIE_RECOMMENDATIONS"),
        g("OWNERSHIP", "TABLE", "API.DATA.MOVIE_RECOMMENDATIONS_HYBRID"),
        g("CREATE SERVICE", "SCHEMA", "API.DATA"),
        g("READ", "STAGE", "API.DATA.SPECS"),
        g("READ", "IMAGE_REPOSITORY", "API.DATA.API"),
        g("USAGE", "COMPUTE_POOL", "API"),
        g("MONITOR", "COMPUTE_POOL", "API"),
        g("BIND SERVICE ENDPOINT", "ACCOUNT", "XY12345")
    };

    /** {@code grants} without the rows of these privileges. */
    private static String[][] without(String[][] grants, String... privileges) {
        List<String> dropped = List.of(privileges);
        return java.util.Arrays.stream(grants)
                .filter(r -> !dropped.contains(r[0]))
                .toArray(String[][]::new);
    }

    /** Answers SELECT COUNT(*) FROM {@code table} with {@code count}. */
    private void rowCount(String table, long count) {
        snowflake.answer(
                "^SELECT COUNT\\(\\*\\) FROM " + table.replace(".", "\\.") + "$",
                Rows.of("COUNT(*)").row(count));
    }

    /** What a healthy account answers, as the setup scripts leave it. */
    private void healthyAccount() {
        long now = System.currentTimeMillis();
        snowflake.answer(
                "^SELECT CURRENT_ROLE\\(\\), CURRENT_WAREHOUSE\\(\\), CURRENT_DATABASE\\(\\), CURRENT_SCHEMA\\(\\), "
                        + "DATE_PART\\(EPOCH_MILLISECOND, CURRENT_TIMESTAMP\\(\\)\\)$",
                Rows.of("CURRENT_ROLE()", "CURRENT_WAREHOUSE()", "CURRENT_DATABASE()", "CURRENT_SCHEMA()", "DATE_PART")
                        .row("DATA_API_ROLE", "DATA_API_WH", "API", "DATA", now));
        snowflake.answer("^SHOW GRANTS TO ROLE DATA_API_ROLE$", grants("DATA_API_ROLE", DATA_API_ROLE_GRANTS));
        snowflake.answer(
                "^SHOW GRANTS TO ROLE DATA_API_CALLER_ROLE$",
                grants("DATA_API_CALLER_ROLE", g("USAGE", "SERVICE_ROLE", "API.DATA.API!ALL_ENDPOINTS_USAGE")));
        rowCount("API.DATA.USER_RATINGS", 100000L);
        rowCount("API.DATA.TITLE", 1682L);
        rowCount("API.DATA.MOVIE_RECOMMENDATIONS", 943L);
        rowCount("API.DATA.MOVIE_RECOMMENDATIONS_HYBRID", 943L);
        snowflake.answer(
                "^SHOW SERVICE CONTAINERS IN SERVICE API\\.DATA\\.API$",
                Rows.of(
                                "database_name",
                                "schema_name",
                                "service_name",
                                "service_status",
                                "instance_id",
                                "instance_status",
                                "container_name",
                                "status",
                                "message",
                                "image_name",
                                "image_digest",
                                "restart_count",
                                "start_time")
                        .row(
                                "API",
                                "DATA",
                                "API",
                                "RUNNING",
                                "0",
                                "READY",
                                "api",
                                "READY",
                                "Running",
                                "/api/data/api/papi:latest",
                                "sha256:abc",
                                0,
                                "2026-11-30T10:00:00Z"));
        snowflake.answer(
                "^SHOW ENDPOINTS IN SERVICE API\\.DATA\\.API$",
                Rows.of("name", "port", "port_range", "protocol", "is_public", "ingress_url")
                        .row("api", 8001, null, "HTTP", "true", "abcd-myorg-myacct.snowflakecomputing.app"));
        snowflake.answer(
                "^DESCRIBE USER SVC_DATA_API;$",
                Rows.of("property", "value", "default", "description")
                        .row("NAME", "SVC_DATA_API", "null", "Name")
                        .row("RSA_PUBLIC_KEY_FP", fingerprint, "null", "RSA public key fingerprint of the user")
                        .row("RSA_PUBLIC_KEY_2_FP", "null", "null", "Second RSA public key fingerprint of the user"));
    }

    private CliRun.Result doctor() {
        return cli.run(
                "doctor",
                "-c",
                "publisher",
                "--service",
                "API.DATA.API",
                "--public-key",
                publicKey().toString());
    }

    /** Runs {@link #doctor()}, which must exit 1 with each of {@code lines} in its report. */
    private CliRun.Result doctorFailsWith(String... lines) {
        var result = doctor();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains(lines);
        return result;
    }

    @Test
    void aHealthyAccountPassesEveryCheckOneLineEach() {
        healthyAccount();

        var result = doctor();

        result.succeeds();
        assertThat(result.out().lines().filter(l -> l.startsWith("\u2717"))).isEmpty();
        assertThat(result.out())
                .contains(
                        "\u2713 login: ME at myorg-myacct.snowflakecomputing.com with authenticator externalbrowser\n",
                        "\u2713 session: role DATA_API_ROLE, warehouse DATA_API_WH, database API, schema DATA\n",
                        "\u2713 grants for queries: all 3 held\n",
                        "\u2713 grants for publish: all 4 held\n",
                        "\u2713 grants for service: all 6 held\n",
                        "\u2713 grants for callers: all 1 held\n",
                        "\u2713 API.DATA.MOVIE_RECOMMENDATIONS_HYBRID: 943 rows\n",
                        "\u2713 service API.DATA.API: 1 container READY\n",
                        "\u2713 endpoint api: abcd-myorg-myacct.snowflakecomputing.app (public)\n",
                        "\u2713 SVC_DATA_API: RSA_PUBLIC_KEY_FP is ");
        assertThat(result.out()).containsPattern("\u2713 clock: local [+-]\\d+ ms against Snowflake");
        assertThat(result.out()).endsWith("all 14 checks passed\n");
    }

    @Test
    void eachMissingGrantIsOneFailureWithTheStatementThatFixesIt() {
        healthyAccount();
        snowflake.answer(
                "^SHOW GRANTS TO ROLE DATA_API_ROLE$",
                grants("DATA_API_ROLE", without(DATA_API_ROLE_GRANTS, "CREATE HYBRID TABLE", "OWNERSHIP")));

        var result = doctorFailsWith(
                "\u2717 grants for publish: DATA_API_ROLE lacks CREATE HYBRID TABLE on SCHEMA API.DATA; "
                        + "fix: GRANT CREATE HYBRID TABLE ON SCHEMA API.DATA TO ROLE DATA_API_ROLE;\n");
        assertThat(result.out().lines().filter(l -> l.startsWith("\u2717"))).hasSize(1);
        assertThat(result.out()).endsWith("1 of 14 checks failed\n");
    }

    @Test
    void anEmptyLookupTableAndAMissingOneFailWithHowToPublish() {
        healthyAccount();
        rowCount("API.DATA.MOVIE_RECOMMENDATIONS_HYBRID", 0L);
        snowflake.refuse(
                "^SELECT COUNT\\(\\*\\) FROM API\\.DATA\\.MOVIE_RECOMMENDATIONS$",
                "SQL compilation error:\nObject 'API.DATA.MOVIE_RECOMMENDATIONS' does not exist or not authorized.",
                "42S02",
                2003);

        doctorFailsWith(
                "\u2717 API.DATA.MOVIE_RECOMMENDATIONS_HYBRID is empty; fix: papi recommend -c <publisher> "
                        + "--from-snowflake --publish --store snowflake (an empty lookup table answers every id with [])\n",
                "\u2717 API.DATA.MOVIE_RECOMMENDATIONS: SQL compilation error: Object 'API.DATA.MOVIE_RECOMMENDATIONS' does not exist "
                        + "or not authorized.; fix: papi recommend");
    }

    @Test
    void aSessionWithoutWarehouseOrSchemaSaysWhichKeyToAdd() {
        healthyAccount();
        snowflake.answer(
                "^SELECT CURRENT_ROLE",
                Rows.of("a", "b", "c", "d", "e").row("DATA_API_ROLE", null, "API", null, System.currentTimeMillis()));

        doctorFailsWith(
                "\u2717 no current warehouse: papi's statements name tables without a database and queries "
                        + "need a warehouse; fix: add warehouse = \"DATA_API_WH\" to the connection (or SNOWFLAKE_WAREHOUSE)\n",
                "\u2717 no current schema: papi's statements name tables without a database; fix: add schema = \"DATA\" to the connection");
    }

    @Test
    void aPendingContainerAndAStaleKeyAndASkewedClockFail() {
        healthyAccount();
        snowflake.answer(
                "^SELECT CURRENT_ROLE",
                Rows.of("a", "b", "c", "d", "e")
                        .row("DATA_API_ROLE", "DATA_API_WH", "API", "DATA", System.currentTimeMillis() - 95_000));
        snowflake.answer(
                "^SHOW SERVICE CONTAINERS",
                Rows.of("instance_id", "container_name", "status", "message")
                        .row("0", "api", "PENDING", "Readiness probe is failing at path: /readyz, port: 8001"));
        snowflake.answer(
                "^DESCRIBE USER",
                Rows.of("property", "value", "default", "description")
                        .row("RSA_PUBLIC_KEY_FP", "SHA256:b2xka2V5b2xka2V5b2xka2V5b2xka2V5b2xka2V5b2w=", "null", "")
                        .row("RSA_PUBLIC_KEY_2_FP", "null", "null", ""));

        var result = doctorFailsWith(
                "\u2717 service API.DATA.API: instance 0 container api is PENDING (Readiness probe is failing "
                        + "at path: /readyz, port: 8001); fix: read its log: SELECT SYSTEM$GET_SERVICE_LOGS('API.DATA.API', 0, 'api', 100);",
                "\u2717 SVC_DATA_API holds neither slot of",
                "fix: papi user rotate");
        assertThat(result.out()).containsPattern("\u2717 clock: local \\+9\\d{4} ms against Snowflake");
    }

    @Test
    void aFailedLoginIsOneFailureAndNothingElseRuns() {
        snowflake.refuseLogin("Failed to authenticate: the SAML response is invalid", 390190);

        var result = doctor();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .startsWith(
                        "\u2717 login: cannot connect to jdbc:snowflake://myorg-myacct.snowflakecomputing.com as ME "
                                + "with authenticator externalbrowser: Failed to authenticate");
        assertThat(snowflake.statements).isEmpty();
    }

    @Test
    void withoutAServiceItChecksTheTablesInTheSessionsSchema() {
        healthyAccount();
        snowflake.answer(
                "^SELECT COUNT\\(\\*\\) FROM (USER_RATINGS|TITLE|MOVIE_RECOMMENDATIONS|MOVIE_RECOMMENDATIONS_HYBRID)$",
                Rows.of("COUNT(*)").row(5L));

        var result = cli.run("doctor", "-c", "publisher");

        result.succeeds();
        assertThat(snowflake.statements)
                .contains("SELECT COUNT(*) FROM MOVIE_RECOMMENDATIONS_HYBRID")
                .noneMatch(s -> s.startsWith("SHOW SERVICE"))
                .doesNotContain("SHOW GRANTS TO ROLE DATA_API_CALLER_ROLE");
    }

    @Test
    void aServiceNameThatIsNotPlainIsAUsageError() {
        var result = cli.run("doctor", "-c", "publisher", "--service", "API.DATA.X; DROP DATABASE API");

        result.failsWith(2);
        assertThat(snowflake.connects).isEmpty();
    }
}
