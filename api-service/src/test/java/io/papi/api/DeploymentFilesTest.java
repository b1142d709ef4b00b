package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(spec).contains("spec:", "containers:", "- name: api", "image: /api/data/api/papi:latest",
                "readinessProbe:", "port: " + port, "path: /readyz", "endpoints:", "public: true");
    }

    @Test
    void dockerfileRunsTheCliServeCommandAsANonRootUser() throws Exception {
        String dockerfile = read("deploy/Dockerfile");

        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre", "COPY papi.jar", "COPY lib/",
                "\"-cp\", \"papi.jar:lib/*\", \"io.papi.cli.Papi\"",
                "CMD [\"serve\", \"--store\", \"snowflake\", \"--port\", \"8001\"]", "USER 10001:10001");
    }

    @Test
    void hybridTableScriptMatchesWhatTheSnowflakeStoreReads() throws Exception {
        String sql = read("sql/06_hybrid_table.sql");

        assertThat(sql).containsPattern("CREATE HYBRID TABLE IF NOT EXISTS API\\.DATA\\." + Stores.DEFAULT_TABLE
                + " \\(\\s*USER_ID\\s+NUMBER\\(38,0\\) NOT NULL PRIMARY KEY,\\s*RECOMMENDATIONS\\s+VARIANT");
        assertThat(sql).contains("TO_JSON(RECOMMENDATIONS)");
    }

    @Test
    void scriptsAreNumberedInRunOrderAndCoverTheGuidesObjects() throws Exception {
        List<String> names;
        try (Stream<Path> files = Files.list(ROOT.resolve("sql"))) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        assertThat(names).allMatch(n -> n.matches("\\d\\d_[a-z_]+\\.sql")).last().isEqualTo("99_cleanup.sql");
        String all = String.join("\n", names.stream().map(n -> {
            try {
                return read("sql/" + n);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList());
        assertThat(all).contains("CREATE ROLE IF NOT EXISTS DATA_API_ROLE", "CREATE WAREHOUSE IF NOT EXISTS DATA_API_WH",
                "CREATE DATABASE IF NOT EXISTS API", "CREATE SCHEMA IF NOT EXISTS API.DATA", "CREATE STAGE IF NOT EXISTS",
                "CREATE TABLE IF NOT EXISTS API.DATA.USER_RATINGS", "CREATE TABLE IF NOT EXISTS API.DATA.TITLE",
                "CREATE TABLE IF NOT EXISTS API.DATA.MOVIE_RECOMMENDATIONS (", "CREATE IMAGE REPOSITORY IF NOT EXISTS",
                "CREATE COMPUTE POOL IF NOT EXISTS", "MIN_INSTANCES = 1", "MAX_INSTANCES = 2", "TYPE = SERVICE",
                "RSA_PUBLIC_KEY = '<RSA_PUBLIC_KEY>'", "SHOW ENDPOINTS IN SERVICE API.DATA.API");
    }

    @Test
    void cleanupDropsEveryAccountLevelObjectTheSetupCreates() throws Exception {
        String cleanup = read("sql/99_cleanup.sql");
        Pattern created = Pattern.compile("CREATE (ROLE|WAREHOUSE|DATABASE|COMPUTE POOL|USER|SERVICE|IMAGE REPOSITORY) "
                + "IF NOT EXISTS ([A-Z_.]+)");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("sql"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql") && !p.endsWith("99_cleanup.sql")).toList()) {
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
