package io.papi.datasets;

import static io.papi.datasets.Fixtures.rows;
import static io.papi.datasets.Fixtures.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three e-commerce datasets on a dozen rows whose answers were worked out by hand (see each row's note). */
class EcommerceSemanticsTest {
    // epoch seconds worked out by hand: 2025-01-01T00:00:00Z = 1735689600
    static final String JAN_01 = "1735689600";
    static final String JAN_31_LAST = "1738367999"; // 2025-01-31T23:59:59.999Z floored
    static final String JAN_15_10H = "1736935200"; // 2025-01-15T10:00:00.500Z floored
    static final String JAN_10_12H01 = "1736510460";
    static final String JAN_20_08H = "1737360000";
    static final String JAN_21 = "1737417600";
    static final String JAN_22 = "1737504000";
    static final String ODD_ID = "p,4 \"q\"\nü";

    @TempDir
    Path dir;

    private Path input() throws IOException {
        return Fixtures.ecommerceEvents(
                dir,
                "events.csv",
                // a product view on the window's first instant
                "u1,d1,s1,p1,2025-01-01 00:00:00,true,product_view,false,false,,,10.00,Women/Shoes/Sneakers,false",
                // a list view one millisecond before the window: out (its user and price appear nowhere else)
                ",d9,s2,p2,2024-12-31 23:59:59.999,true,list_view,false,false,,,99.00,Men/Shirts,",
                // a list view on the window's last millisecond, a guest by NULL user id: in, View
                ",d2,s2,p2,2025-01-31 23:59:59.999,TRUE,list_view,FALSE,FALSE,,,12.50,Men/Shirts,",
                // the next midnight: out (its user and price appear nowhere else)
                "u9,d1,s3,p1,2025-02-01 00:00:00,true,product_view,false,false,,,55.00,Women/Shoes/Sneakers,false",
                // is_product_view NULL and a transaction: Purchase; the price of p1 changed
                "u1,d1,s3,p1,2025-01-15T10:00:00.500Z,,,0,1,t1,2,11.00,Women/Shoes/Sneakers,false",
                // an add to cart only: out
                "u3,d3,s4,p3,2025-01-10 12:00:00,false,,true,false,,,,,",
                // NULL price and category; guest NULL with a user id: not a guest
                "u3,d3,s4,p3,2025-01-10 12:01:00,true,product_view,false,false,,,,,",
                // an id with a comma, quotes, a newline and a non-ASCII letter; a guest by flag
                ",d3,s5,\"p,4 \"\"q\"\"\nü\",2025-01-20T08:00:00,true,product_view,false,false,,,5.00,Kids,true",
                // one user seen as a guest and not
                "u5,d5,s6,p5,2025-01-21 00:00:00,true,product_view,false,false,,,7.00,A/B,true",
                "u5,d5,s7,p5,2025-01-22 00:00:00,true,product_view,false,false,,,7.00,A/B,false");
    }

    private Path build(BuildOptions options) throws IOException {
        Path out = dir.resolve("out");
        Fixtures.build(input(), InputShape.ECOMMERCE, TrainingDataset.ecommerce(), options, out);
        return out;
    }

    @Test
    void interactionsKeepTheWindowBothEndsInclusiveCountListViewsAsViewAndNullViewTransactionsAsPurchase()
            throws IOException {
        Path out = build(BuildOptions.defaults());
        assertThat(rows(out, TrainingDataset.ECOMMERCE_INTERACTIONS))
                .isEqualTo(sorted(List.of(
                        List.of("u1", "p1", JAN_01, "View"),
                        List.of("d2", "p2", JAN_31_LAST, "View"),
                        List.of("u1", "p1", JAN_15_10H, "Purchase"),
                        List.of("u3", "p3", JAN_10_12H01, "View"),
                        List.of("d3", ODD_ID, JAN_20_08H, "View"),
                        List.of("u5", "p5", JAN_21, "View"),
                        List.of("u5", "p5", JAN_22, "View"))));
        assertThat(Fixtures.header(out, TrainingDataset.ECOMMERCE_INTERACTIONS))
                .containsExactly("USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE");
    }

    @Test
    void usersCoalesceTheGuestFlagAndKeepBothRowsOfAUserSeenAsGuestAndNot() throws IOException {
        Path out = build(BuildOptions.defaults());
        assertThat(rows(out, TrainingDataset.ECOMMERCE_USERS))
                .isEqualTo(sorted(usersAnd(List.of("u5", "True"), List.of("u5", "False"))));
    }

    @Test
    void itemsAppearOncePerDistinctPriceAndCategoryWithLevelsJoinedByPipes() throws IOException {
        Path out = build(BuildOptions.defaults());
        assertThat(rows(out, TrainingDataset.ECOMMERCE_ITEMS))
                .isEqualTo(sorted(List.of(
                        List.of("p1", "10.0", "Women|Shoes|Sneakers"),
                        List.of("p1", "11.0", "Women|Shoes|Sneakers"),
                        List.of("p2", "12.5", "Men|Shirts"),
                        List.of("p3", "", ""),
                        List.of(ODD_ID, "5.0", "Kids"),
                        List.of("p5", "7.0", "A|B"))));
    }

    @Test
    void dedupeKeepsTheNonGuestRowOfAUserAndTheLatestPriceOfAnItem() throws IOException {
        Path out = build(BuildOptions.defaults().withDedupe(true));
        assertThat(rows(out, TrainingDataset.ECOMMERCE_USERS)).isEqualTo(sorted(usersAnd(List.of("u5", "False"))));
        assertThat(rows(out, TrainingDataset.ECOMMERCE_ITEMS))
                .contains(List.of("p1", "11.0", "Women|Shoes|Sneakers"))
                .doesNotContain(List.of("p1", "10.0", "Women|Shoes|Sneakers"))
                .hasSize(5);
        // interactions are never deduplicated
        assertThat(rows(out, TrainingDataset.ECOMMERCE_INTERACTIONS)).hasSize(7);
    }

    @Test
    void productViewsOnlyDropsListImpressions() throws IOException {
        Path out = build(BuildOptions.defaults().withProductViewsOnly(true));
        assertThat(rows(out, TrainingDataset.ECOMMERCE_INTERACTIONS))
                .doesNotContain(List.of("d2", "p2", JAN_31_LAST, "View"))
                .contains(List.of("u1", "p1", JAN_15_10H, "Purchase"))
                .hasSize(6);
    }

    @Test
    void anotherCategorySeparatorIsReplacedByPipes() throws IOException {
        Path input = Fixtures.ecommerceEvents(
                dir,
                "sep.csv",
                "u1,d1,s1,p1,2025-01-01 00:00:00,true,product_view,false,false,,,10.00,Women > Shoes/Sneakers > Red,false");
        Path out = dir.resolve("sep-out");
        Fixtures.build(
                input,
                InputShape.ECOMMERCE,
                TrainingDataset.ecommerce(),
                BuildOptions.defaults().withCategorySeparator(" > "),
                out);
        assertThat(rows(out, TrainingDataset.ECOMMERCE_ITEMS))
                .containsExactly(List.of("p1", "10.0", "Women|Shoes/Sneakers|Red"));
    }

    /** The users every build keeps, u1 to d3 (u5 is the one seen both as a guest and not), then {@code more}. */
    @SafeVarargs
    private static List<List<String>> usersAnd(List<String>... more) {
        List<List<String>> users = new java.util.ArrayList<>(
                List.of(List.of("u1", "False"), List.of("d2", "True"), List.of("u3", "False"), List.of("d3", "True")));
        users.addAll(List.of(more));
        return users;
    }
}
