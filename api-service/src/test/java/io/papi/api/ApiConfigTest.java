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
        assertThat(c.cacheTtl()).isEqualTo(Duration.ofSeconds(180));
        assertThat(c.cacheMaxSize()).isEqualTo(100_000);
        assertThat(c.idMode()).isEqualTo(ApiConfig.IdMode.NUMERIC);
        assertThat(c.maxIds()).isEqualTo(100);
        assertThat(c.maxIdLength()).isEqualTo(256);
        assertThat(c.storeTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.unauthorizedMode()).isEqualTo(ApiConfig.UnauthorizedMode.STATUS_401);
        assertThat(c.cacheDisabled()).isFalse();
    }

    @Test
    void toBuilderChangesOnlyWhatIsSet() {
        ApiConfig c = ApiConfig.builder().port(9000).maxIds(5).build().toBuilder().cacheTtl(Duration.ZERO).build();

        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.maxIds()).isEqualTo(5);
        assertThat(c.cacheDisabled()).isTrue();
    }

    @Test
    void eachBadSettingIsNamedWithItsValue() {
        assertThatThrownBy(() -> ApiConfig.builder().port(70000).build())
                .hasMessage("port must be between 0 and 65535 (was 70000)");
        assertThatThrownBy(() -> ApiConfig.builder().cacheTtl(Duration.ofSeconds(-1)).build())
                .hasMessage("cacheTtl must not be negative (was PT-1S); use 0 to turn the cache off");
        assertThatThrownBy(() -> ApiConfig.builder().maxIds(0).build())
                .hasMessage("maxIds must be between 1 and 10000 (was 0)");
        assertThatThrownBy(() -> ApiConfig.builder().storeTimeout(Duration.ZERO).build())
                .hasMessage("storeTimeout must be positive (was PT0S)");
        assertThatThrownBy(() -> ApiConfig.builder().unauthorizedMode(ApiConfig.UnauthorizedMode.REDIRECT_302).build())
                .hasMessage("loginUrl is required when unauthorizedMode is REDIRECT_302");
        assertThatThrownBy(() -> ApiConfig.builder().unauthorizedMode(ApiConfig.UnauthorizedMode.REDIRECT_302)
                .loginUrl("/login").build())
                .hasMessage("loginUrl must be an absolute http(s) URL (was /login)");
    }

    @Test
    void theSmallestThreadPoolAllowedStillServes() throws Exception {
        try (RunningApi api = RunningApi.start(ApiConfig.builder().maxThreads(6), new FakeStore().with("1", "[]"),
                IngressAuth.none())) {
            assertThat(api.get("/customer/1").statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> ApiConfig.builder().maxThreads(5).build())
                .hasMessage("maxThreads must be at least acceptors + selectors + 4 = 6 (was 5)");
    }

    @Test
    void startFailsWithTheAddressWhenThePortIsTaken() throws Exception {
        try (RunningApi first = RunningApi.start(new FakeStore())) {
            ApiConfig same = ApiConfig.builder().host("127.0.0.1").port(first.port()).build();

            assertThatThrownBy(() -> ApiServer.start(same, new FakeStore(), IngressAuth.none()))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + first.port() + ": ")
                    .hasMessageEndingWith("; choose another port or stop what uses it");
        }
    }
}
