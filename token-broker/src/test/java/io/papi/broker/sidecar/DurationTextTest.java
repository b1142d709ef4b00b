package io.papi.broker.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Query parameters as callers write them. */
class DurationTextTest {

    @Test
    void readsTheUsualUnitsAndBareSeconds() {
        assertThat(DurationText.parse("30s", "min_valid")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("500ms", "min_valid")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("2m", "min_valid")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse("1H", "min_valid")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parse("45", "min_valid")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void anythingElseIsNamedWithTheFormsThatWork() {
        assertThatThrownBy(() -> DurationText.parse("-5s", "min_valid"))
                .hasMessage("min_valid '-5s' is not a duration: write it like 30s, 500ms, 2m or 1h");
    }

    @Test
    void unknownQueryParametersAreRefusedByName() {
        assertThatThrownBy(() -> Query.parse("identity=a&minvalid=3s", Set.of("identity", "min_valid")))
                .hasMessage("unknown parameter 'minvalid': known are identity, min_valid");
        assertThat(Query.parse("identity=a%20b&identity=c", Set.of("identity")).get("identity")).contains("a b");
    }
}
