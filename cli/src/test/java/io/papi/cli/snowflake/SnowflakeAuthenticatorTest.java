package io.papi.cli.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.cli.PapiException;
import net.snowflake.client.api.auth.AuthenticatorType;
import org.junit.jupiter.api.Test;

class SnowflakeAuthenticatorTest {
    @Test
    void everyDriverValueIsOneTheDriverKnows() {
        for (SnowflakeAuthenticator a : SnowflakeAuthenticator.values()) {
            assertThat(AuthenticatorType.valueOf(a.driverValue()).name()).isEqualTo(a.driverValue());
        }
    }

    @Test
    void connectionsTomlSpellsTheDriverValueInLowerCase() {
        assertThat(SnowflakeAuthenticator.SNOWFLAKE_JWT.configName()).isEqualTo("snowflake_jwt");
        assertThat(SnowflakeAuthenticator.USERNAME_PASSWORD_MFA.driverValue()).isEqualTo("USERNAME_PASSWORD_MFA");
        assertThat(SnowflakeAuthenticator.EXTERNALBROWSER.toString()).isEqualTo("externalbrowser");
    }

    @Test
    void parsesEveryConfigNameInAnyCaseAndPatForTheProgrammaticAccessToken() {
        for (SnowflakeAuthenticator a : SnowflakeAuthenticator.values()) {
            assertThat(SnowflakeAuthenticator.parse(" " + a.configName().toUpperCase(java.util.Locale.ROOT) + " "))
                    .isEqualTo(a);
        }
        assertThat(SnowflakeAuthenticator.parse("PAT")).isEqualTo(SnowflakeAuthenticator.PROGRAMMATIC_ACCESS_TOKEN);
    }

    @Test
    void anUnknownNameIsAUsageErrorNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> SnowflakeAuthenticator.parse("okta"))
                .isInstanceOf(PapiException.class)
                .hasMessage("unknown authenticator 'okta': use one of snowflake_jwt, externalbrowser, "
                        + "username_password_mfa, programmatic_access_token, oauth, snowflake "
                        + "(authenticator in connections.toml, SNOWFLAKE_AUTHENTICATOR or --authenticator)");
    }
}
