package io.papi.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.broker.RefreshFailure.Reason;
import io.papi.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key rotation: a changed key file is used from the next exchange on, without dropping the token in hand. */
class KeyReloadTest extends FakeTimeSourceTest {
    private static final RSAPrivateCrtKey NEXT_KEY =
            (RSAPrivateCrtKey) KeyPairs.generate(2048).getPrivate();
    private static final String FIRST_FP = KeyFingerprint.of(TestKeys.publicKey());
    private static final String NEXT_FP = KeyFingerprint.of(PublicKeys.fromPrivate(NEXT_KEY));

    private static String fingerprintOf(String jwt) {
        String iss = claims(jwt).get("iss").asText();
        return iss.substring(iss.indexOf("SHA256:"));
    }

    @Test
    void aRotatedKeyFileIsPickedUpWithinFiveSecondsAndTheHeldTokenIsKept() {
        startWithTokensLiving(600, 0.5);
        SessionToken held = source.get(Duration.ZERO);

        KeyFiles.writePrivateKey(keyFile, NEXT_KEY, null); // atomic rename: a new inode
        advance(Duration.ofSeconds(5));

        assertThat(source.get(Duration.ZERO)).isSameAs(held);
        assertThat(exchanges()).isEqualTo(1);
        advance(Duration.ofSeconds(415)); // the planned refresh at 420 s
        List<String> jwts = assertionsSent();
        assertThat(jwts).hasSize(2);
        assertThat(fingerprintOf(jwts.get(0))).isEqualTo(FIRST_FP);
        assertThat(fingerprintOf(jwts.get(1))).isEqualTo(NEXT_FP);
    }

    @Test
    void afterAPermanentRejectionANewKeyIsTriedAtOnceNotAfterTheBackoff() {
        startFailingWith(
                400,
                "{\"code\":\"390144\",\"message\":\"JWT token is invalid.\",\"success\":false}",
                Reason.JWT_REJECTED);

        issueTokensLiving(600);
        KeyFiles.writePrivateKey(keyFile, NEXT_KEY, null);
        advance(Duration.ofSeconds(5));

        assertThat(exchanges()).isEqualTo(2);
        assertThat(source.current()).isPresent();
        assertThat(fingerprintOf(assertionsSent().get(1))).isEqualTo(NEXT_FP);
    }

    @Test
    void reloadingOnRequestAlsoRetriesAPermanentFailureAtOnce() {
        startFailingWith(
                403, "{\"code\":\"390186\",\"message\":\"Role not granted\",\"success\":false}", Reason.FORBIDDEN);

        issueTokensLiving(600);
        source.reloadKey(); // SIGHUP
        scheduler.awaitIdle();

        assertThat(exchanges()).isEqualTo(2);
        assertThat(source.current()).isPresent();
    }

    @Test
    void aBrokenKeyFileIsReportedAndTheOldKeyStaysInUse() throws Exception {
        startWithTokensLiving(600, 0.5);

        Files.writeString(
                keyFile,
                "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
        assertThatThrownBy(source::reloadKey)
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining(keyFile.toString());
        advance(Duration.ofSeconds(420));

        assertThat(exchanges()).isEqualTo(2);
        assertThat(fingerprintOf(assertionsSent().get(1))).isEqualTo(FIRST_FP);
        assertThat(source.current()).isPresent();
    }

    /** Starts the source against an endpoint that answers {@code status} and {@code body}: the refresh fails. */
    private void startFailingWith(int status, String body, Reason reason) {
        answer(aResponse().withStatus(status).withBody(body));
        source(0.5);
        startAndSettle();
        assertThat(source.status().lastFailure())
                .get()
                .extracting(RefreshFailure::reason)
                .isEqualTo(reason);
    }
}
