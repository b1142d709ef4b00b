package io.papi.local.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @Test
    void readsRoleAndHostInEitherOrder() throws Exception {
        assertThat(Scope.parse("session:role:DATA_API_ROLE abcd.snowflakecomputing.app"))
                .isEqualTo(new Scope("DATA_API_ROLE", "abcd.snowflakecomputing.app"));
        assertThat(Scope.parse("  abcd.snowflakecomputing.app   session:role:DATA_API_ROLE "))
                .isEqualTo(new Scope("DATA_API_ROLE", "abcd.snowflakecomputing.app"));
    }

    @Test
    void roleIsOptionalAndKeptExactlyAsWritten() throws Exception {
        assertThat(Scope.parse("abcd.snowflakecomputing.app").role()).isNull();
        assertThat(Scope.parse("session:role:Mixed_Case 127.0.0.1:8080").role()).isEqualTo("Mixed_Case");
    }

    @Test
    void hostIsNormalised() throws Exception {
        assertThat(Scope.parse("HTTPS://ABCD.SnowflakeComputing.App/").endpoint())
                .isEqualTo("abcd.snowflakecomputing.app");
        assertThat(Scope.parse("http://127.0.0.1:8080").endpoint()).isEqualTo("127.0.0.1:8080");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "session:role:R",
                "",
                "   ",
                "session:role: host.example",
                "a.example b.example",
                "session:role:A session:role:B host.example",
                "host.example/path",
                "under_score.example",
                "-lead.example"
            })
    void rejectsScopesWithoutExactlyOneValidHostOrWithBadRoles(String scope) {
        assertThatThrownBy(() -> Scope.parse(scope)).isInstanceOfSatisfying(BadTokenRequest.class, e -> {
            assertThat(e.error()).isEqualTo("invalid_scope");
            assertThat(e.status()).isEqualTo(400);
        });
    }
}
