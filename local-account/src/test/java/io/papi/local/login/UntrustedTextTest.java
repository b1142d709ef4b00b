package io.papi.local.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void replacesControlCharactersSoARequestCannotForgeLogLines() {
        assertThat(UntrustedText.quote("evil\n[main] INFO fake\r")).isEqualTo("'evil?[main] INFO fake?'");
    }

    @Test
    void cutsLongValues() {
        assertThat(UntrustedText.quote("x".repeat(1000))).hasSize(120 + 5).endsWith("...'");
    }

    @Test
    void saysNoneForNull() {
        assertThat(UntrustedText.quote(null)).isEqualTo("(none)");
    }
}
