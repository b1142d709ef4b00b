package io.papi.broker.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Query strings as callers write them. */
class QueryTest {

    @Test
    void unknownQueryParametersAreRefusedByName() {
        assertThatThrownBy(() -> Query.parse("identity=a&minvalid=3s", Set.of("identity", "min_valid")))
                .hasMessage("unknown parameter 'minvalid': known are identity, min_valid");
        assertThat(Query.parse("identity=a%20b&identity=c", Set.of("identity")).get("identity"))
                .contains("a b");
    }
}
