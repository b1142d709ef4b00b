package io.papi.local.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.local.store.UserDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2PasswordTest {
    @TempDir
    Path dir;

    @Test
    void theUserRegistryNeedsItsPasswordWhichOnlyItsOwnerCanRead() throws Exception {
        Path base = dir.resolve("users");
        UserDatabase.open(base).close();
        Path file = dir.resolve("users.password");

        assertThat(Files.readString(file).trim()).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String url = "jdbc:h2:file:" + base.toAbsolutePath() + ";AUTO_SERVER=TRUE";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
        UserDatabase.open(base).close();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".new"));
    }

    @Test
    void aRegistryMadeByAnOlderPapiKeepsItsRowsAndLosesItsEmptyPassword() throws Exception {
        Path base = dir.resolve("users");
        String url = "jdbc:h2:file:" + base.toAbsolutePath() + ";AUTO_SERVER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE OLD_ROWS (X INT)");
            s.execute("INSERT INTO OLD_ROWS VALUES (42)");
        }

        String password = H2Password.forDatabase(base, url, "sa");

        try (Connection c = DriverManager.getConnection(url, H2Password.USER, password);
                Statement s = c.createStatement();
                var rows = s.executeQuery("SELECT X FROM OLD_ROWS")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                .isInstanceOf(SQLException.class);
        assertThat(H2Password.forDatabase(base, url, "sa")).isEqualTo(password);
    }
}
