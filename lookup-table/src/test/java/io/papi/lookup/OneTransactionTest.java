package io.papi.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneTransactionTest {

    /** What every transaction of statements starts with. */
    private static final List<String> BEGIN = List.of("getAutoCommit", "setAutoCommit false", "createStatement");

    /**
     * A connection that records each call as its name and first argument; statements whose text starts with "FAIL"
     * and, when asked, rollbacks throw.
     */
    private static final class Recorded {
        final List<String> calls = new ArrayList<>();
        boolean autoCommit = true;
        boolean rollbackFails;

        Connection connection() {
            return (Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
                        Object arg = args == null ? null : args[0];
                        calls.add(arg == null ? m.getName() : m.getName() + " " + arg);
                        autoCommit = m.getName().equals("setAutoCommit") ? (boolean) arg : autoCommit;
                        if (m.getName().equals("rollback") && rollbackFails) {
                            throw new SQLException("connection lost");
                        }
                        return m.getName().equals("createStatement") ? statement() : autoCommit;
                    });
        }

        private Statement statement() {
            return (Statement) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Statement.class}, (p, m, args) -> {
                        if (args != null && args[0].toString().startsWith("FAIL")) {
                            throw new SQLException("refused: " + args[0]);
                        }
                        calls.add(args == null ? m.getName() : args[0].toString());
                        return m.getReturnType() == int.class ? 1 : null;
                    });
        }
    }

    @Test
    void runsTheStatementsInOrderThenCommitsAndRestoresAutoCommit() throws SQLException {
        Recorded db = new Recorded();

        OneTransaction.executeUpdates(db.connection(), List.of("DELETE FROM T", "INSERT INTO T SELECT * FROM S"));

        assertThat(db.calls.subList(0, 3)).isEqualTo(BEGIN);
        assertThat(db.calls.subList(3, db.calls.size()))
                .containsExactly(
                        "DELETE FROM T", "INSERT INTO T SELECT * FROM S", "close", "commit", "setAutoCommit true");
    }

    @Test
    void aFailedStatementRollsBackAndIsRethrown() {
        Recorded db = new Recorded();

        assertThatThrownBy(() -> OneTransaction.executeUpdates(db.connection(), List.of("DELETE FROM T", "FAIL")))
                .isInstanceOf(SQLException.class)
                .hasMessage("refused: FAIL")
                .hasNoSuppressedExceptions();

        assertThat(db.calls.subList(0, 3)).isEqualTo(BEGIN);
        assertThat(db.calls.subList(3, db.calls.size()))
                .containsExactly("DELETE FROM T", "close", "rollback", "setAutoCommit true");
    }

    @Test
    void aFailedRollbackTravelsWithTheFailureThatCausedIt() {
        Recorded db = new Recorded();
        db.rollbackFails = true;

        assertThatThrownBy(() -> OneTransaction.run(db.connection(), () -> {
                    throw new IllegalStateException("bad row");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bad row")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .singleElement()
                        .hasFieldOrPropertyWithValue("message", "connection lost"));
        assertThat(db.autoCommit).isTrue();
    }

    @Test
    void aConnectionAlreadyOutOfAutoCommitStaysSo() throws SQLException {
        Recorded db = new Recorded();
        db.autoCommit = false;

        OneTransaction.run(db.connection(), () -> {});

        assertThat(db.calls).containsExactly("getAutoCommit", "setAutoCommit false", "commit", "setAutoCommit false");
    }
}
