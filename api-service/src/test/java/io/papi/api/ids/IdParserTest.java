package io.papi.api.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.api.ApiConfig.IdMode;
import org.junit.jupiter.api.Test;

class IdParserTest {
    private final IdParser numeric = new IdParser(IdMode.NUMERIC, 100, 32);
    private final IdParser alphanumeric = new IdParser(IdMode.ALPHANUMERIC, 100, 32);

    @Test
    void keepsRequestOrderAndDropsRepeats() throws Exception {
        assertThat(numeric.parse("186,22,186,5,22")).containsExactly("186", "22", "5");
    }

    @Test
    void numericIdsLoseLeadingZerosButZeroStaysZero() throws Exception {
        assertThat(numeric.parse("007,0,000,7")).containsExactly("7", "0");
    }

    @Test
    void alphanumericIdsKeepCaseAndZeros() throws Exception {
        assertThat(alphanumeric.parse("Ab1,ab1,007")).containsExactly("Ab1", "ab1", "007");
    }

    @Test
    void percentEncodedDigitsAreDecodedFirst() throws Exception {
        assertThat(numeric.parse("%32%32,1%2C2")).containsExactly("22", "1", "2");
    }

    @Test
    void malformedEscapeIsNamedWithItsPosition() {
        assertThatThrownBy(() -> numeric.parse("12%4"))
                .isInstanceOf(InvalidIdsException.class)
                .hasMessage(
                        "malformed percent-escape at character 3 of the ids: '%' must be followed by two hex digits "
                                + "(ids are digits, comma-separated, at most 100)");
    }

    @Test
    void badIdIsQuotedShortAndEscaped() {
        assertThatThrownBy(() -> numeric.parse("1,2,x" + "y".repeat(25)))
                .hasMessage(
                        "id 'xyyyyyyyyyyyyyyyyyyyyyyy...' at position 3 is not a number: ids are digits, comma-separated, at most 100");
        assertThatThrownBy(() -> numeric.parse("1%0A2"))
                .hasMessage("id '1%0A2' at position 1 is not a number: ids are digits, comma-separated, at most 100");
    }

    @Test
    void countIsCheckedBeforeContent() {
        assertThatThrownBy(() -> numeric.parse("x,".repeat(150)))
                .hasMessage(
                        "151 ids given: ask for at most 100 per request (ids are digits, comma-separated, at most 100)");
    }

    @Test
    void exceptionsCarryNoStackTrace() {
        assertThatThrownBy(() -> numeric.parse(""))
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }
}
