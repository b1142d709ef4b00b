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

    /** A connection that records what is done to it; statements fail when their text starts with "FAIL". */
    private static final class Recorded {
        final List<String> calls = new ArrayList<>();
        boolean autoCommit = true;
        boolean rollbackFails;

        Connection connection() {
            return (Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
                        switch (m.getName()) {
                            case "getAutoCommit":
                                return autoCommit;
                            case "setAutoCommit":
                                autoCommit = (boolean) args[0];
                                calls.add("autoCommit " + autoCommit);
                                return null;
                            case "commit":
                                calls.add("commit");
                                return null;
                            case "rollback":
                                calls.add("rollback");
                                if (rollbackFails) {
                                    throw new SQLException("connection lost");
                                }
                                return null;
                            case "createStatement":
                                return statement();
                            default:
                                throw new UnsupportedOperationException(m.getName());
                        }
                    });
        }

        private Statement statement() {
            return (Statement) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Statement.class}, (p, m, args) -> {
                        if (m.getName().equals("close")) {
                            return null;
                        }
                        String sql = (String) args[0];
                        if (sql.startsWith("FAIL")) {
                            throw new SQLException("refused: " + sql);
                        }
                        calls.add(sql);
                        return 1;
                    });
        }
    }

    @Test
    void runsTheStatementsInOrderThenCommitsAndRestoresAutoCommit() throws SQLException {
        Recorded db = new Recorded();

        OneTransaction.executeUpdates(db.connection(), List.of("DELETE FROM T", "INSERT INTO T SELECT * FROM S"));

        assertThat(db.calls)
                .containsExactly(
                        "autoCommit false",
                        "DELETE FROM T",
                        "INSERT INTO T SELECT * FROM S",
                        "commit",
                        "autoCommit true");
    }

    @Test
    void aFailedStatementRollsBackAndIsRethrown() {
        Recorded db = new Recorded();

        assertThatThrownBy(() -> OneTransaction.executeUpdates(db.connection(), List.of("DELETE FROM T", "FAIL")))
                .isInstanceOf(SQLException.class)
                .hasMessage("refused: FAIL")
                .hasNoSuppressedExceptions();

        assertThat(db.calls).containsExactly("autoCommit false", "DELETE FROM T", "rollback", "autoCommit true");
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

        assertThat(db.calls).containsExactly("autoCommit false", "commit", "autoCommit false");
    }
}
