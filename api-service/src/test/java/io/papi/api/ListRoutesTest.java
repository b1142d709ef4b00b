package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The list routes against the embedded store, with rows as papi recommend lists publishes them. */
class ListRoutesTest {
    private static final AtomicInteger DB = new AtomicInteger();
    static final String UUID_ITEM = "3f2b8c1e-9d4a-4e6b-a1c2-0d9e8f7a6b5c";
    static final String MEDIA_ITEM = "0123456789abcdef0123456789abcdef";

    @AutoClose
    static RecommendationStore store;

    @AutoClose
    static RunningApi api;

    @BeforeAll
    static void start() throws Exception {
        String url = "jdbc:h2:mem:lists" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        store = Stores.h2(url, io.papi.lookup.LookupTable.DEFAULT_NAME);
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement s = c.prepareStatement(ListRows.INSERT)) {
            ListRows.insert(
                    s,
                    "bought-together",
                    "a",
                    "[{\"item_id\":\"b\",\"score\":2.5},{\"item_id\":\"c\",\"score\":1},{\"item_id\":\"d\",\"score\":0.5}]");
            ListRows.insert(
                    s,
                    "similar",
                    UUID_ITEM,
                    "[{\"score\":0.9,\"item_id\":\"" + MEDIA_ITEM + "\",\"name\":\"Café \\\"Noir\\\"\"}]");
            ListRows.insert(s, "also-viewed", "42", "[{\"item_id\":\"43\",\"score\":0.3}]");
            ListRows.insert(
                    s, "trending", "_", "[{\"item_id\":\"t1\",\"score\":5},{\"item_id\":\"t2\",\"score\":1.33333}]");
            ListRows.insert(s, "seen", "u1", "[{\"item_id\":\"b\",\"score\":3}]");
        }
        api = RunningApi.start(store);
    }

    @Test
    void boughtTogetherAnswersItemsBestFirst() throws Exception {
        assertThat(api.getJson("/item/a/bought-together", 200))
                .isEqualTo(
                        "{\"list\":\"bought-together\",\"seed\":\"a\",\"items\":["
                                + "{\"item_id\":\"b\",\"score\":2.5},{\"item_id\":\"c\",\"score\":1},{\"item_id\":\"d\",\"score\":0.5}]}");
    }

    @Test
    void nCutsTheListAndUserRemovesWhatTheUserInteractedWith() throws Exception {
        assertThat(api.get("/item/a/bought-together?n=1").body())
                .endsWith("\"items\":[{\"item_id\":\"b\",\"score\":2.5}]}");
        assertThat(api.get("/item/a/bought-together?n=2&user=u1").body())
                .endsWith("\"items\":[{\"item_id\":\"c\",\"score\":1},{\"item_id\":\"d\",\"score\":0.5}]}");
        // a user with no history removes nothing
        assertThat(api.get("/item/a/bought-together?n=1&user=nobody").body()).contains("\"b\"");
    }

    @Test
    void stringIdsOfUuidsAndMediaHashesWorkAndNamesAreEscaped() throws Exception {
        HttpResponse<String> r = api.get("/item/" + UUID_ITEM + "/similar");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("\"item_id\":\"" + MEDIA_ITEM + "\",\"score\":0.9,\"name\":\"Café \\\"Noir\\\"\"");
    }

    @Test
    void numericIdsWorkAsBefore() throws Exception {
        assertThat(api.get("/item/42/also-viewed").body())
                .isEqualTo("{\"list\":\"also-viewed\",\"seed\":\"42\",\"items\":[{\"item_id\":\"43\",\"score\":0.3}]}");
    }

    @Test
    void globalListsHaveNoSeed() throws Exception {
        assertThat(api.get("/trending?n=1").body())
                .isEqualTo("{\"list\":\"trending\",\"items\":[{\"item_id\":\"t1\",\"score\":5}]}");
    }

    @Test
    void unknownItemsAndListsAnswer404Json() throws Exception {
        HttpResponse<String> item = api.get("/item/zz/bought-together");
        assertThat(item.statusCode()).isEqualTo(404);
        assertThat(item.body())
                .isEqualTo("{\"error\":\"no bought-together list for item 'zz': the item is unknown or has none\"}");
        HttpResponse<String> list = api.get("/popular/best-sellers");
        assertThat(list.statusCode()).isEqualTo(404);
        assertThat(list.body()).contains("no best-sellers list is published");
        assertThat(api.get("/item/a/nonsense").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/item/a%2Fb/similar",
                "/item/a%00/similar",
                "/item/a'b/similar",
                "/item/a%22b/similar",
                "/item//similar",
                "/item/a,b/similar",
                "/item/a/similar?n=0",
                "/item/a/similar?n=101",
                "/item/a/similar?n=x",
                "/item/a/similar?user=a%2Fb",
                "/item/a/similar?other=1",
                "/trending?n=1&n=2",
                "/item/a%zz/similar"
            })
    void badIdsAndParametersAnswer400Json(String target) throws Exception {
        RawHttp.Reply r = RawHttp.get(api.port(), target);
        assertThat(r.status()).as(target + " -> " + r.body()).isEqualTo(400);
        assertThat(r.headers().get("content-type")).isEqualTo("application/json");
        assertThat(r.body()).startsWith("{\"error\":\"");
    }

    @Test
    void anIdOf257CharactersIs400AndOf256Is404() throws Exception {
        RawHttp.Reply tooLong = RawHttp.get(api.port(), "/item/" + "x".repeat(257) + "/similar");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("257 characters long");
        assertThat(RawHttp.get(api.port(), "/item/" + "x".repeat(256) + "/similar")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void listRoutesAreMeteredByTemplate() throws Exception {
        api.get("/item/a/bought-together");
        assertThat(api.get("/metrics").body()).contains("route=\"/item/{id}/bought-together\"");
    }
}
