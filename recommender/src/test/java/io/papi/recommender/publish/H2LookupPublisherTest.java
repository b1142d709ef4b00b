package io.papi.recommender.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.lookup.TableName;
import io.papi.recommender.LookupPublisher;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.RecommendedItem;
import io.papi.recommender.UserRecommendations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class H2LookupPublisherTest {

    private static final String TABLE = "MOVIE_RECOMMENDATIONS_HYBRID";

    private String url;
    private Connection writer;
    private Connection reader;

    @BeforeEach
    void open() throws SQLException {
        url = "jdbc:h2:mem:lookup-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        writer = DriverManager.getConnection(url);
        reader = DriverManager.getConnection(url);
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement st = writer.createStatement()) {
            st.execute("SHUTDOWN");
        }
        reader.close();
        writer.close();
    }

    private static List<UserRecommendations> set(String version, int users) {
        List<UserRecommendations> list = new ArrayList<>();
        for (int u = 1; u <= users; u++) {
            list.add(new UserRecommendations(
                    u, List.of(new RecommendedItem(u, version, 1.0), new RecommendedItem(u + 1, version, 0.5))));
        }
        return list;
    }

    private Map<String, String> rows() throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Statement st = reader.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT USER_ID, RECOMMENDATIONS FROM " + TABLE + " ORDER BY CAST(USER_ID AS BIGINT)")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    /** Count of rows and of rows from the "old" set, read in one statement. */
    private static int[] census(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setQueryTimeout(10);
            try (ResultSet rs = st.executeQuery(
                    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN RECOMMENDATIONS LIKE '%\"old\"%' THEN 1 ELSE 0 END), 0) FROM "
                            + TABLE)) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    @Test
    void createsTheTableAndStoresEachUsersJsonUnderTheUserId() throws SQLException {
        int n = LookupPublisher.h2(writer).publish(set("v1", 3), ProgressListener.NONE);

        assertThat(n).isEqualTo(3);
        Map<String, String> rows = rows();
        assertThat(rows).containsOnlyKeys("1", "2", "3");
        assertThat(rows.get("2"))
                .isEqualTo(
                        "[{\"item_id\":2,\"movie_name\":\"v1\",\"movie_score\":\"1.00\"},{\"item_id\":3,\"movie_name\":\"v1\",\"movie_score\":\"0.50\"}]");
        assertThat(writer.getAutoCommit()).isTrue();
    }

    @Test
    void replacesThePreviousSetEntirely() throws SQLException {
        LookupPublisher publisher = LookupPublisher.h2(writer, TableName.of(TABLE));
        publisher.publish(set("v1", 5), ProgressListener.NONE);

        publisher.publish(set("v2", 2), ProgressListener.NONE);

        assertThat(rows())
                .containsOnlyKeys("1", "2")
                .allSatisfy((user, json) -> assertThat(json).contains("\"v2\""));
    }

    @Test
    void aReaderNeverSeesAPartialSetWhilePublishing() throws Exception {
        LookupPublisher.h2(writer).publish(set("old", 2500), ProgressListener.NONE);
        List<int[]> seenMidTransaction = new ArrayList<>();
        // Read from the other connection after every inserted batch, before the commit: these reads must see the old
        // set.
        ProgressListener probe = new ProgressListener() {
            @Override
            public void start(String phase, long total) {}

            @Override
            public void advance(long n) {
                try {
                    seenMidTransaction.add(census(reader));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void done() {}
        };
        // And a reader thread polling throughout, bounded in time.
        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicReference<String> torn = new AtomicReference<>();
        AtomicInteger polls = new AtomicInteger();
        Thread poller = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url)) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (publishing.get() && System.nanoTime() < deadline) {
                    int[] s = census(c);
                    polls.incrementAndGet();
                    boolean oldSet = s[0] == 2500 && s[1] == 2500;
                    boolean newSet = s[0] == 4000 && s[1] == 0;
                    if (!oldSet && !newSet) {
                        torn.compareAndSet(null, s[0] + " rows, " + s[1] + " old");
                    }
                }
            } catch (SQLException e) {
                torn.compareAndSet(null, e.toString());
            }
        });
        poller.start();

        LookupPublisher.h2(writer).publish(set("new", 4000), probe);
        publishing.set(false);
        poller.join(35_000);

        assertThat(seenMidTransaction).hasSize(4).allSatisfy(s -> assertThat(s).containsExactly(2500, 2500));
        assertThat(torn.get()).isNull();
        assertThat(polls.get()).isPositive();
        assertThat(census(reader)).containsExactly(4000, 0);
    }

    @Test
    void aFailureMidwayRollsBackToThePreviousSet() throws SQLException {
        LookupPublisher publisher = LookupPublisher.h2(writer);
        publisher.publish(set("old", 1500), ProgressListener.NONE);
        ProgressListener failing = new ProgressListener() {
            @Override
            public void start(String phase, long total) {}

            @Override
            public void advance(long n) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public void done() {}
        };

        assertThatThrownBy(() -> publisher.publish(set("new", 3000), failing)).hasMessage("disk full");

        assertThat(census(reader)).containsExactly(1500, 1500);
        assertThat(writer.getAutoCommit()).isTrue();
    }

    @Test
    void refusesJsonLongerThanTheColumnBeforeTouchingTheTable() throws SQLException {
        LookupPublisher publisher = LookupPublisher.h2(writer);
        publisher.publish(set("old", 3), ProgressListener.NONE);
        String huge = "x".repeat(1_000_001);
        List<UserRecommendations> tooBig =
                List.of(new UserRecommendations(9, List.of(new RecommendedItem(1, huge, 1))));

        assertThatThrownBy(() -> publisher.publish(tooBig, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "the recommendations of user 9 are 1000053 characters of JSON, more than the 1000000");

        assertThat(rows()).containsOnlyKeys("1", "2", "3");
    }
}
