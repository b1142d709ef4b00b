package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsPrecedenceTest {
    @TempDir
    Path home;

    final Map<String, String> env = new HashMap<>();
    final List<String> warnings = new ArrayList<>();

    private Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private Settings settings(String connection) {
        return new Settings(Environment.of(env, home), connection, warnings::add);
    }

    @Test
    void flagBeatsEnvironmentBeatsConnectionBeatsDefault() throws Exception {
        write(
                home.resolve(".snowflake/connections.toml"),
                "[default]\naccount = \"from-file\"\nrole = \"FILE_ROLE\"\n");
        env.put("SNOWFLAKE_ACCOUNT", "from-env");

        assertThat(settings(null).get(Setting.ACCOUNT, "from-flag")).contains("from-flag");
        assertThat(settings(null).get(Setting.ACCOUNT, null)).contains("from-env");
        assertThat(settings(null).get(Setting.ROLE, null)).contains("FILE_ROLE");
        assertThat(settings(null).get(Setting.JWT_LIFETIME, null)).contains("59m");
    }

    /** Which file a connection is read from: the files written under home, SNOWFLAKE_HOME, the account read. */
    static Stream<Arguments> connectionFiles() {
        return Stream.of(
                arguments(
                        "SNOWFLAKE_HOME wins over the home directories",
                        Map.of(
                                ".snowflake/connections.toml", "[default]\naccount = \"dot-snowflake\"\n",
                                "elsewhere/connections.toml", "[default]\naccount = \"snowflake-home\"\n"),
                        "elsewhere",
                        "snowflake-home"),
                arguments(
                        "~/.config/snowflake is used when ~/.snowflake is absent",
                        Map.of(".config/snowflake/connections.toml", "[default]\naccount = \"xdg\"\n"),
                        null,
                        "xdg"),
                arguments(
                        "connections.toml wins when both files define connections",
                        Map.of(
                                ".snowflake/config.toml", "[connections.default]\naccount = \"from-config\"\n",
                                ".snowflake/connections.toml", "[default]\naccount = \"from-connections\"\n"),
                        null,
                        "from-connections"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectionFiles")
    void theConnectionComesFromTheFileThatWins(
            String rule, Map<String, String> files, String snowflakeHome, String account) throws Exception {
        for (Map.Entry<String, String> file : files.entrySet()) {
            write(home.resolve(file.getKey()), file.getValue());
        }
        if (snowflakeHome != null) {
            env.put("SNOWFLAKE_HOME", home.resolve(snowflakeHome).toString());
        }
        assertThat(settings(null).get(Setting.ACCOUNT, null)).contains(account);
    }

    @Test
    void configTomlDefaultConnectionNameAndItsConnectionsTables() throws Exception {
        write(
                home.resolve(".snowflake/config.toml"),
                "default_connection_name = \"dev\"\n\n[connections.dev]\naccount = \"dev-acct\"\n"
                        + "private_key_path = \"/keys/dev.p8\"\n");
        assertThat(settings(null).get(Setting.ACCOUNT, null)).contains("dev-acct");
        assertThat(settings(null).get(Setting.PRIVATE_KEY, null)).contains("/keys/dev.p8");
    }

    @Test
    void environmentNamesTheDefaultConnectionAndOverridesItsKeys() throws Exception {
        write(
                home.resolve(".snowflake/connections.toml"),
                "[a]\naccount = \"acct-a\"\nuser = \"ua\"\n[b]\naccount = \"acct-b\"\nuser = \"ub\"\n");
        env.put("SNOWFLAKE_DEFAULT_CONNECTION_NAME", "b");
        env.put("SNOWFLAKE_CONNECTIONS_B_USER", "override");
        Settings s = settings(null);
        assertThat(s.get(Setting.ACCOUNT, null)).contains("acct-b");
        assertThat(s.get(Setting.USER, null)).contains("override");
        assertThat(settings("a").get(Setting.ACCOUNT, null)).contains("acct-a");
    }

    @Test
    void passphraseComesFromTheConnectionWhenNotInTheEnvironment() throws Exception {
        write(home.resolve(".snowflake/connections.toml"), "[default]\nprivate_key_file_pwd = \"s3cret\"\n");
        assertThat(settings(null).get(Setting.PASSPHRASE, null)).contains("s3cret");
        env.put("PRIVATE_KEY_PASSPHRASE", "env-secret");
        assertThat(settings(null).get(Setting.PASSPHRASE, null)).contains("env-secret");
    }

    @Test
    void noConfigurationAtAllIsNotAnError() {
        assertThat(settings(null).get(Setting.ACCOUNT, null)).isEmpty();
        assertThatThrownBy(() -> settings(null).require(Setting.ACCOUNT, null))
                .isInstanceOf(PapiException.class)
                .hasMessage(
                        "missing account: pass --account, set SNOWFLAKE_ACCOUNT, or add 'account' to a connection in connections.toml");
    }

    @Test
    void invalidTomlIsOneClearLine() throws Exception {
        write(home.resolve(".snowflake/connections.toml"), "[default\naccount = \n");
        assertThatThrownBy(() -> settings(null).get(Setting.ACCOUNT, null))
                .isInstanceOf(PapiException.class)
                .hasMessageContaining("connections.toml is not valid TOML");
    }
}
