package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenScopeTest {
    private static final String HOST = "abcd-myorg-myacct.snowflakecomputing.app";

    @Test
    void withARoleTheScopeNamesTheSessionRoleThenTheHost() {
        assertThat(new TokenScope("DATA_API_ROLE", HOST).value()).isEqualTo("session:role:DATA_API_ROLE " + HOST);
    }

    @Test
    void withoutARoleTheScopeIsTheHostAlone() {
        assertThat(new TokenScope(null, HOST).value()).isEqualTo(HOST);
        assertThat(TokenScope.forEndpoint(HOST).value()).isEqualTo(HOST);
        assertThat(new TokenScope("", HOST).role())
                .as("blank role means the default role")
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {HOST, "https://" + HOST, "https://" + HOST + "/", "HTTPS://" + HOST + "//", "  " + HOST + " "})
    void acceptsTheIngressUrlWithOrWithoutSchemeAndTrailingSlash(String endpoint) {
        assertThat(new TokenScope(null, endpoint).endpoint()).isEqualTo(HOST);
    }

    @Test
    void keepsTheRoleExactlyAsGiven() {
        assertThat(new TokenScope("Data_Api_Role", HOST).value()).isEqualTo("session:role:Data_Api_Role " + HOST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "https://", "http://" + HOST, HOST + "/path", "two hosts"})
    void rejectsWhatIsNoIngressHost(String endpoint) {
        assertThatThrownBy(() -> new TokenScope(null, endpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ingress host");
    }

    @Test
    void rejectsARoleWithASpaceBecauseTheScopeIsSpaceSeparated() {
        assertThatThrownBy(() -> new TokenScope("MY ROLE", HOST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "role 'MY ROLE' contains a space: the scope cannot carry it; grant a role whose name has none");
    }
}
