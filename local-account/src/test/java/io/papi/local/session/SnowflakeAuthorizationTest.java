package io.papi.local.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnowflakeAuthorizationTest {

    @Test
    void readsTheQuotedToken() {
        assertThat(SnowflakeAuthorization.tokenOf("Snowflake Token=\"aa.bb-_.cc\""))
                .isEqualTo("aa.bb-_.cc");
        assertThat(SnowflakeAuthorization.tokenOf("  SNOWFLAKE   token =  \"aa.bb.cc\"  "))
                .isEqualTo("aa.bb.cc");
    }

    @Test
    void refusesEverythingElse() {
        assertThat(SnowflakeAuthorization.tokenOf("Bearer aa.bb.cc")).isNull();
        assertThat(SnowflakeAuthorization.tokenOf("SnowflakeToken=\"aa.bb.cc\""))
                .isNull();
        assertThat(SnowflakeAuthorization.tokenOf("Snowflake Token=aa.bb.cc")).isNull();
        assertThat(SnowflakeAuthorization.tokenOf("Snowflake Token=\"\"")).isNull();
        assertThat(SnowflakeAuthorization.tokenOf("Snowflake Token=\"a\"b\"")).isNull();
        assertThat(SnowflakeAuthorization.tokenOf("Snowflake Token=\"aa bb\"")).isNull();
        assertThat(SnowflakeAuthorization.tokenOf("Snowflake Token=\"")).isNull();
        assertThat(SnowflakeAuthorization.tokenOf("Snowflake")).isNull();
    }
}
