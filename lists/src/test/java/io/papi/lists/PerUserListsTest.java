package io.papi.lists;

import static io.papi.lists.Histories.events;
import static io.papi.lists.Histories.ids;
import static io.papi.lists.Histories.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PerUserListsTest {
    private static Interaction row(String user, String item, EventType type) {
        return new Interaction(user, item, 1, type);
    }

    /** {@code user}'s events of one {@code type}, one per item, in order. */
    private static Stream<Interaction> history(String user, EventType type, String... items) {
        return events(user, type, 1, items);
    }

    /**
     * By hand: SKU-W goes with SKU-X and SKU-Y in u2's and u3's histories, so u1 (who viewed X and Y and bought Z) is
     * recommended W; Z, which u1 bought, is never in u1's list, nor are the items u1 viewed. Ids come back as the
     * datasets' strings, and a user with no View, Purchase or Watch (u4 only has OTHER rows) gets no row: the API then
     * answers the popular list.
     */
    @Test
    void boughtItemsAreLeftOutAndIdsComeBackAsStrings() {
        List<Interaction> rows = rows(
                history("u1", EventType.VIEW, "SKU-X", "SKU-Y"),
                history("u1", EventType.PURCHASE, "SKU-Z"),
                history("u2", EventType.VIEW, "SKU-X", "SKU-Y", "SKU-W", "SKU-Z"),
                history("u3", EventType.VIEW, "SKU-X"),
                history("u3", EventType.PURCHASE, "SKU-W"),
                history("u3", EventType.VIEW, "SKU-Y", "SKU-V"),
                history("u4", EventType.OTHER, "SKU-Q"));
        Map<String, List<ScoredItem>> lists = PerUserLists.compute(rows, 10);
        assertThat(lists).containsOnlyKeys("u1", "u2", "u3");
        assertThat(ids(lists.get("u1"))).contains("SKU-W").doesNotContain("SKU-Z", "SKU-X", "SKU-Y");
        assertThat(ids(lists.get("u1")).get(0)).isEqualTo("SKU-W");
        assertThat(ids(lists.get("u3"))).doesNotContain("SKU-W").contains("SKU-Z");
    }

    @Test
    void watchesTrainTheMediaListsAndNoUsableRowsGiveNoLists() {
        List<Interaction> rows = rows(
                history("1", EventType.WATCH, "10", "11"),
                history("2", EventType.WATCH, "10", "11", "12"),
                history("3", EventType.WATCH, "12"));
        Map<String, List<ScoredItem>> lists = PerUserLists.compute(rows, 1);
        assertThat(ids(lists.get("1"))).containsExactly("12");
        assertThat(PerUserLists.compute(List.of(row("u", "i", EventType.OTHER)), 5))
                .isEmpty();
    }
}
