package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheTest {
    private final FakeStore store =
            new FakeStore().with("22", FakeStore.recs("Toy Story")).with("186", FakeStore.recs("Heat"));

    @Test
    void idsShareCacheEntriesAcrossRequests() throws Exception {
        try (RunningApi api = RunningApi.start(store)) {
            api.get("/customer/22");
            String both = api.get("/customer/22,186").body();

            assertThat(store.lookups).hasSize(2);
            assertThat(store.lookups.get(0)).containsExactly("22");
            assertThat(store.lookups.get(1)).containsExactly("186");
            assertThat(both).contains("\"USER_ID\":22", "\"USER_ID\":186");
        }
    }

    @Test
    void fullyCachedRequestsDoNotCallTheStore() throws Exception {
        try (RunningApi api = RunningApi.start(store)) {
            api.get("/customer/22,186");
            for (int i = 0; i < 5; i++) {
                api.get("/customer/186,22");
            }
            assertThat(store.lookups).hasSize(1);
        }
    }

    @Test
    void unknownIdsAreCachedAsAbsentSoTheyDoNotLoadTheStore() throws Exception {
        try (RunningApi api = RunningApi.start(store)) {
            api.get("/customer/5");
            String again = api.get("/customer/5").body();

            assertThat(again).isEqualTo("[]");
            assertThat(store.lookups).hasSize(1);
        }
    }

    @Test
    void ttlZeroTurnsTheCacheOff() throws Exception {
        try (RunningApi api =
                RunningApi.start(ApiConfig.builder().cacheTtl(Duration.ZERO), store, IngressAuth.none())) {
            api.get("/customer/22");
            api.get("/customer/22");
            api.get("/customer/22,186");

            assertThat(store.idsFetched()).containsExactly("22", "22", "22", "186");
        }
    }

    @Test
    void entriesExpireAfterTheTtl() throws Exception {
        try (RunningApi api =
                RunningApi.start(ApiConfig.builder().cacheTtl(Duration.ofMillis(200)), store, IngressAuth.none())) {
            api.get("/customer/22");
            api.get("/customer/22");
            Thread.sleep(400);
            api.get("/customer/22");

            assertThat(store.lookups).hasSize(2);
        }
    }
}
