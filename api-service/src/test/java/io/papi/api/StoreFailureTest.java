package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A store that is down or slow costs callers a quick 503, never the cached answers, and is recovered from. */
class StoreFailureTest {
    private final FakeStore store =
            new FakeStore().with("22", FakeStore.recs("Toy Story")).with("186", FakeStore.recs("Heat"));

    @AutoClose
    private RunningApi api;

    @BeforeEach
    void start() throws Exception {
        api = RunningApi.start(ApiConfig.builder().storeTimeout(Duration.ofMillis(300)), store, IngressAuth.none());
    }

    @Test
    void failingStoreAnswersServiceUnavailableJsonWithoutItsError() throws Exception {
        store.down = true;

        assertThat(api.getJson("/customer/22", 503))
                .isEqualTo("{\"error\":\"recommendation store is unavailable; retry shortly\"}");
    }

    @Test
    void slowStoreAnswersServiceUnavailableWithinTheTimeout() throws Exception {
        store.delayMillis = 3_000;

        long start = System.nanoTime();
        HttpResponse<String> r = api.get("/customer/22");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body())
                .isEqualTo("{\"error\":\"recommendation store did not answer within 300 ms; retry shortly\"}");
        assertThat(tookMillis).isBetween(250L, 1_500L);
    }

    @Test
    void cachedIdsAreStillServedWhileTheStoreIsDown() throws Exception {
        api.get("/customer/22");
        store.down = true;

        assertThat(api.get("/customer/22").statusCode()).isEqualTo(200);
        assertThat(api.get("/customer/22,186").statusCode()).isEqualTo(503);
    }

    @Test
    void recoversByItselfWhenTheStoreReturns() throws Exception {
        store.down = true;
        assertThat(api.get("/customer/186").statusCode()).isEqualTo(503);
        assertThat(api.get("/readyz").statusCode()).isEqualTo(503);

        store.down = false;

        HttpResponse<String> r = api.get("/customer/186");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Heat");
        assertThat(api.get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void readyzIsUnavailableWhenThePingRunsLate() throws Exception {
        store.delayMillis = 2_000;

        HttpResponse<String> r = api.get("/readyz");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("{\"error\":\"recommendation store did not answer its ping within 300 ms\"}");
    }

    @Test
    void healthzStaysUpWhileTheStoreIsDown() throws Exception {
        store.down = true;

        assertThat(api.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void aLateAnswerStillWarmsTheCache() throws Exception {
        store.delayMillis = 600;
        assertThat(api.get("/customer/186").statusCode()).isEqualTo(503);

        await().atMost(Duration.ofSeconds(5)).until(() -> store.finished.get() == 1);
        store.delayMillis = 0;
        store.down = true;

        await().atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/customer/186").statusCode() == 200);
        assertThat(store.lookups).hasSize(1);
    }
}
