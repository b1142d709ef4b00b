package io.papi.local.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenRequestTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheThreeFieldsSnowflakeTakes() throws Exception {
        TokenRequest request = TokenRequest.parse(
                FORM,
                bytes("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"
                        + "&scope=session%3Arole%3AR+host.example&assertion=a.b.c"));

        assertThat(request.assertion()).isEqualTo("a.b.c");
        assertThat(request.scope()).isEqualTo(new Scope("R", "host.example"));
    }

    @Test
    void ignoresUnknownFieldsAndEmptyPairs() throws Exception {
        TokenRequest request = TokenRequest.parse(
                FORM,
                bytes("&grant_type=" + TokenRequest.JWT_BEARER.replace(":", "%3A")
                        + "&&client_id=x&scope=host.example&assertion=a.b.c&"));

        assertThat(request.assertion()).isEqualTo("a.b.c");
    }

    @Test
    void mediaTypeIsMatchedWithoutCaseOrParameters() throws Exception {
        String body = "grant_type=" + TokenRequest.JWT_BEARER + "&scope=h.example&assertion=a.b.c";
        assertThat(TokenRequest.parse("Application/X-WWW-Form-URLEncoded ; charset=utf-8", bytes(body))
                        .assertion())
                .isEqualTo("a.b.c");
    }

    @Test
    void blankFieldCountsAsMissing() {
        assertThatThrownBy(() -> TokenRequest.parse(
                        FORM, bytes("grant_type=" + TokenRequest.JWT_BEARER + "&scope=h.example&assertion=+")))
                .isInstanceOf(BadTokenRequest.class)
                .hasMessageContaining("assertion is missing");
    }

    @Test
    void neverShowsTheAssertionInToString() throws Exception {
        TokenRequest request = TokenRequest.parse(
                FORM, bytes("grant_type=" + TokenRequest.JWT_BEARER + "&scope=h.example&assertion=secret.jwt.value"));

        assertThat(request.toString()).doesNotContain("secret.jwt.value");
    }
}
