package io.papi.broker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    @Test
    void readsSnowflakesShapeAndItsReference() {
        ErrorBody body = ErrorBody.parse("{\"data\":null,\"code\":\"390144\",\"message\":\"JWT token is invalid. "
                + "[7fb87e37-2f26-4a10-9f9c-72276ea898bf]\",\"success\":false,\"headers\":null}");
        assertThat(body.isError()).isTrue();
        assertThat(body.code()).contains("390144");
        assertThat(body.reference()).contains("7fb87e37-2f26-4a10-9f9c-72276ea898bf");
    }

    @Test
    void readsANumericCode() {
        assertThat(ErrorBody.parse("{ \"code\" : 390144, \"message\" : \"JWT token is invalid.\" }")
                        .code())
                .contains("390144");
    }

    @Test
    void readsOauthsShape() {
        ErrorBody body = ErrorBody.parse("{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}");
        assertThat(body.error()).contains("invalid_grant");
        assertThat(body.errorDescription()).contains("expired");
        assertThat(body.reference()).isEmpty();
    }

    @Test
    void anythingElseIsNoError() {
        assertThat(ErrorBody.parse("<html></html>").isError()).isFalse();
        assertThat(ErrorBody.parse("").isError()).isFalse();
        assertThat(ErrorBody.parse("[1,2]").isError()).isFalse();
        assertThat(ErrorBody.parse("{\"code\":null}").isError()).isFalse();
    }
}
