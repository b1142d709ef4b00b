package io.papi.api.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.util.Set;

/**
 * Tells HikariCP which failures mean the connection itself is dead, so it is evicted at once instead of being
 * handed out again. Hikari's built-in list knows SQLState class 08 and a few vendor codes, but not H2's
 * "session closed" / "database is already closed" (a {@link SQLNonTransientConnectionException} with its own
 * codes) nor Snowflake's expired session: on a busy pool such a connection is never idle long enough to be
 * validated, and every lookup through it fails until {@code maxLifetime}.
 */
public final class BrokenConnectionPolicy implements SQLExceptionOverride {
    /**
     * Snowflake error codes for a session that can no longer be used: 390111 session no longer exists,
     * 390112 session expired, 390114 authentication token expired.
     */
    static final Set<Integer> SNOWFLAKE_SESSION_GONE = Set.of(390111, 390112, 390114);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return Override.MUST_EVICT;
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if ((state != null && state.startsWith("08")) || SNOWFLAKE_SESSION_GONE.contains(s.getErrorCode())) {
                    return Override.MUST_EVICT;
                }
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
