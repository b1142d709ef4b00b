package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.lookup.LookupTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment files cannot run here (no Docker, no Snowflake account); these checks keep them in step with
 * the code: the port, the probe path, the table's shape, and a cleanup that removes what the setup creates.
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }

    @Test
    void serviceSpecProbesReadinessOnTheApisPortAndPublishesIt() throws Exception {
        String spec = read("deploy/spcs/service-spec.yaml");
        int port = ApiConfig.builder().build().port();

        assertThat(spec)
                .contains(
                        "spec:",
                        "containers:",
                        "- name: api",
                        "image: /api/data/api/papi:latest",
                        "readinessProbe:",
                        "port: " + port,
                        "path: /readyz",
                        "endpoints:",
                        "public: true");
    }

    @Test
    void dockerfileRunsTheCliServeCommandAsANonRootUser() throws Exception {
        String dockerfile = read("deploy/Dockerfile");

        assertThat(dockerfile)
                .contains(
                        "FROM eclipse-temurin:17-jre",
                        "COPY papi.jar",
                        "COPY lib/",
                        "\"-cp\", \"papi.jar:lib/*\", \"io.papi.cli.Papi\"",
                        "CMD [\"serve\", \"--store\", \"snowflake\", \"--port\", \"8001\"]",
                        "USER 10001:10001");
    }

    @Test
    void hybridTableScriptMatchesWhatTheSnowflakeStoreReads() throws Exception {
        String sql = read("sql/06_hybrid_table.sql");

        assertThat(sql)
                .containsPattern("CREATE HYBRID TABLE IF NOT EXISTS API\\.DATA\\." + LookupTable.DEFAULT_NAME
                        + " \\(\\s*USER_ID\\s+NUMBER\\(38,0\\) NOT NULL PRIMARY KEY,\\s*RECOMMENDATIONS\\s+VARIANT");
        assertThat(sql).contains("TO_JSON(RECOMMENDATIONS)");
    }

    @Test
    void scriptsAreNumberedInRunOrderAndCoverTheGuidesObjects() throws Exception {
        List<String> names;
        try (Stream<Path> files = Files.list(ROOT.resolve("sql"))) {
            names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sql"))
                    .sorted()
                    .toList();
        }
        assertThat(names)
                .allMatch(n -> n.matches("\\d\\d_[a-z_]+\\.sql"))
                .last()
                .isEqualTo("99_cleanup.sql");
        String all = String.join(
                "\n",
                names.stream()
                        .map(n -> {
                            try {
                                return read("sql/" + n);
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .toList());
        assertThat(all)
                .contains(
                        "CREATE ROLE IF NOT EXISTS DATA_API_ROLE",
                        "CREATE WAREHOUSE IF NOT EXISTS DATA_API_WH",
                        "CREATE DATABASE IF NOT EXISTS API",
                        "CREATE SCHEMA IF NOT EXISTS API.DATA",
                        "CREATE STAGE IF NOT EXISTS",
                        "CREATE TABLE IF NOT EXISTS API.DATA.USER_RATINGS",
                        "CREATE TABLE IF NOT EXISTS API.DATA.TITLE",
                        "CREATE ROLE IF NOT EXISTS DATA_API_CALLER_ROLE",
                        "CREATE IMAGE REPOSITORY IF NOT EXISTS",
                        "CREATE COMPUTE POOL IF NOT EXISTS",
                        "MIN_INSTANCES = 1",
                        "MAX_INSTANCES = 2",
                        "TYPE = SERVICE",
                        "RSA_PUBLIC_KEY = '<RSA_PUBLIC_KEY>'",
                        "SHOW ENDPOINTS IN SERVICE API.DATA.API");
    }

    @Test
    void everyPersistentObjectIsCreatedOnlyWhenAbsentSoAScriptCanRunTwice() throws Exception {
        Pattern create = Pattern.compile("(?m)^\\s*CREATE\\s+(?!OR REPLACE TEMPORARY )(.*)$");
        List<String> unsafe = new ArrayList<>();
        for (Path file : setupScripts()) {
            Matcher m = create.matcher(Files.readString(file));
            while (m.find()) {
                if (!m.group(1).contains("IF NOT EXISTS")) {
                    unsafe.add(file.getFileName() + ": CREATE " + m.group(1));
                }
            }
        }
        assertThat(unsafe).isEmpty();
    }

    @Test
    void reloadsReplaceRowsInsteadOfAppendingThem() throws Exception {
        String tables = read("sql/05_tables.sql");
        Matcher copy = Pattern.compile("COPY INTO (\\S+)([^;]*);").matcher(tables);
        int copies = 0;
        while (copy.find()) {
            copies++;
            assertThat(copy.group(2)).as("COPY INTO " + copy.group(1)).contains("FORCE = TRUE");
            String before = tables.substring(0, copy.start());
            assertThat(before.lastIndexOf("DELETE FROM " + copy.group(1) + ";"))
                    .as("DELETE FROM " + copy.group(1) + " before its COPY")
                    .isGreaterThan(before.lastIndexOf("BEGIN TRANSACTION;"));
        }
        assertThat(copies).isEqualTo(2);
        assertThat(tables).doesNotContain("MOVIE_RECOMMENDATIONS");
    }

    @Test
    void everyExplicitTransactionRollsBackWhenAStatementFails() throws Exception {
        for (Path file : setupScripts()) {
            String sql = Files.readString(file);
            int begin = sql.indexOf("BEGIN TRANSACTION;");
            while (begin >= 0) {
                int blockStart = sql.lastIndexOf("EXECUTE IMMEDIATE $$", begin);
                int blockEnd = sql.indexOf("$$;", begin);
                assertThat(blockStart)
                        .as(file.getFileName() + ": BEGIN TRANSACTION outside a block")
                        .isNotNegative();
                String block = sql.substring(blockStart, blockEnd);
                assertThat(block)
                        .as(file.getFileName().toString())
                        .containsPattern("EXCEPTION\\s+WHEN OTHER THEN\\s+ROLLBACK;\\s+RAISE;");
                begin = sql.indexOf("BEGIN TRANSACTION;", blockEnd);
            }
        }
    }

    @Test
    void hybridTableCopyRefusesAnEmptyBatchTable() throws Exception {
        String sql = read("sql/06_hybrid_table.sql");
        int check = sql.indexOf("IF (batch_rows = 0) THEN");

        assertThat(check).isPositive().isLessThan(sql.indexOf("DELETE FROM API.DATA.MOVIE_RECOMMENDATIONS_HYBRID"));
        assertThat(sql)
                .contains(
                        "SELECT COUNT(*) INTO :batch_rows FROM API.DATA.MOVIE_RECOMMENDATIONS;", "RAISE empty_batch;");
    }

    @Test
    void theServiceUserGetsOnlyTheCallerRoleWhichGetsOnlyTheEndpoints() throws Exception {
        String user = read("sql/11_service_user.sql");
        String grants = read("sql/09_grants.sql");

        assertThat(user)
                .contains(
                        "DEFAULT_ROLE = DATA_API_CALLER_ROLE", "GRANT ROLE DATA_API_CALLER_ROLE TO USER SVC_DATA_API;")
                .doesNotContain("GRANT ROLE DATA_API_ROLE TO USER");
        // only the service's owner may grant its service role
        int serviceRole =
                user.indexOf("GRANT SERVICE ROLE API.DATA.API!ALL_ENDPOINTS_USAGE TO ROLE DATA_API_CALLER_ROLE;");
        assertThat(serviceRole).isPositive();
        assertThat(user.lastIndexOf("USE ROLE ", serviceRole))
                .isEqualTo(user.lastIndexOf("USE ROLE DATA_API_ROLE;", serviceRole));
        assertThat(grants)
                .doesNotContain("DATA_API_CALLER_ROLE;")
                .doesNotContain("TRUNCATE")
                .contains(
                        "GRANT CREATE TABLE ON SCHEMA API.DATA TO ROLE DATA_API_ROLE;",
                        "GRANT CREATE HYBRID TABLE ON SCHEMA API.DATA TO ROLE DATA_API_ROLE;");
    }

    private static List<Path> setupScripts() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("sql"))) {
            return files.filter(p -> p.toString().endsWith(".sql") && !p.endsWith("99_cleanup.sql"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void cleanupDropsEveryAccountLevelObjectTheSetupCreates() throws Exception {
        String cleanup = read("sql/99_cleanup.sql");
        Pattern created = Pattern.compile("CREATE (ROLE|WAREHOUSE|DATABASE|COMPUTE POOL|USER|SERVICE|IMAGE REPOSITORY) "
                + "IF NOT EXISTS ([A-Z_.]+)");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("sql"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql") && !p.endsWith("99_cleanup.sql"))
                    .toList()) {
                Matcher m = created.matcher(Files.readString(file));
                while (m.find()) {
                    String drop = "DROP " + m.group(1) + " IF EXISTS " + m.group(2) + ";";
                    if (!cleanup.contains(drop)) {
                        missing.add(drop);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
