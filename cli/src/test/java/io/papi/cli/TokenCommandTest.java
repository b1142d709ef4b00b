package io.papi.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.papi.testing.SnowflakeTokenEndpoint;
import io.papi.testing.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code papi token} against WireMock standing in for Snowflake's /oauth/token. */
class TokenCommandTest extends KeyedHomeTest {
    @RegisterExtension
    static WireMockExtension snowflake = StubServer.onFreePort();

    private CliRun.Result token(String... extra) {
        return tokenWithTimeout("15s", extra);
    }

    private CliRun.Result tokenWithTimeout(String timeout, String... extra) {
        return cli.run(Args.of(
                "token",
                serviceUser("xy12345.us-east-1.aws"),
                "--endpoint",
                "abc-myorg-myacct.snowflakecomputing.app",
                "--token-url",
                SnowflakeTokenEndpoint.url(snowflake),
                "--timeout",
                timeout,
                extra));
    }

    /** The token endpoint answers 200 with {@code body} as {@code contentType}. */
    private static void answers200(String contentType, String body) {
        snowflake.stubFor(post(SnowflakeTokenEndpoint.PATH)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType)
                        .withBody(body)));
    }

    @Test
    void exchangesAFreshJwtAndPrintsTheTokenAlone() {
        answers200("text/plain", "ver:1-hint:abc-SESSIONTOKEN");

        var result = token("--role", "DATA_API_ROLE");

        result.succeeds();
        assertThat(result.out()).isEqualTo("ver:1-hint:abc-SESSIONTOKEN\n");
        assertThat(result.err()).isEmpty();
        snowflake.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("urn:ietf:params:oauth:grant-type:jwt-bearer"))
                .withFormParam("scope", equalTo("session:role:DATA_API_ROLE abc-myorg-myacct.snowflakecomputing.app"))
                .withFormParam("assertion", containing("eyJ")));
    }

    @Test
    void headerAndJsonFormats() {
        SnowflakeTokenEndpoint.issues(snowflake, "tok123-session-token-0001");

        assertThat(token("--header").out()).isEqualTo("Authorization: Snowflake Token=\"tok123-session-token-0001\"\n");
        var json = token("--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out())
                .startsWith("{\"token\":\"tok123-session-token-0001\",\"expires_at\":\"")
                .endsWith("Z\"}\n");
    }

    @Test
    void rejectedJwtNamesTheLikelyCausesInOneLine() {
        snowflake.stubFor(post(SnowflakeTokenEndpoint.PATH).willReturn(SnowflakeTokenEndpoint.jwtInvalid()));

        var result = token();

        result.failsWith(1);
        assertThat(result.err())
                .contains("390144")
                .contains("LOGIN_NAME")
                .contains("papi fingerprint")
                .contains("clock")
                .contains("0f1e2d3c-aaaa-bbbb-cccc-123456789abc")
                .doesNotContain("eyJ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void everyHttpFailureEndsInOneLineAndANonZeroExit() {
        int[] statuses = {401, 403, 404, 429, 500, 503};
        for (int status : statuses) {
            snowflake.resetAll();
            snowflake.stubFor(post("/oauth/token")
                    .willReturn(aResponse()
                            .withStatus(status)
                            .withHeader("Retry-After", "7")
                            .withBody("nope")));
            var result = token();
            assertThat(result.exitCode()).as("status %d: %s", status, result).isEqualTo(1);
            assertThat(result.oneLineError())
                    .as("status %d: %s", status, result)
                    .isTrue();
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void slowTokenEndpointTimesOut() {
        snowflake.stubFor(post("/oauth/token")
                .willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(3000)));
        var result = tokenWithTimeout("1s");
        result.failsWith(1, "no answer within 1s");
    }

    @Test
    void garbageBodyIsNotMistakenForAToken() {
        answers200("text/html", "<html><body>Sign in to Snowflake</body></html>");
        var result = token();
        result.failsWith(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingEndpointIsAUsageError() {
        var result = cli.run(Args.of("token", serviceUser("a")));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--endpoint").contains("PAPI_ENDPOINT");
    }

    @Test
    void aProgrammaticAccessTokenFileIsExchangedWithTheTokenExchangeGrant() throws Exception {
        SnowflakeTokenEndpoint.issues(snowflake, "ver:1-hint:4711-ETMsDgAAAZfromPat0123");
        java.nio.file.Path pat = home.resolve("pat.txt");
        java.nio.file.Files.writeString(pat, "pat-secret-value\n");

        var result = token("--pat-file", pat.toString());

        result.succeeds();
        assertThat(result.out().strip()).isEqualTo("ver:1-hint:4711-ETMsDgAAAZfromPat0123");
        snowflake.verify(postRequestedFor(urlEqualTo(SnowflakeTokenEndpoint.PATH))
                .withRequestBody(containing("subject_token=pat-secret-value")));
        assertThat(result.err()).doesNotContain("pat-secret-value");
    }

    @Test
    void aMissingOrMalformedPatFileIsOneLineNamingThePatFile() throws Exception {
        java.nio.file.Path missing = home.resolve("no-such-pat.txt");
        var absent = token("--pat-file", missing.toString());
        assertThat(absent.exitCode()).isEqualTo(2);
        assertThat(absent.err().strip())
                .startsWith("papi: PAT file " + missing + " does not exist")
                .doesNotContain("passphrase")
                .doesNotContain("\n");

        java.nio.file.Path two = home.resolve("two-tokens.txt");
        java.nio.file.Files.writeString(two, "pat-one pat-two\n");
        var malformed = token("--pat-file", two.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("does not hold one token").doesNotContain("pat-one");
        snowflake.verify(0, postRequestedFor(urlEqualTo(SnowflakeTokenEndpoint.PATH)));
    }
}
