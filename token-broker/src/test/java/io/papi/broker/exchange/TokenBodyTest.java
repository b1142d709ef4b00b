package io.papi.broker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenBodyTest {

    @Test
    void aPlainTokenHasNoExpiryOfItsOwn() {
        TokenBody body =
                TokenBody.parse("  ver:1-hint:5612345-ETMsDgAAAZVexample+/= \n").orElseThrow();
        assertThat(body.value()).isEqualTo("ver:1-hint:5612345-ETMsDgAAAZVexample+/=");
        assertThat(body.expiresAtFromToken()).isEmpty();
        assertThat(body.expiresIn()).isEmpty();
    }

    @Test
    void aJwtShapedTokenCarriesItsExp() {
        String claims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"exp\":1740830400}".getBytes(StandardCharsets.UTF_8));
        TokenBody body = TokenBody.parse("eyJhbGciOiJSUzI1NiJ9." + claims + ".c2lnbmF0dXJl")
                .orElseThrow();
        assertThat(body.expiresAtFromToken()).contains(Instant.ofEpochSecond(1740830400));
    }

    @Test
    void jsonWithAccessTokenAndStringExpiresIn() {
        TokenBody body = TokenBody.parse("{\"access_token\":\"abcdefghijklmnop0123\",\"expires_in\":\"600\"}")
                .orElseThrow();
        assertThat(body.value()).isEqualTo("abcdefghijklmnop0123");
        assertThat(body.expiresIn()).contains(Duration.ofMinutes(10));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "OK",
                "<html><body>login</body></html>",
                "{\"code\":\"390144\",\"message\":\"x\"}",
                "{\"access_token\":\"\"}",
                "grant_type=urn%3Aietf%3Aparams&assertion=eyJabc",
                "two words of sixteen chars",
                "{not json at all"
            })
    void whatCannotBeATokenIsNone(String body) {
        assertThat(TokenBody.parse(body)).isEmpty();
    }
}
