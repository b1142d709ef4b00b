package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.papi.testing.MutableClock;
import io.papi.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JwtInspectorTest {

    @Test
    void showsHeaderClaimsAndReadableTimes() throws Exception {
        KeyPairJwt minter = new KeyPairJwt(
                AccountIdentifier.parse("myorg-myacct"),
                "svc",
                TestKeys.privateKey(),
                new MutableClock(Instant.parse("2025-03-01T12:00:00Z")));
        String described = JwtInspector.describe(minter.mint(Duration.ofMinutes(59)));

        assertThat(described).contains("\n  \"header\" : {");
        JsonNode json = new ObjectMapper().readTree(described);
        assertThat(json.at("/header/alg").asText()).isEqualTo("RS256");
        assertThat(json.at("/claims/sub").asText()).isEqualTo("MYORG-MYACCT.SVC");
        assertThat(json.at("/claims/iss").asText()).isEqualTo(minter.issuer());
        assertThat(json.at("/issuedAt").asText()).isEqualTo("2025-03-01T12:00:00Z");
        assertThat(json.at("/expiresAt").asText()).isEqualTo("2025-03-01T12:59:00Z");
        assertThat(json.at("/lifetimeSeconds").asLong()).isEqualTo(3540);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "secret-token-without-dots | not a JWT: expected three base64url parts separated by dots, found 1 part",
                "a.b | not a JWT: expected three base64url parts separated by dots, found 2 parts",
                "a.b.c.d.e | this is an encrypted JWT (JWE, five parts): only signed JWTs (three parts) can be decoded",
                "e30.%%%.sig | not a JWT: its claims part is not base64url",
                "bm90IGpzb24.e30.sig | not a JWT: its header part is not JSON",
                "WzFd.e30.sig | not a JWT: its header part is not a JSON object",
            })
    void rejectsMalformedInputInOneLineWithoutEchoingIt(String input, String message) {
        assertThatThrownBy(() -> JwtInspector.describe(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(input));
    }

    @Test
    void decodesAJwtWithoutTimes() {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String claims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"sub\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(JwtInspector.describe(header + "." + claims + "."))
                .contains("\"sub\" : \"x\"")
                .doesNotContain("expiresAt");
    }
}
