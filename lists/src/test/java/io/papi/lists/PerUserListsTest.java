package io.papi.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerUserListsTest {
    private static Interaction row(String user, String item, EventType type) {
        return new Interaction(user, item, 1, type);
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    /**
     * By hand: SKU-W goes with SKU-X and SKU-Y in u2's and u3's histories, so u1 (who viewed X and Y and bought Z) is
     * recommended W; Z, which u1 bought, is never in u1's list, nor are the items u1 viewed. Ids come back as the
     * datasets' strings, and a user with no View, Purchase or Watch (u4 only has OTHER rows) gets no row: the API then
     * answers the popular list.
     */
    @Test
    void boughtItemsAreLeftOutAndIdsComeBackAsStrings() {
        List<Interaction> rows = List.of(
                row("u1", "SKU-X", EventType.VIEW),
                row("u1", "SKU-Y", EventType.VIEW),
                row("u1", "SKU-Z", EventType.PURCHASE),
                row("u2", "SKU-X", EventType.VIEW),
                row("u2", "SKU-Y", EventType.VIEW),
                row("u2", "SKU-W", EventType.VIEW),
                row("u2", "SKU-Z", EventType.VIEW),
                row("u3", "SKU-X", EventType.VIEW),
                row("u3", "SKU-W", EventType.PURCHASE),
                row("u3", "SKU-Y", EventType.VIEW),
                row("u3", "SKU-V", EventType.VIEW),
                row("u4", "SKU-Q", EventType.OTHER));
        Map<String, List<ScoredItem>> lists = PerUserLists.compute(rows, 10);
        assertThat(lists).containsOnlyKeys("u1", "u2", "u3");
        assertThat(ids(lists.get("u1"))).contains("SKU-W").doesNotContain("SKU-Z", "SKU-X", "SKU-Y");
        assertThat(ids(lists.get("u1")).get(0)).isEqualTo("SKU-W");
        assertThat(ids(lists.get("u3"))).doesNotContain("SKU-W").contains("SKU-Z");
    }

    @Test
    void watchesTrainTheMediaListsAndNoUsableRowsGiveNoLists() {
        List<Interaction> rows = List.of(
                row("1", "10", EventType.WATCH),
                row("1", "11", EventType.WATCH),
                row("2", "10", EventType.WATCH),
                row("2", "11", EventType.WATCH),
                row("2", "12", EventType.WATCH),
                row("3", "12", EventType.WATCH));
        Map<String, List<ScoredItem>> lists = PerUserLists.compute(rows, 1);
        assertThat(ids(lists.get("1"))).containsExactly("12");
        assertThat(PerUserLists.compute(List.of(row("u", "i", EventType.OTHER)), 5))
                .isEmpty();
    }
}
