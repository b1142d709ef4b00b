package io.papi.lookup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * How papi replaces a lookup or lists table's rows: in one transaction, so readers see the old rows until COMMIT.
 * Auto-commit is off while the work runs; a failure rolls back (a failed rollback is added to it as suppressed) and
 * is rethrown; the connection's auto-commit is restored either way. DDL belongs before it: H2 and Snowflake commit
 * DDL on their own.
 */
public final class OneTransaction {

    /** The statements of one transaction. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    private OneTransaction() {}

    /** Runs {@code work} on {@code connection} and commits it, or rolls it back when it throws. */
    public static void run(Connection connection, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Runs {@code statements} as updates, in order, in one transaction. */
    public static void executeUpdates(Connection connection, List<String> statements) throws SQLException {
        run(connection, () -> {
            try (Statement st = connection.createStatement()) {
                for (String sql : statements) {
                    st.executeUpdate(sql);
                }
            }
        });
    }
}
