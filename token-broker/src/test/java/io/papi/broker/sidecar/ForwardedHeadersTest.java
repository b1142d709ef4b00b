package io.papi.broker.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void answersKeepTheirHeadersButNotLengthDateOrCookies() {
        assertThat(rules.downstream("Content-Type")).isTrue();
        assertThat(rules.downstream("Set-Cookie")).isFalse();
        assertThat(rules.upstream("Cookie")).isFalse();
        assertThat(rules.downstream("Location")).isTrue();
        assertThat(rules.downstream("Content-Length")).isFalse();
        assertThat(rules.downstream("Date")).isFalse();
    }
}
