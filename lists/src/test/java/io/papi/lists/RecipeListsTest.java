package io.papi.lists;

import static io.papi.lists.Histories.events;
import static io.papi.lists.Histories.ids;
import static io.papi.lists.Histories.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.papi.lists.compute.ItemToItemLists;
import io.papi.lists.compute.PopularLists;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RecipeListsTest {
    private static Interaction view(String user, String item, long t) {
        return new Interaction(user, item, t, EventType.VIEW);
    }

    private static Interaction buy(String user, String item, long t) {
        return new Interaction(user, item, t, EventType.PURCHASE);
    }

    /** One transaction: {@code user}'s purchases of {@code items} at time {@code t}. */
    private static Stream<Interaction> basket(String user, long t, String... items) {
        return events(user, EventType.PURCHASE, t, items);
    }

    @Test
    void boughtTogetherOfAStartsWithBForBasketsAbAbAc() {
        List<Interaction> rows =
                rows(basket("u1", 10, "a", "b"), basket("u2", 20, "a", "b"), basket("u3", 30, "a", "c"));
        Map<String, List<ScoredItem>> cosine =
                ItemToItemLists.boughtTogether(rows, 1, ListOptions.Measure.COSINE, 10, 100);
        // cosine(a,b) = 2 / sqrt(3 * 2) = 0.816497; cosine(a,c) = 1 / sqrt(3 * 1) = 0.57735
        assertThat(cosine.get("a")).containsExactly(new ScoredItem("b", 0.816497), new ScoredItem("c", 0.57735));
        // lift(a,b) = 3 * 2 / (3 * 2) = 1 = lift(a,c): support breaks the tie
        Map<String, List<ScoredItem>> lift = ItemToItemLists.boughtTogether(rows, 1, ListOptions.Measure.LIFT, 10, 100);
        assertThat(lift.get("a")).containsExactly(new ScoredItem("b", 1.0), new ScoredItem("c", 1.0));
        // support 2 keeps only (a,b), and the seed is never its own neighbour
        Map<String, List<ScoredItem>> supported =
                ItemToItemLists.boughtTogether(rows, 2, ListOptions.Measure.LIFT, 10, 100);
        assertThat(ids(supported.get("a"))).containsExactly("b");
        assertThat(ids(supported.get("b"))).containsExactly("a");
        assertThat(supported).doesNotContainKey("c");
    }

    @Test
    void aTransactionIsOneUsersPurchasesAtOneTimestamp() {
        // u1 bought a then, an hour later, b: two transactions, no pair
        List<Interaction> rows = List.of(buy("u1", "a", 10), buy("u1", "b", 3610));
        assertThat(ItemToItemLists.boughtTogether(rows, 1, ListOptions.Measure.LIFT, 10, 100))
                .isEmpty();
    }

    @Test
    void alsoViewedCountsEachPairOncePerSessionByJaccard() {
        Duration gap = Duration.ofMinutes(30);
        List<Interaction> rows = List.of(
                // session 1 of u1: a, b, a again (the pair counts once)
                view("u1", "a", 0),
                view("u1", "b", 60),
                view("u1", "a", 120),
                // 31 minutes later: session 2 of u1, a alone
                view("u1", "a", 120 + 31 * 60),
                // u2: a, c in one session; c, b in the next
                view("u2", "a", 0),
                view("u2", "c", 100),
                view("u2", "c", 100 + 3600),
                view("u2", "b", 200 + 3600),
                // a purchase is not a view
                buy("u3", "a", 0),
                buy("u3", "d", 0));
        Map<String, List<ScoredItem>> lists = ItemToItemLists.alsoViewed(rows, gap, 0.0, 10, 100);
        // sessions with a: 3; with b: 2; with c: 2; (a,b): 1 -> 1/(3+2-1) = 0.25; (a,c): 1 -> 0.25; (b,c): 1 -> 1/3
        assertThat(lists.get("a")).containsExactly(new ScoredItem("b", 0.25), new ScoredItem("c", 0.25));
        assertThat(lists.get("b")).containsExactly(new ScoredItem("c", 0.333333), new ScoredItem("a", 0.25));
        assertThat(lists).doesNotContainKey("d");
        // a threshold of 0.3 drops the pairs with a
        assertThat(ItemToItemLists.alsoViewed(rows, gap, 0.3, 10, 100)).doesNotContainKey("a");
    }

    @Test
    void similarIsCosineOfUserSetsPlusGenres() {
        List<Interaction> rows = List.of(
                new Interaction("u1", "x", 1, EventType.WATCH), new Interaction("u1", "y", 2, EventType.WATCH),
                new Interaction("u2", "x", 1, EventType.WATCH), new Interaction("u2", "y", 2, EventType.WATCH),
                new Interaction("u2", "z", 3, EventType.WATCH), new Interaction("u3", "z", 1, EventType.WATCH));
        // x: {u1,u2}, y: {u1,u2}, z: {u2,u3}: cos(x,y) = 1, cos(x,z) = 1/2
        assertThat(ItemToItemLists.similar(rows, Map.of(), 10, 100).get("x"))
                .containsExactly(new ScoredItem("y", 1.0), new ScoredItem("z", 0.5));
        // with genres: x {Drama}, y {Comedy}, z {Drama}: y = 0.8*1 + 0.2*0 = 0.8; z = 0.8*0.5 + 0.2*1 = 0.6
        Map<String, Set<String>> genres = Map.of("x", Set.of("Drama"), "y", Set.of("Comedy"), "z", Set.of("Drama"));
        assertThat(ItemToItemLists.similar(rows, genres, 10, 100).get("x"))
                .containsExactly(new ScoredItem("y", 0.8), new ScoredItem("z", 0.6));
        assertThat(ItemToItemLists.similar(rows, Map.of(), 1, 100).get("x")).hasSize(1);
    }

    @Test
    void mostViewedCountsDistinctUsersInTheWindowWithOptionalDecay() {
        long day = 86_400;
        List<Interaction> rows = List.of(
                view("u1", "a", 10 * day),
                view("u1", "a", 10 * day),
                view("u2", "a", 10 * day),
                view("u1", "b", 9 * day),
                view("u2", "b", 2 * day),
                view("u3", "b", 2 * day),
                buy("u4", "c", 10 * day));
        long now = 10 * day;
        // a: 2 users, b: 3 users, c: no views
        assertThat(PopularLists.distinctUsers(rows, EnumSet.of(EventType.VIEW), now, null, null, 10))
                .containsExactly(new ScoredItem("b", 3.0), new ScoredItem("a", 2.0));
        // a 7-day window keeps a's 2 users and b's u1 only
        assertThat(PopularLists.distinctUsers(rows, EnumSet.of(EventType.VIEW), now, Duration.ofDays(7), null, 10))
                .containsExactly(new ScoredItem("a", 2.0), new ScoredItem("b", 1.0));
        // half-life 1 day: a = 1 + 1; b = 2^-1 + 2 * 2^-8 = 0.507813
        assertThat(PopularLists.distinctUsers(rows, EnumSet.of(EventType.VIEW), now, null, Duration.ofDays(1), 10))
                .containsExactly(new ScoredItem("a", 2.0), new ScoredItem("b", 0.507813));
    }

    @Test
    void bestSellersCountDistinctBuyersTiesBrokenByQuantity() {
        List<Interaction> rows = rows(
                basket("u1", 1, "a", "b", "c"),
                basket("u2", 2, "a", "b"),
                basket("u2", 3, "b"),
                Stream.of(view("u2", "c", 1), view("u3", "c", 1)));
        assertThat(PopularLists.bestSellers(rows, 3, null, 10))
                .containsExactly(new ScoredItem("b", 2.0), new ScoredItem("a", 2.0), new ScoredItem("c", 1.0));
    }

    @Test
    void trendingComparesTheLatestIntervalWithTheOneBefore() {
        long hour = 3600;
        long now = 2 * hour;
        List<Interaction> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(view("u" + i, "a", now - 10 - i)); // a: 6 in the latest hour
        }
        for (int i = 0; i < 2; i++) {
            rows.add(view("p" + i, "a", now - hour - 10)); // a: 2 in the hour before
        }
        for (int i = 0; i < 5; i++) {
            rows.add(view("u" + i, "b", now - 20)); // b: 5 new
        }
        for (int i = 0; i < 3; i++) {
            rows.add(view("u" + i, "c", now - 30)); // c: 3, below the minimum of 5
        }
        for (int i = 0; i < 5; i++) {
            rows.add(view("u" + i, "d", now - 30)); // d: 5 now, 7 before: falling
        }
        for (int i = 0; i < 7; i++) {
            rows.add(view("q" + i, "d", now - hour - 30));
        }
        // b = (5 - 0) / 1 = 5; a = (6 - 2) / 3 = 1.33333
        assertThat(PopularLists.trending(rows, now, Duration.ofHours(1), 5, 10))
                .containsExactly(new ScoredItem("b", 5.0), new ScoredItem("a", 1.33333));
    }

    @Test
    void computeMakesEveryListAndNowIsTheLatestTimestamp() {
        List<Interaction> rows = rows(
                basket("u1", 10, "a", "b"),
                basket("u2", 20, "a", "b"),
                Stream.of(view("u1", "a", 5), view("u1", "b", 6), view("u3", "z", 100)));
        List<ItemList> lists =
                RecipeLists.compute(rows, Map.of(), ListOptions.defaults().withTrending(Duration.ofHours(1), 1));
        assertThat(lists)
                .extracting(l -> l.name().id() + "/" + l.key())
                .contains(
                        "most-viewed/_",
                        "best-sellers/_",
                        "most-popular/_",
                        "trending/_",
                        "bought-together/a",
                        "bought-together/b",
                        "also-viewed/a",
                        "similar/a",
                        "seen/u1",
                        "seen/u2");
        // every item has each item-to-item list; an item nothing co-occurs with has an empty one
        assertThat(lists.stream()
                        .filter(l -> l.name() == ListName.ALSO_VIEWED && l.key().equals("z"))
                        .findFirst()
                        .orElseThrow()
                        .items())
                .isEmpty();
        ItemList best = lists.stream()
                .filter(l -> l.name() == ListName.BEST_SELLERS)
                .findFirst()
                .orElseThrow();
        assertThat(best.items()).containsExactly(new ScoredItem("a", 2.0), new ScoredItem("b", 2.0));
    }

    @Test
    void seenHoldsEachUsersItemsLatestFirstWithTheirEventCounts() {
        List<Interaction> rows = List.of(view("u1", "a", 5), buy("u1", "a", 9), view("u1", "b", 7), view("u2", "c", 1));
        Map<String, List<ScoredItem>> seen = PopularLists.seen(rows, 10);
        assertThat(seen.get("u1")).containsExactly(new ScoredItem("a", 2.0), new ScoredItem("b", 1.0));
        assertThat(seen.get("u2")).containsExactly(new ScoredItem("c", 1.0));
        assertThat(PopularLists.seen(rows, 1).get("u1")).containsExactly(new ScoredItem("a", 2.0));
    }

    @Test
    void jsonEscapesIds() {
        assertThat(ListsJson.items(List.of(new ScoredItem("a\"b", 0.5))))
                .isEqualTo("[{\"item_id\":\"a\\\"b\",\"score\":0.5}]");
        assertThat(ListsJson.line(new ItemList(ListName.TRENDING, "_", List.of())))
                .isEqualTo("{\"list\":\"trending\",\"key\":\"_\",\"items\":[]}");
    }
}
