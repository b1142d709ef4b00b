package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.cli.stack.LocalStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {
    @TempDir
    Path tmp;

    @Test
    void theStoreGetsARandomPasswordInAnOwnerOnlyFileInAnOwnerOnlyFolder() throws Exception {
        Path dir = tmp.resolve("papi-home/local");
        String url = LocalStore.jdbcUrl(dir);
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (X INT)");
        }
        Path file = dir.resolve("store.password");

        assertThat(Files.readString(file).trim()).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())))
                .isEqualTo("rwx------");
        assertThat(LocalStore.jdbcUrl(dir)).isEqualTo(url);
        String bare = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store") + ";AUTO_SERVER=TRUE";
        assertThatThrownBy(() -> DriverManager.getConnection(bare).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".new"));
    }

    @Test
    void aStoreMadeWithoutAPasswordIsLockedOnFirstUse() throws Exception {
        Path dir = tmp.resolve("local");
        Files.createDirectories(dir);
        String bare = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store") + ";AUTO_SERVER=TRUE";
        try (Connection c = DriverManager.getConnection(bare);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE KEPT (X INT)");
            s.execute("INSERT INTO KEPT VALUES (7)");
        }

        try (Connection c = DriverManager.getConnection(LocalStore.jdbcUrl(dir));
                Statement s = c.createStatement();
                var rows = s.executeQuery("SELECT X FROM KEPT")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(bare).close()).isInstanceOf(SQLException.class);
    }

    @Test
    void aSemicolonInTheStorePathIsRefusedBeforeH2ReadsItAsASetting() {
        assertThatThrownBy(() -> LocalStore.jdbcUrl(tmp.resolve("x;INIT=RUNSCRIPT FROM 'evil.sql'")))
                .isInstanceOf(PapiException.class)
                .hasMessageContaining("contains ';'");
    }
}
