package io.papi.local.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointNameTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc.snowflakecomputing.app",
                "https://abc.snowflakecomputing.app",
                "ABC.SNOWFLAKECOMPUTING.APP//",
                " https://Abc.snowflakecomputing.app/ ",
                "http://abc.snowflakecomputing.app"
            })
    void namesTheSameEndpoint(String written) {
        assertThat(EndpointName.normalise(written)).isEqualTo("abc.snowflakecomputing.app");
    }
}
