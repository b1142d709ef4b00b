package io.papi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void stringsAreEscapedAsJsonRequiresAndNothingMore() {
        assertThat(JsonText.quote("a\"b\\c\n\t\r\b\f\u0001\u001f/é€<\u2028"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001F/é€<\u2028\"");
    }

    @Test
    void javaScriptSafeStringsAlsoEscapeTheLineSeparators() {
        StringBuilder out = JsonText.javaScriptSafeString(new StringBuilder(), "</script>\u2028\u2029\u0000é");
        assertThat(out).hasToString("\"</script>\\u2028\\u2029\\u0000é\"");
    }

    @Test
    void htmlSafeStringsAlsoEscapeTheTagOpener() {
        StringBuilder out = JsonText.htmlSafeString(new StringBuilder(), "</script>\u2028\u2029\u0000é");
        assertThat(out).hasToString("\"\\u003C/script>\\u2028\\u2029\\u0000é\"");
    }

    @Test
    void anObjectKeepsItsFieldsInOrder() {
        assertThat(JsonText.object("error", "no \"such\" <user>\u2028", "reason", "not_found"))
                .isEqualTo("{\"error\":\"no \\\"such\\\" <user>\\u2028\",\"reason\":\"not_found\"}");
        assertThat(JsonText.object()).isEqualTo("{}");
    }

    @Test
    void anObjectWithANameButNoValueIsRefused() {
        assertThatThrownBy(() -> JsonText.object("error"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an object needs a value for every name, got 1 strings");
    }

    @Test
    void numbersDropAnIntegralFractionAndNeverWriteNaN() {
        assertThat(JsonText.number(new StringBuilder(), 3.0)).hasToString("3");
        assertThat(JsonText.number(new StringBuilder(), 0.8165)).hasToString("0.8165");
        assertThat(JsonText.number(new StringBuilder(), Double.NaN)).hasToString("0");
        assertThat(JsonText.number(new StringBuilder(), Double.NEGATIVE_INFINITY))
                .hasToString("0");
        assertThat(JsonText.number(new StringBuilder(), 1e16)).hasToString("1.0E16");
    }
}
