package io.papi.local.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnowflakeAuthorizationTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiterString = " -> ",
            value = {
                "'Snowflake Token=\"aa.bb-_.cc\"' -> aa.bb-_.cc",
                "'  SNOWFLAKE   token =  \"aa.bb.cc\"  ' -> aa.bb.cc"
            })
    void readsTheQuotedToken(String header, String token) {
        assertThat(SnowflakeAuthorization.tokenOf(header)).isEqualTo(token);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "Bearer aa.bb.cc",
                "SnowflakeToken=\"aa.bb.cc\"",
                "Snowflake Token=aa.bb.cc",
                "Snowflake Token=\"\"",
                "Snowflake Token=\"a\"b\"",
                "Snowflake Token=\"aa bb\"",
                "Snowflake Token=\"",
                "Snowflake"
            })
    void refusesEverythingElse(String header) {
        assertThat(SnowflakeAuthorization.tokenOf(header)).isNull();
    }
}
