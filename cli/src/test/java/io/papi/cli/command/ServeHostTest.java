package io.papi.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeHostTest {
    @Test
    void bindsLoopbackUnlessInsideSpcs() {
        assertThat(ServeCommand.defaultHost(false)).isEqualTo("127.0.0.1");
        assertThat(ServeCommand.defaultHost(true)).isEqualTo("0.0.0.0");
    }

    @Test
    void loopbackIsDecidedWithoutDns() {
        assertThat(ServeCommand.isLoopback("127.0.0.1")).isTrue();
        assertThat(ServeCommand.isLoopback("127.255.0.9")).isTrue();
        assertThat(ServeCommand.isLoopback("localhost")).isTrue();
        assertThat(ServeCommand.isLoopback("api.localhost")).isTrue();
        assertThat(ServeCommand.isLoopback("::1")).isTrue();
        assertThat(ServeCommand.isLoopback("[::1]")).isTrue();
        assertThat(ServeCommand.isLoopback("0.0.0.0")).isFalse();
        assertThat(ServeCommand.isLoopback("::")).isFalse();
        assertThat(ServeCommand.isLoopback("cafe")).isFalse();
        assertThat(ServeCommand.isLoopback("127.0.0.1.nip.io")).isFalse();
        assertThat(ServeCommand.isLoopback("10.0.0.5")).isFalse();
    }
}
