package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one duration grammar: flags, settings and the sidecar's query parameters read durations alike. */
class DurationsTest {

    @Test
    void readsBareSecondsUnitsCombinedUnitsAndIso8601() {
        assertThat(Durations.parse("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse(" 1m500ms ")).isEqualTo(Duration.ofMillis(60_500));
        assertThat(Durations.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("pt1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void anythingElseIsNamedWithTheFormsThatWork() {
        for (String bad : new String[] {"-5s", "soon", "", "30x", "1h 30m", "PT-5M", "P", "s", "9999999999999s"}) {
            assertThatThrownBy(() -> Durations.parse(bad, "min_valid"))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("min_valid '" + bad
                            + "' is not a duration: write it like 30 (seconds), 500ms, 30s, 1h30m or PT5M");
        }
        assertThatThrownBy(() -> Durations.parse("later"))
                .hasMessage("'later' is not a duration: write it like " + Durations.FORMS);
    }

    @Test
    void controlCharactersAndLongValuesAreNotEchoedAsTheyCame() {
        assertThatThrownBy(() -> Durations.parse("1\u0007s", "min_valid"))
                .hasMessageStartingWith("min_valid '1?s' is not");
        assertThatThrownBy(() -> Durations.parse("x".repeat(50), "min_valid"))
                .hasMessageStartingWith("min_valid '" + "x".repeat(20) + "...' is not");
    }

    @Test
    void formatsTheShortestExactUnit() {
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofMinutes(59))).isEqualTo("59m");
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    }
}
