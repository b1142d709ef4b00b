package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthDecisionTest {

    @Test
    void allowedCarriesTheUserAndDeniedTheReason() {
        assertThat(AuthDecision.allowed("ALICE").user()).isEqualTo("ALICE");
        assertThat(AuthDecision.allowed("ALICE").isAllowed()).isTrue();
        assertThat(AuthDecision.denied("expired").reason()).isEqualTo("expired");
        assertThat(AuthDecision.denied("expired").isAllowed()).isFalse();
    }

    @Test
    void askingTheWrongSideIsAMistake() {
        assertThatThrownBy(() -> AuthDecision.denied("x").user()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AuthDecision.allowed("u").reason()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AuthDecision.allowed(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
