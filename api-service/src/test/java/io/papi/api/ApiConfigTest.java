package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

    @Test
    void defaultsMatchTheGuideAndProduction() {
        ApiConfig c = ApiConfig.builder().build();

        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8001);
        assertThat(c.cache().ttl()).isEqualTo(Duration.ofSeconds(180));
        assertThat(c.cache().maxEntries()).isEqualTo(100_000);
        assertThat(c.ids().mode()).isEqualTo(ApiConfig.IdMode.NUMERIC);
        assertThat(c.ids().maxIds()).isEqualTo(100);
        assertThat(c.ids().maxIdLength()).isEqualTo(256);
        assertThat(c.store().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.unauthorized().mode()).isEqualTo(ApiConfig.UnauthorizedMode.STATUS_401);
        assertThat(c.cache().disabled()).isFalse();
    }

    @Test
    void toBuilderChangesOnlyWhatIsSet() {
        ApiConfig c = ApiConfig.builder().port(9000).maxIds(5).build().toBuilder()
                .cacheTtl(Duration.ZERO)
                .build();

        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.ids().maxIds()).isEqualTo(5);
        assertThat(c.cache().disabled()).isTrue();
    }

    @Test
    void eachBadSettingIsNamedWithItsValue() {
        assertThatThrownBy(() -> ApiConfig.builder().port(70000).build())
                .hasMessage("port must be between 0 and 65535 (was 70000)");
        assertThatThrownBy(() ->
                        ApiConfig.builder().cacheTtl(Duration.ofSeconds(-1)).build())
                .hasMessage("cacheTtl must not be negative (was PT-1S); use 0 to turn the cache off");
        assertThatThrownBy(() -> ApiConfig.builder().maxIds(0).build())
                .hasMessage("maxIds must be between 1 and 10000 (was 0)");
        assertThatThrownBy(() -> ApiConfig.builder().storeTimeout(Duration.ZERO).build())
                .hasMessage("storeTimeout must be positive (was PT0S)");
        assertThatThrownBy(() -> ApiConfig.builder()
                        .unauthorizedMode(ApiConfig.UnauthorizedMode.REDIRECT_302)
                        .build())
                .hasMessage("loginUrl is required when unauthorizedMode is REDIRECT_302");
        assertThatThrownBy(() -> ApiConfig.builder()
                        .unauthorizedMode(ApiConfig.UnauthorizedMode.REDIRECT_302)
                        .loginUrl("/login")
                        .build())
                .hasMessage("loginUrl must be an absolute http(s) URL (was /login)");
    }

    @Test
    void eachGroupChecksItsOwnSettingsWithTheBuildersMessages() {
        assertThatThrownBy(() -> new ApiConfig.Cache(Duration.ofSeconds(1), 0))
                .hasMessage("cacheMaxSize must be at least 1 (was 0); use cacheTtl 0 to turn the cache off");
        assertThatThrownBy(() -> new ApiConfig.Ids(ApiConfig.IdMode.ALPHANUMERIC, 10, 257))
                .hasMessage("maxIdLength must be between 1 and 256 (was 257)");
        assertThatThrownBy(() -> new ApiConfig.Store(Duration.ofSeconds(1), 0))
                .hasMessage("storeConcurrency must be at least 1 (was 0)");
        assertThatThrownBy(() -> new ApiConfig.Threads(32, 0, 1))
                .hasMessage("acceptors must be between 1 and 16 (was 0)");
        assertThatThrownBy(() -> new ApiConfig.Threads(32, 1, 65))
                .hasMessage("selectors must be between 1 and 64 (was 65)");
        assertThatThrownBy(() -> new ApiConfig.Unauthorized(ApiConfig.UnauthorizedMode.REDIRECT_302, " "))
                .hasMessage("loginUrl is required when unauthorizedMode is REDIRECT_302");
        assertThat(new ApiConfig.Unauthorized(ApiConfig.UnauthorizedMode.STATUS_401, null).loginUrl())
                .isNull();
    }

    @Test
    void theBuilderFillsEveryGroupAndNamesABadAddressFirst() {
        ApiConfig c = ApiConfig.builder()
                .cacheMaxSize(7)
                .idMode(ApiConfig.IdMode.ALPHANUMERIC)
                .maxIdLength(12)
                .storeConcurrency(3)
                .maxThreads(40)
                .acceptors(2)
                .selectors(3)
                .unauthorizedMode(ApiConfig.UnauthorizedMode.REDIRECT_302)
                .loginUrl("https://example.test/login")
                .build();

        assertThat(c.cache()).isEqualTo(new ApiConfig.Cache(Duration.ofSeconds(180), 7));
        assertThat(c.ids()).isEqualTo(new ApiConfig.Ids(ApiConfig.IdMode.ALPHANUMERIC, 100, 12));
        assertThat(c.store()).isEqualTo(new ApiConfig.Store(Duration.ofSeconds(2), 3));
        assertThat(c.threads()).isEqualTo(new ApiConfig.Threads(40, 2, 3));
        assertThat(c.unauthorized())
                .isEqualTo(new ApiConfig.Unauthorized(
                        ApiConfig.UnauthorizedMode.REDIRECT_302, "https://example.test/login"));
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThatThrownBy(() -> ApiConfig.builder().host(" ").maxIds(0).build())
                .hasMessage("host must not be blank (use 0.0.0.0 for every interface)");
    }

    @Test
    void theSmallestThreadPoolAllowedStillServes() throws Exception {
        try (RunningApi api = RunningApi.start(
                ApiConfig.builder().maxThreads(6), new FakeStore().with("1", "[]"), IngressAuth.none())) {
            assertThat(api.get("/customer/1").statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> ApiConfig.builder().maxThreads(5).build())
                .hasMessage("maxThreads must be at least acceptors + selectors + 4 = 6 (was 5)");
    }

    @Test
    void startFailsWithTheAddressWhenThePortIsTaken() throws Exception {
        try (RunningApi first = RunningApi.start(new FakeStore())) {
            ApiConfig same =
                    ApiConfig.builder().host("127.0.0.1").port(first.port()).build();

            assertThatThrownBy(() -> ApiServer.start(same, new FakeStore(), IngressAuth.none()))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + first.port() + ": ")
                    .hasMessageEndingWith("; choose another port or stop what uses it");
        }
    }
}
