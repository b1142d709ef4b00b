package io.papi.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListsPublisherTest {
    private static final String LONG_ID = "m".repeat(200) + "0123456789abcdef0123456789abcdef:._-";

    @Test
    void replacesTheListsInOneTransactionAndReadsBackByStringKey() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:lists1")) {
            ListsPublisher publisher = publishedOldList(c);
            int rows = publisher.publish(List.of(
                    new ItemList(ListName.BOUGHT_TOGETHER, LONG_ID, List.of(new ScoredItem("b", 0.5))),
                    new ItemList(ListName.TRENDING, ListName.GLOBAL_KEY, List.of(new ScoredItem("c", 2)))));
            assertThat(rows).isEqualTo(2);
            try (PreparedStatement q =
                    c.prepareStatement("SELECT ITEMS FROM PAPI_LISTS WHERE LIST_NAME = ? AND LIST_KEY = ?")) {
                q.setString(1, "bought-together");
                q.setString(2, LONG_ID);
                try (ResultSet rs = q.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("[{\"item_id\":\"b\",\"score\":0.5}]");
                }
                q.setString(1, "similar");
                q.setString(2, "old");
                try (ResultSet rs = q.executeQuery()) {
                    assertThat(rs.next()).as("the earlier publish is replaced").isFalse();
                }
            }
        }
    }

    @Test
    void aFailedPublishLeavesTheOldListsInPlace() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:lists2")) {
            ListsPublisher publisher = publishedOldList(c);
            // the same (list, key) twice breaks the primary key after the delete ran
            ItemList twice = new ItemList(ListName.SIMILAR, "k", List.of());
            assertThatThrownBy(() -> publisher.publish(List.of(twice, twice)))
                    .isInstanceOf(java.sql.SQLException.class);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT LIST_KEY FROM PAPI_LISTS")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("old");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void refusesATableNameThatIsNotAnIdentifier() {
        assertThatThrownBy(() -> ListsTableStatements.named("X; DROP TABLE Y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identifier");
    }

    /** A publisher to PAPI_LISTS on H2 that has published one list: "similar" of "old". */
    private static ListsPublisher publishedOldList(Connection c) throws java.sql.SQLException {
        ListsPublisher publisher =
                new ListsPublisher(c, ListsTableStatements.named("PAPI_LISTS"), ListsPublisher.Dialect.H2);
        publisher.publish(List.of(new ItemList(ListName.SIMILAR, "old", List.of(new ScoredItem("x", 1)))));
        return publisher;
    }
}
