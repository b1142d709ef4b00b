package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.papi.testing.MutableClock;
import io.papi.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyPairJwtTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.750Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final KeyPairJwt jwt = new KeyPairJwt(
            AccountIdentifier.parse("xy12345.us-east-1.aws"), "svc_data_api", TestKeys.privateKey(), clock);

    @Test
    void headerIsExactlyRs256AndTypJwt() throws Exception {
        JsonNode header = part(jwt.mint(Duration.ofMinutes(59)), 0);
        assertThat(fieldNames(header)).containsExactlyInAnyOrder("alg", "typ");
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
    }

    @Test
    void claimsAreExactlyIssSubIatExpWithTheSnowflakeForms() throws Exception {
        JsonNode claims = part(jwt.mint(Duration.ofMinutes(59)), 1);
        String fingerprint = KeyFingerprint.of(TestKeys.publicKey());

        assertThat(fieldNames(claims)).containsExactlyInAnyOrder("iss", "sub", "iat", "exp");
        assertThat(claims.get("sub").asText()).isEqualTo("XY12345.SVC_DATA_API");
        assertThat(claims.get("iss").asText()).isEqualTo("XY12345.SVC_DATA_API." + fingerprint);
        assertThat(claims.get("iat").isIntegralNumber())
                .as("epoch seconds, a number")
                .isTrue();
        assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 59 * 60);
        assertThat(jwt.issuer()).isEqualTo(claims.get("iss").asText());
        assertThat(jwt.subject()).isEqualTo(claims.get("sub").asText());
        assertThat(jwt.fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void dropsRegionAndPrivatelinkSuffixesAndUpperCasesTheUser() throws Exception {
        KeyPairJwt privatelink = new KeyPairJwt(
                AccountIdentifier.parse("myorg-myacct.privatelink"),
                "Jane.Doe@example.com",
                TestKeys.privateKey(),
                clock);
        assertThat(part(privatelink.mint(Duration.ofMinutes(1)), 1).get("sub").asText())
                .isEqualTo("MYORG-MYACCT.JANE.DOE@EXAMPLE.COM");
    }

    @Test
    void signatureVerifiesWithThePublicKeyAndNotWithAnother() throws Exception {
        SignedJWT signed = SignedJWT.parse(jwt.mint(Duration.ofMinutes(5)));
        assertThat(signed.verify(new RSASSAVerifier(TestKeys.publicKey()))).isTrue();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey other = (RSAPublicKey) generator.generateKeyPair().getPublic();
        assertThat(signed.verify(new RSASSAVerifier(other))).isFalse();
    }

    @Test
    void everyMintIsIssuedAtTheClocksNow() throws Exception {
        String first = jwt.mint(Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(61));
        JsonNode second = part(jwt.mint(Duration.ofMinutes(1)), 1);
        assertThat(second.get("iat").asLong())
                .isEqualTo(part(first, 1).get("iat").asLong() + 61);
    }

    @Test
    void acceptsExactlyOneHour() throws Exception {
        JsonNode claims = part(jwt.mint(Duration.ofHours(1)), 1);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
    }

    @Test
    void roundsASubSecondLifetimeUpToAWholeSecond() throws Exception {
        JsonNode claims = part(jwt.mint(Duration.ofMillis(500)), 1);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1M", "PT1H0.001S", "PT2H"})
    void rejectsLifetimesOutsideZeroToOneHour(String lifetime) {
        assertThatThrownBy(() -> jwt.mint(Duration.parse(lifetime)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "JWT lifetime must be more than 0 and at most 1 hour (Snowflake's limit), not ");
    }

    @Test
    void refusesAKeyShorterThan2048Bits() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        RSAPrivateCrtKey small = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        assertThatThrownBy(() -> new KeyPairJwt(AccountIdentifier.parse("xy12345"), "svc", small, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key is a 1024-bit RSA key; Snowflake needs at least 2048 bits: papi keygen");
    }

    @Test
    void refusesABlankUser() {
        assertThatThrownBy(() -> new KeyPairJwt(AccountIdentifier.parse("xy12345"), " ", TestKeys.privateKey(), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user is empty: give the service user's LOGIN_NAME");
    }

    @Test
    void toStringShowsTheIssuerOnly() {
        assertThat(jwt.toString()).isEqualTo("KeyPairJwt[iss=" + jwt.issuer() + "]");
    }

    private static JsonNode part(String token, int index) throws Exception {
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
