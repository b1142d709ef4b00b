package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTokenTest {
    private static final String VALUE = "ver:1-hint:1234-ETMsDgAAAYexampleTokenValue+/=";
    private static final Instant RECEIVED = Instant.parse("2025-03-01T12:00:00Z");

    private final SessionToken token = new SessionToken(
            VALUE, RECEIVED.plus(Duration.ofMinutes(10)), false, RECEIVED, Optional.of(RECEIVED.minusSeconds(3)));

    @Test
    void authorizationHeaderIsSnowflakeTokenQuoted() {
        assertThat(token.authorizationHeader()).isEqualTo("Snowflake Token=\"" + VALUE + "\"");
    }

    @Test
    void toStringShowsTheHashAndExpiryButNeverTheToken() {
        assertThat(token.toString())
                .isEqualTo("SessionToken[" + TokenHash.of(VALUE) + ", expires 2025-03-01T12:10:00Z (assumed)]")
                .doesNotContain(VALUE);
    }

    @Test
    void remainingAndValidityFollowTheClock() {
        MutableClock clock = new MutableClock(RECEIVED);
        assertThat(token.remaining(clock)).isEqualTo(Duration.ofMinutes(10));
        assertThat(token.isValidFor(Duration.ofMinutes(9), clock)).isTrue();
        clock.advance(Duration.ofMinutes(8));
        assertThat(token.isValidFor(Duration.ofMinutes(2), clock))
                .as("exactly at expiry is not valid")
                .isFalse();
        assertThat(token.isValidFor(Duration.ofSeconds(119), clock)).isTrue();
        clock.advance(Duration.ofMinutes(3));
        assertThat(token.remaining(clock)).isEqualTo(Duration.ofMinutes(-1));
    }

    @Test
    void carriesTheServerDateForSkewEstimates() {
        assertThat(token.serverDate()).contains(RECEIVED.minusSeconds(3));
        assertThat(token.receivedAt()).isEqualTo(RECEIVED);
        assertThat(token.expiryFromToken()).isFalse();
    }

    @Test
    void tokenHashIsAShortLabel() {
        assertThat(TokenHash.of(VALUE)).matches("sha256:[0-9a-f]{8}").isEqualTo(TokenHash.of(VALUE));
        assertThat(TokenHash.of(VALUE)).isNotEqualTo(TokenHash.of(VALUE + "x"));
        // sha256("abc") = ba7816bf...
        assertThat(TokenHash.of("abc")).isEqualTo("sha256:ba7816bf");
    }

    @Test
    void tokenUrlIsTheAccountHostsOauthToken() {
        assertThat(TokenUrls.forAccount(AccountIdentifier.parse("myorg-myacct")))
                .isEqualTo(URI.create("https://myorg-myacct.snowflakecomputing.com/oauth/token"));
        assertThat(TokenUrls.forAccount(AccountIdentifier.parse("xy12345.us-east-1.privatelink")))
                .isEqualTo(URI.create("https://xy12345.us-east-1.privatelink.snowflakecomputing.com/oauth/token"));
    }
}
