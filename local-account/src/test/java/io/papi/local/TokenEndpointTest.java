package io.papi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import io.papi.broker.KeyFingerprint;
import io.papi.testing.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenEndpointTest extends RunningAccountTest {
    private static final Pattern INVALID_JWT = Pattern.compile(
            "\\{\"data\":null,\"code\":\"390144\",\"message\":\"JWT token is invalid\\. \\[([0-9a-f-]{36})]\",\"success\":false,\"headers\":null}");

    @Test
    void exchangesValidJwtForPlainTextSessionTokenTheVerifierAccepts() {
        Instant before = Instant.now();
        HttpResponse<String> response = client.exchange(jwt().rs256(), SCOPE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        SessionCheck check = account.verifier().verify("Snowflake Token=\"" + response.body() + "\"", ENDPOINT);
        assertThat(check).isInstanceOf(VerifiedSession.class);
        VerifiedSession session = (VerifiedSession) check;
        assertThat(session.user()).isEqualTo("SVC_DATA_API");
        assertThat(session.role()).isEqualTo("DATA_API_ROLE");
        assertThat(session.endpoint()).isEqualTo(ENDPOINT);
        assertThat(session.expiresAt()).isCloseTo(before.plus(Duration.ofMinutes(10)), within(Duration.ofSeconds(5)));
    }

    @Test
    void sessionTakesTheDefaultRoleWhenTheScopeNamesOnlyTheHost() {
        HttpResponse<String> response = client.exchange(jwt().rs256(), ENDPOINT);

        assertThat(response.statusCode()).isEqualTo(200);
        VerifiedSession session =
                (VerifiedSession) account.verifier().verify("Snowflake Token=\"" + response.body() + "\"", ENDPOINT);
        assertThat(session.role()).isEqualTo("DATA_API_ROLE");
    }

    @Test
    void scopeHostIsRecordedWithoutSchemeOrCase() {
        HttpResponse<String> response = client.exchange(
                jwt().rs256(), "https://ABCD-MyOrg-MyAcct.snowflakecomputing.app/ session:role:DATA_API_ROLE");

        assertThat(response.statusCode()).isEqualTo(200);
        VerifiedSession session =
                (VerifiedSession) account.verifier().verify("Snowflake Token=\"" + response.body() + "\"", ENDPOINT);
        assertThat(session.endpoint()).isEqualTo(ENDPOINT);
    }

    @Test
    void refusesRoleNotGrantedToTheUserLikeSnowflake() throws Exception {
        HttpResponse<String> response = client.exchange(jwt().rs256(), "session:role:ACCOUNTADMIN " + ENDPOINT);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo("390186");
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("message").asText()).contains("'ACCOUNTADMIN'", "SVC_DATA_API", "DATA_API_ROLE");
    }

    @Test
    void rolesInTheScopeAreCaseSensitive() {
        HttpResponse<String> response = client.exchange(jwt().rs256(), "session:role:data_api_role " + ENDPOINT);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("390186", "case-sensitive");
    }

    @Test
    void grantsThePublicRoleEveryUserHolds() {
        HttpResponse<String> response = client.exchange(jwt().rs256(), "session:role:PUBLIC " + ENDPOINT);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsAlgNone() {
        assertRejected(jwt().unsigned(), LoginFailureCode.NOT_RS256);
    }

    @Test
    void rejectsHs256WithAnySecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        assertRejected(jwt().hs256(secret), LoginFailureCode.NOT_RS256);
    }

    @Test
    void rejectsHs256KeyedWithTheUsersPublicKeyPemTheKeyConfusionAttack() {
        String forged = jwt().hs256(TestKeys.pem(TestKeys.ALICE).getBytes(StandardCharsets.US_ASCII));
        assertRejected(forged, LoginFailureCode.NOT_RS256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS384", "RS512", "PS256"})
    void rejectsCorrectlySignedJwtsWithOtherRsaAlgorithms(String algorithm) {
        assertRejected(jwt().rsa(JWSAlgorithm.parse(algorithm)), LoginFailureCode.NOT_RS256);
    }

    @Test
    void rejectsUnknownUser() {
        assertRejected(DriverJwtBuilder.of("NOBODY", TestKeys.ALICE).rs256(), LoginFailureCode.USER_NOT_FOUND);
    }

    @Test
    void rejectsLowerCaseUserAndSaysTheNameMustBeUpperCased() {
        LoginFailure failure = assertRejected(
                DriverJwtBuilder.of("svc_data_api", TestKeys.ALICE).rs256(), LoginFailureCode.USER_NOT_FOUND);
        assertThat(failure.reason()).contains("upper-cased");
    }

    @Test
    void rejectsFingerprintOfAKeyTheUserDoesNotHave() {
        LoginFailure failure = assertRejected(
                DriverJwtBuilder.of("SVC_DATA_API", TestKeys.BOB).rs256(), LoginFailureCode.FINGERPRINT_MISMATCH);
        assertThat(failure.reason())
                .contains(KeyFingerprint.of(TestKeys.BOB.getPublic()), KeyFingerprint.of(TestKeys.ALICE.getPublic()));
    }

    @Test
    void rejectsSignatureByAnotherKeyUnderTheRightFingerprint() {
        assertRejected(jwt().signedBy(TestKeys.BOB).rs256(), LoginFailureCode.BAD_SIGNATURE);
    }

    @Test
    void rejectsClaimsCarryingAnotherJwtsSignature() {
        String other = jwt().issuedAt(Instant.now().minusSeconds(5)).rs256();
        assertRejected(jwt().withSignatureOf(other), LoginFailureCode.BAD_SIGNATURE);
    }

    @Test
    void rejectsAnotherAccount() {
        assertRejected(jwt().account("MYORG-MYACCT").rs256(), LoginFailureCode.ACCOUNT_MISMATCH);
    }

    @Test
    void rejectsLowerCaseAccountAndSaysTheAccountMustBeUpperCased() {
        LoginFailure failure = assertRejected(jwt().account("local").rs256(), LoginFailureCode.ACCOUNT_MISMATCH);
        assertThat(failure.reason()).contains("upper-cased");
    }

    @Test
    void rejectsMissingIssueTime() {
        assertRejected(jwt().withoutIssuedAt().rs256(), LoginFailureCode.MISSING_ISSUE_OR_EXPIRY_TIME);
    }

    @Test
    void rejectsMissingExpiryTime() {
        assertRejected(jwt().withoutExpiresAt().rs256(), LoginFailureCode.MISSING_ISSUE_OR_EXPIRY_TIME);
    }

    @Test
    void rejectsLifetimeOfTwoHours() {
        Instant now = Instant.now();
        assertRejected(
                jwt().issuedAt(now).expiresAt(now.plus(Duration.ofHours(2))).rs256(),
                LoginFailureCode.LIFETIME_OVER_ONE_HOUR);
    }

    @Test
    void acceptsLifetimeOfExactlyOneHour() {
        Instant now = Instant.now();
        HttpResponse<String> response = client.exchange(
                jwt().issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).rs256(), SCOPE);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsJwtIssuedMoreThanSixtySecondsAgo() {
        Instant issued = Instant.now().minusSeconds(90);
        assertRejected(
                jwt().issuedAt(issued)
                        .expiresAt(issued.plus(Duration.ofMinutes(30)))
                        .rs256(),
                LoginFailureCode.ISSUED_TOO_LONG_AGO);
    }

    @Test
    void rejectsExpiredJwt() {
        Instant now = Instant.now();
        assertRejected(
                jwt().issuedAt(now.minusSeconds(30))
                        .expiresAt(now.minusSeconds(1))
                        .rs256(),
                LoginFailureCode.EXPIRED);
    }

    @Test
    void rejectsJwtIssuedInTheFuture() {
        Instant issued = Instant.now().plusSeconds(300);
        assertRejected(
                jwt().issuedAt(issued).expiresAt(issued.plusSeconds(600)).rs256(), LoginFailureCode.ISSUED_IN_FUTURE);
    }

    @Test
    void rejectsSubjectThatDiffersFromTheIssuer() {
        assertRejected(jwt().subject("LOCAL.SOMEONE_ELSE").rs256(), LoginFailureCode.MALFORMED_ISSUER_OR_SUBJECT);
    }

    @Test
    void rejectsAssertionThatIsNoJwt() {
        assertRejected("not-a-jwt", LoginFailureCode.MALFORMED_JWT);
    }

    @Test
    void recordsUserAndTimeOfEachFailure() {
        Instant before = Instant.now();
        LoginFailure failure = assertRejected(jwt().signedBy(TestKeys.BOB).rs256(), LoginFailureCode.BAD_SIGNATURE);

        assertThat(failure.user()).isEqualTo("SVC_DATA_API");
        assertThat(failure.time()).isBetween(before, Instant.now());
        assertThat(failure.code().code()).isEqualTo(394306);
    }

    @Test
    void unknownFailureIdHasNoDetails() {
        assertThat(endpoint.loginFailureDetails("00000000-0000-0000-0000-000000000000"))
                .isEmpty();
    }

    @Test
    void userWithKeysInBothSlotsLogsInWithEitherAndNotAfterUnset() {
        UserRegistry users = account.users();
        users.create("ROTATING", "DATA_API_ROLE", TestKeys.publicKey(TestKeys.ALICE));
        users.setKey("ROTATING", 2, TestKeys.publicKey(TestKeys.BOB));

        assertThat(client.exchange(
                                DriverJwtBuilder.of("ROTATING", TestKeys.ALICE).rs256(), SCOPE)
                        .statusCode())
                .isEqualTo(200);
        assertThat(client.exchange(DriverJwtBuilder.of("ROTATING", TestKeys.BOB).rs256(), SCOPE)
                        .statusCode())
                .isEqualTo(200);

        users.unsetKey("ROTATING", 1);

        assertRejected(DriverJwtBuilder.of("ROTATING", TestKeys.ALICE).rs256(), LoginFailureCode.FINGERPRINT_MISMATCH);
        assertThat(client.exchange(DriverJwtBuilder.of("ROTATING", TestKeys.BOB).rs256(), SCOPE)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void emailStyleLoginNameLogsIn() {
        account.users().create("john.doe@example.com", "ANALYST", TestKeys.publicKey(TestKeys.CAROL));

        HttpResponse<String> response = client.exchange(
                DriverJwtBuilder.of("JOHN.DOE@EXAMPLE.COM", TestKeys.CAROL).rs256(), ENDPOINT);

        assertThat(response.statusCode()).isEqualTo(200);
        VerifiedSession session =
                (VerifiedSession) account.verifier().verify("Snowflake Token=\"" + response.body() + "\"", ENDPOINT);
        assertThat(session.user()).isEqualTo("JOHN.DOE@EXAMPLE.COM");
        assertThat(session.role()).isEqualTo("ANALYST");
    }

    @Test
    void droppedUserCanNoLongerLogIn() {
        account.users().create("SHORT_LIVED", "DATA_API_ROLE", TestKeys.publicKey(TestKeys.CAROL));
        assertThat(client.exchange(
                                DriverJwtBuilder.of("SHORT_LIVED", TestKeys.CAROL)
                                        .rs256(),
                                SCOPE)
                        .statusCode())
                .isEqualTo(200);

        account.users().drop("SHORT_LIVED");

        assertRejected(DriverJwtBuilder.of("SHORT_LIVED", TestKeys.CAROL).rs256(), LoginFailureCode.USER_NOT_FOUND);
    }

    @Test
    void logsJwtsAndSessionTokensOnlyByShortHash() {
        String good = jwt().rs256();
        String bad = jwt().signedBy(TestKeys.BOB).rs256();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String token;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            token = client.exchange(good, SCOPE).body();
            client.exchange(bad, SCOPE);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("session sha256:", "jwt=sha256:", "394306");
        assertThat(log)
                .doesNotContain(token, good, bad, good.split("\\.")[2], bad.split("\\.")[2], token.split("\\.")[2]);
    }

    private static LoginFailure assertRejected(String jwt, LoginFailureCode expected) {
        HttpResponse<String> response = client.exchange(jwt, SCOPE);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        Matcher body = INVALID_JWT.matcher(response.body());
        assertThat(body.matches())
                .as("Snowflake's 390144 body, was %s", response.body())
                .isTrue();
        LoginFailure failure = endpoint.loginFailureDetails(body.group(1)).orElseThrow();
        assertThat(failure.code()).as(failure.reason()).isEqualTo(expected);
        assertThat(failure.uuid()).isEqualTo(body.group(1));
        assertThat(failure.reason()).doesNotContain(jwt);
        return failure;
    }
}
