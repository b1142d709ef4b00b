package io.papi.broker.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hop-by-hop headers stay on their hop; the broker's own headers and the caller's credentials stay local. */
class ForwardedHeadersTest {
    private final ForwardedHeaders rules = ForwardedHeaders.of(List.of("keep-alive, X-Trace"));

    @Test
    void hopByHopAndConnectionNamedHeadersAreNotForwarded() {
        for (String name : List.of(
                "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Upgrade", "Proxy-Authorization", "X-Trace")) {
            assertThat(rules.upstream(name)).as(name).isFalse();
            assertThat(rules.downstream(name)).as(name).isFalse();
        }
    }

    @Test
    void theCallersCredentialsAndHostAndTheBrokersHeadersDoNotGoUpstream() {
        for (String name : List.of("Authorization", "Host", "X-Papi-Broker", "x-papi-identity", "Content-Length")) {
            assertThat(rules.upstream(name)).as(name).isFalse();
        }
        assertThat(rules.upstream("Accept")).isTrue();
        assertThat(rules.upstream("Content-Type")).isTrue();
        assertThat(rules.upstream("X-Request-Id")).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "down, Content-Type, true",
        "down, Set-Cookie, false",
        "up, Cookie, false",
        "down, Location, true",
        "down, Content-Length, false",
        "down, Date, false"
    })
    void answersKeepTheirHeadersButNotLengthDateOrCookies(String direction, String name, boolean forwarded) {
        assertThat(direction.equals("up") ? rules.upstream(name) : rules.downstream(name))
                .isEqualTo(forwarded);
    }
}
