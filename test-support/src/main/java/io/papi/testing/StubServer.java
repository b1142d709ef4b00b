package io.papi.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** WireMock standing in for an HTTP peer papi does not own (Snowflake's /oauth/token, an SPCS ingress). */
public final class StubServer {
    private StubServer() {}

    /**
     * A WireMock server on a free port, for a {@code static @RegisterExtension} field: started before the class's
     * first test, its stubs and request log reset before each test.
     */
    public static WireMockExtension onFreePort() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort())
                .build();
    }
}
