package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.papi.api.store.SpcsSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting as SPCS expects, with no network: a recording driver stands in for snowflake-jdbc. */
class SnowflakeDataSourceTest {
    @TempDir
    Path dir;

    private static Map<String, String> spcsEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("SNOWFLAKE_HOST", "snowflake.us-west-2.aws.snowflakecomputing.com");
        env.put("SNOWFLAKE_ACCOUNT", "XY12345");
        env.put("SNOWFLAKE_DATABASE", "API");
        env.put("SNOWFLAKE_SCHEMA", "DATA");
        env.put("PATH", "/usr/bin");
        return env;
    }

    @Test
    void connectsWithOauthAndTheTokenFileAsItIsWhenEachPhysicalConnectionOpens() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "token-one\n");
        RecordingDriver driver = new RecordingDriver();

        try (HikariDataSource pool = Stores.spcsDataSource(spcsEnv(), token, driver)) {
            pool.getConnection().close(); // borrowed and returned: the physical connection stays pooled
            int opened = driver.connects.size();
            assertThat(driver.connects.get(0).properties().getProperty("token")).isEqualTo("token-one");

            Files.writeString(token, "token-two\n");
            pool.getHikariPoolMXBean().softEvictConnections(); // as maxLifetime would
            pool.getConnection().close(); // a new physical connection

            assertThat(driver.connects.size()).isGreaterThan(opened);
            RecordingDriver.Connect latest = driver.connects.get(driver.connects.size() - 1);
            assertThat(latest.url()).isEqualTo("jdbc:snowflake://snowflake.us-west-2.aws.snowflakecomputing.com");
            Properties p = latest.properties();
            assertThat(p.getProperty("token")).isEqualTo("token-two");
            assertThat(p.getProperty("authenticator")).isEqualTo("oauth");
            assertThat(p.getProperty("account")).isEqualTo("XY12345");
            assertThat(p.getProperty("db")).isEqualTo("API");
            assertThat(p.getProperty("schema")).isEqualTo("DATA");
            assertThat(p.getProperty("JDBC_QUERY_RESULT_FORMAT")).isEqualTo("JSON");
            assertThat(p.getProperty("warehouse"))
                    .as("the service's QUERY_WAREHOUSE applies")
                    .isNull();
            assertThat(Duration.ofMillis(pool.getMaxLifetime())).isLessThanOrEqualTo(Duration.ofMinutes(15));
        }
    }

    @Test
    void everyConnectionTheDriverOpenedCarriedTheTokenCurrentAtThatMoment() throws Exception {
        Path token = dir.resolve("token");
        RecordingDriver driver = new RecordingDriver();
        Files.writeString(token, "t0");
        try (HikariDataSource pool = Stores.spcsDataSource(spcsEnv(), token, driver)) {
            for (int i = 1; i <= 3; i++) {
                Files.writeString(token, "t" + i);
                pool.getHikariPoolMXBean().softEvictConnections();
                pool.getConnection().close(); // a fresh physical connection after each rotation
                String last = driver.connects
                        .get(driver.connects.size() - 1)
                        .properties()
                        .getProperty("token");
                assertThat(last).isEqualTo("t" + i);
            }
        }
    }

    @Test
    void addsThePortWhenSpcsSetsOne() throws Exception {
        Map<String, String> env = spcsEnv();
        env.put("SNOWFLAKE_PORT", "443");

        assertThat(SpcsSession.fromEnvironment(env, dir.resolve("token")).url())
                .isEqualTo("jdbc:snowflake://snowflake.us-west-2.aws.snowflakecomputing.com:443");
    }

    @Test
    void missingEnvironmentIsNamed() {
        Map<String, String> env = spcsEnv();
        env.remove("SNOWFLAKE_DATABASE");

        assertThatThrownBy(() -> Stores.spcsDataSource(env, dir.resolve("token")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SNOWFLAKE_DATABASE is not set: SPCS sets it inside a service container; outside SPCS "
                        + "connect with a JDBC URL and key-pair properties instead");
    }

    @Test
    void missingTokenFileSaysWhereItWasLookedFor() {
        SpcsSession session = SpcsSession.fromEnvironment(spcsEnv(), dir.resolve("absent"));

        assertThatThrownBy(session::connectionProperties)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(dir.resolve("absent").toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void theDataSourceNeverShowsTheToken() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "secret-session-token");
        try (HikariDataSource pool = Stores.spcsDataSource(spcsEnv(), token, new RecordingDriver())) {
            assertThat(pool.getDataSource().toString())
                    .doesNotContain("secret-session-token")
                    .contains(token.toString());
            assertThat(pool.toString()).doesNotContain("secret-session-token");
        }
    }

    @Test
    void keyPairPropertiesReachTheDriverWithThePrivateKeyObjectIntact() throws Exception {
        PrivateKey key = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        Properties props = new Properties();
        props.setProperty("user", "SVC_DATA_API");
        props.setProperty("authenticator", "SNOWFLAKE_JWT");
        props.put("privateKey", key);
        RecordingDriver driver = new RecordingDriver();

        try (HikariDataSource pool =
                Stores.snowflakeDataSource("jdbc:snowflake://xy12345.snowflakecomputing.com", props, driver)) {
            pool.getConnection().close();
            Properties sent = driver.connects.get(0).properties();
            assertThat(sent.get("privateKey")).isSameAs(key);
            assertThat(sent.getProperty("authenticator")).isEqualTo("SNOWFLAKE_JWT");
            assertThat(sent.getProperty("JDBC_QUERY_RESULT_FORMAT")).isEqualTo("JSON");
        }
    }

    @Test
    void refusesAUrlThatIsNotSnowflakes() {
        assertThatThrownBy(
                        () -> Stores.snowflakeDataSource("jdbc:postgresql://db/x?password=hunter2", new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Snowflake JDBC URL starts with jdbc:snowflake:// (got jdbc:postgresql://db/x)");
    }

    @Test
    void theSnowflakeDriverNamedHereExistsInTheJarAndTakesSnowflakeUrls() throws Exception {
        Driver driver = (Driver)
                Class.forName(Stores.SNOWFLAKE_DRIVER).getDeclaredConstructor().newInstance();

        assertThat(driver.acceptsURL("jdbc:snowflake://xy12345.snowflakecomputing.com"))
                .isTrue();
    }
}
