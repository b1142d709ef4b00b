package io.papi.broker.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Host headers name this machine's loopback (anything else may be a rebound domain). */
class CallerGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:8081", "127.0.0.1", "127.1.2.3:80", "localhost:8081", "LOCALHOST", "[::1]:8081", "app.localhost:1"})
    void loopbackNamesAreAccepted(String host) {
        assertThat(CallerGuard.isLoopbackHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:8081", "10.0.0.5:8081", "192.168.1.2", "[::2]:8081", "localhost.evil.example", "", "a b"})
    void otherNamesAreRefused(String host) {
        assertThat(CallerGuard.isLoopbackHost(host)).isFalse();
    }
}
