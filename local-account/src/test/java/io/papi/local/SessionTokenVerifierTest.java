package io.papi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.papi.local.files.AccountDirectory;
import io.papi.local.session.SessionSigningKey;
import io.papi.local.session.SessionTokenIssuer;
import io.papi.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionTokenVerifierTest extends OpenAccountTest {
    private static final String ENDPOINT = "abcd-myorg-myacct.snowflakecomputing.app";

    SessionTokenVerifier verifier;
    SessionTokenIssuer issuer;

    SessionTokenVerifierTest() {
        super(Instant.parse("2025-06-01T12:00:00Z"));
    }

    @BeforeEach
    void useItsVerifier() throws Exception {
        verifier = account.verifier();
        issuer = issuerFor(directory, "LOCAL", clock);
    }

    /** This account's claims under this account's key id, signed with {@code algorithm} and a secret of its own. */
    private String signedWithARandomSecret(JWSAlgorithm algorithm, int secretBytes) throws Exception {
        byte[] secret = new byte[secretBytes];
        new SecureRandom().nextBytes(secret);
        return sign(
                new JWSHeader.Builder(algorithm).keyID(thisKeyId()).build(),
                claims("LOCAL").build(),
                secret);
    }

    private static SessionTokenIssuer issuerFor(Path directory, String account, Clock clock) throws Exception {
        SessionSigningKey key = SessionSigningKey.read(directory.resolve(AccountDirectory.SIGNING_KEY_FILE));
        return new SessionTokenIssuer(account, key, Duration.ofMinutes(10), clock);
    }

    private static String header(String token) {
        return "Snowflake Token=\"" + token + "\"";
    }

    private String token() {
        return issuer.issue("SVC_DATA_API", "DATA_API_ROLE", ENDPOINT).token();
    }

    @Test
    void acceptsTokenItIssuedForThatEndpoint() {
        SessionCheck check = verifier.verify(header(token()), ENDPOINT);

        assertThat(check)
                .isEqualTo(new VerifiedSession(
                        "SVC_DATA_API",
                        "DATA_API_ROLE",
                        ENDPOINT,
                        clock.instant().plus(Duration.ofMinutes(10))));
        assertThat(check.verified()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://abcd-myorg-myacct.snowflakecomputing.app",
                "ABCD-MyOrg-MyAcct.snowflakecomputing.app/",
                "https://ABCD-MYORG-MYACCT.SNOWFLAKECOMPUTING.APP/",
                " abcd-myorg-myacct.snowflakecomputing.app "
            })
    void comparesEndpointsIgnoringCaseSchemeAndTrailingSlash(String expected) {
        assertThat(verifier.verify(header(token()), expected)).isInstanceOf(VerifiedSession.class);
    }

    @Test
    void rejectsMissingHeader() {
        assertThat(reason(verifier.verify(null, ENDPOINT))).isEqualTo(SessionRejection.Reason.MISSING);
        assertThat(reason(verifier.verify("  ", ENDPOINT))).isEqualTo(SessionRejection.Reason.MISSING);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer abc.def.ghi",
                "Snowflake abc.def.ghi",
                "Snowflake Token=abc.def.ghi",
                "Snowflake Token=\"\"",
                "Snowflake Token=\"abc def\"",
                "SnowflakeToken=\"abc.def.ghi\"",
                "Snowflake Token=\"abc.def.ghi"
            })
    void rejectsHeaderNotInSnowflakeTokenForm(String value) {
        SessionCheck check = verifier.verify(value, ENDPOINT);
        assertThat(reason(check)).isEqualTo(SessionRejection.Reason.MALFORMED);
        assertThat(((SessionRejection) check).message()).contains("Snowflake Token=\"<session token>\"");
    }

    @Test
    void acceptsSchemeAndParameterInAnyCaseWithSpacesAroundEquals() {
        String token = token();
        assertThat(verifier.verify("snowflake token = \"" + token + "\"", ENDPOINT))
                .isInstanceOf(VerifiedSession.class);
    }

    @Test
    void rejectsTokenThatIsNoJwt() {
        assertThat(reason(verifier.verify(header("abc.def.ghi"), ENDPOINT)))
                .isEqualTo(SessionRejection.Reason.MALFORMED);
    }

    @Test
    void rejectsKeyPairJwtSentInsteadOfSessionTokenAndSaysSo() {
        SessionCheck check = verifier.verify(
                header(DriverJwtBuilder.of("SVC_DATA_API", TestKeys.ALICE).rs256()), ENDPOINT);

        assertThat(reason(check)).isEqualTo(SessionRejection.Reason.MALFORMED);
        assertThat(((SessionRejection) check).message()).contains("key-pair JWT", "/oauth/token");
    }

    @Test
    void rejectsExpiredToken() {
        String token = token();
        clock.advance(Duration.ofMinutes(10));

        assertThat(reason(verifier.verify(header(token), ENDPOINT))).isEqualTo(SessionRejection.Reason.EXPIRED);
    }

    @Test
    void rejectsCachedTokenOnceItExpires() {
        String token = token();
        assertThat(verifier.verify(header(token), ENDPOINT)).isInstanceOf(VerifiedSession.class);
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(verifier.verify(header(token), ENDPOINT)).isInstanceOf(VerifiedSession.class);

        clock.advance(Duration.ofSeconds(1));

        assertThat(reason(verifier.verify(header(token), ENDPOINT))).isEqualTo(SessionRejection.Reason.EXPIRED);
    }

    @Test
    void rejectsTokenForAnotherEndpoint() {
        SessionCheck check = verifier.verify(header(token()), "other-endpoint.snowflakecomputing.app");

        assertThat(reason(check)).isEqualTo(SessionRejection.Reason.WRONG_ENDPOINT);
        assertThat(((SessionRejection) check).message()).contains(ENDPOINT, "other-endpoint.snowflakecomputing.app");
    }

    @Test
    void rejectsTokenSignedWithAnotherSecretUnderThisAccountsKeyId() throws Exception {
        String forged = signedWithARandomSecret(JWSAlgorithm.HS256, 32);

        assertThat(reason(verifier.verify(header(forged), ENDPOINT))).isEqualTo(SessionRejection.Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsTokenWhoseClaimsWereAltered() {
        String[] parts = token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("DATA_API_ROLE", "ACCOUNTADMIN");
        String altered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        assertThat(reason(verifier.verify(header(altered), ENDPOINT))).isEqualTo(SessionRejection.Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsUnsignedToken() {
        String unsigned = new PlainJWT(claims("LOCAL").build()).serialize();

        assertThat(reason(verifier.verify(header(unsigned), ENDPOINT))).isEqualTo(SessionRejection.Reason.MALFORMED);
        assertThat(verifier.signatureChecks()).isZero();
    }

    @Test
    void rejectsTokenSignedWithAnotherHmacAlgorithm() throws Exception {
        String hs512 = signedWithARandomSecret(JWSAlgorithm.HS512, 64);

        assertThat(reason(verifier.verify(header(hs512), ENDPOINT))).isEqualTo(SessionRejection.Reason.BAD_SIGNATURE);
    }

    /** Another account's token, whether it is named otherwise or LOCAL too, is refused; its own account takes it. */
    @ParameterizedTest
    @ValueSource(strings = {"STAGING", "LOCAL"})
    void rejectsTokenIssuedByAnotherAccountDirectoryWhateverItsName(String name, @TempDir Path otherDirectory)
            throws Exception {
        try (LocalAccount other = LocalAccount.open(otherDirectory, name, clock)) {
            String token = issuerFor(otherDirectory, other.name(), clock)
                    .issue("SVC_DATA_API", "DATA_API_ROLE", ENDPOINT)
                    .token();

            SessionCheck check = verifier.verify(header(token), ENDPOINT);
            assertThat(reason(check)).isEqualTo(SessionRejection.Reason.OTHER_ACCOUNT);
            assertThat(other.verifier().verify(header(token), ENDPOINT)).isInstanceOf(VerifiedSession.class);
        }
    }

    @Test
    void secondCheckOfTheSameTokenDoesNoCrypto() {
        String token = token();
        assertThat(verifier.verify(header(token), ENDPOINT)).isInstanceOf(VerifiedSession.class);
        assertThat(verifier.signatureChecks()).isEqualTo(1);

        assertThat(verifier.verify(header(token), ENDPOINT)).isInstanceOf(VerifiedSession.class);
        assertThat(verifier.verify(header(token), "https://" + ENDPOINT + "/")).isInstanceOf(VerifiedSession.class);
        assertThat(reason(verifier.verify(header(token), "elsewhere.example.com")))
                .isEqualTo(SessionRejection.Reason.WRONG_ENDPOINT);

        assertThat(verifier.signatureChecks()).isEqualTo(1);
    }

    @Test
    void doesNotCacheRejectedTokens() throws Exception {
        String forged = sign(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(thisKeyId()).build(),
                claims("LOCAL").build(),
                new byte[32]);
        verifier.verify(header(forged), ENDPOINT);
        verifier.verify(header(forged), ENDPOINT);

        assertThat(verifier.signatureChecks()).isEqualTo(2);
        assertThat(verifier.cachedSessions()).isZero();
    }

    @Test
    void cacheHoldsAtMostItsBound() {
        SessionTokenVerifier small = new SessionTokenVerifier("LOCAL", signingKey(), clock, 3);
        for (int i = 0; i < 20; i++) {
            String token = issuer.issue("USER_" + i, "DATA_API_ROLE", ENDPOINT).token();
            assertThat(small.verify(header(token), ENDPOINT)).isInstanceOf(VerifiedSession.class);
        }

        assertThat(small.cachedSessions()).isLessThanOrEqualTo(3);
    }

    @Test
    void rejectionsNameTheTokenOnlyByHash() {
        String token = token();
        clock.advance(Duration.ofHours(1));
        SessionRejection rejection = (SessionRejection) verifier.verify(header(token), ENDPOINT);

        assertThat(rejection.message()).contains("sha256:").doesNotContain(token, token.split("\\.")[2]);
    }

    @Test
    void tokenIssuedBeforeReopeningIsStillAccepted() throws Exception {
        String token = token();
        account.close();

        account = LocalAccount.open(directory, "LOCAL", clock);

        assertThat(account.verifier().verify(header(token), ENDPOINT)).isInstanceOf(VerifiedSession.class);
    }

    private SessionSigningKey signingKey() {
        try {
            return SessionSigningKey.read(directory.resolve(AccountDirectory.SIGNING_KEY_FILE));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String thisKeyId() {
        return signingKey().keyId();
    }

    private JWTClaimsSet.Builder claims(String account) {
        return new JWTClaimsSet.Builder()
                .issuer(account)
                .subject("SVC_DATA_API")
                .claim("role", "DATA_API_ROLE")
                .claim("endpoint", ENDPOINT)
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plusSeconds(600)));
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, byte[] secret) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(header).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static SessionRejection.Reason reason(SessionCheck check) {
        assertThat(check).isInstanceOf(SessionRejection.class);
        return ((SessionRejection) check).reason();
    }
}
