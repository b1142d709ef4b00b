package io.papi.broker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void flattensLinesAndControlCharacters() {
        assertThat(SafeText.oneLine("line one\r\nline\ttwo\u0007", 100)).isEqualTo("line one line two");
    }

    @Test
    void redactsJwtsAndLongTokenRuns() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJYIn0.c2lnbmF0dXJl";
        assertThat(SafeText.oneLine("bad " + jwt + " here", 200)).isEqualTo("bad [redacted] here");
        assertThat(SafeText.oneLine("token ver:1-hint:123-ETMsDgAAAZVabc123XYZ+/= expired", 200))
                .isEqualTo("token [redacted] expired");
    }

    @Test
    void keepsUuidsHostsAndLongWords() {
        String text =
                "ref 7fb87e37-2f26-4a10-9f9c-72276ea898bf at abcd-myorg-myacct.snowflakecomputing.app via SYSTEM$GET_LOGIN_FAILURE_DETAILS";
        assertThat(SafeText.oneLine(text, 200)).isEqualTo(text);
    }

    @Test
    void cutsAfterRedactingSoNoHeadOfASecretSurvives() {
        String text = "<p>" + "A1b2C3d4".repeat(10) + "</p>";
        assertThat(SafeText.prefix(text, 12)).isEqualTo("<p>[redacted");
        assertThat(SafeText.oneLine("x".repeat(50), 10)).isEqualTo("xxxxxxxxxx...");
    }
}
