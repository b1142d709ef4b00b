package io.papi.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code papi token} against WireMock standing in for Snowflake's /oauth/token. */
class TokenCommandTest {
    @RegisterExtension
    static WireMockExtension snowflake = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path home;

    CliRun cli;

    @BeforeEach
    void keys() {
        cli = new CliRun(home);
        cli.run("keygen", "--out", home.toString());
    }

    private CliRun.Result token(String... extra) {
        return tokenWithTimeout("15s", extra);
    }

    private CliRun.Result tokenWithTimeout(String timeout, String... extra) {
        String[] base = {
            "token",
            "--account",
            "xy12345.us-east-1.aws",
            "--user",
            "svc_data_api",
            "--private-key",
            home.resolve("rsa_key.p8").toString(),
            "--endpoint",
            "abc-myorg-myacct.snowflakecomputing.app",
            "--token-url",
            snowflake.baseUrl() + "/oauth/token",
            "--timeout",
            timeout
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return cli.run(args);
    }

    @Test
    void exchangesAFreshJwtAndPrintsTheTokenAlone() {
        snowflake.stubFor(post("/oauth/token")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/plain")
                        .withBody("ver:1-hint:abc-SESSIONTOKEN")));

        var result = token("--role", "DATA_API_ROLE");

        assertThat(result.exitCode()).as(result.toString()).isZero();
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
        snowflake.stubFor(
                post("/oauth/token").willReturn(aResponse().withStatus(200).withBody("tok123-session-token-0001")));

        assertThat(token("--header").out()).isEqualTo("Authorization: Snowflake Token=\"tok123-session-token-0001\"\n");
        var json = token("--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out())
                .startsWith("{\"token\":\"tok123-session-token-0001\",\"expires_at\":\"")
                .endsWith("Z\"}\n");
    }

    @Test
    void rejectedJwtNamesTheLikelyCausesInOneLine() {
        snowflake.stubFor(
                post("/oauth/token")
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"data\":null,\"code\":\"390144\",\"message\":\"JWT token is invalid. [0f1e2d3c-aaaa-bbbb-cccc-123456789abc]\",\"success\":false,\"headers\":null}")));

        var result = token();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.oneLineError()).as(result.toString()).isTrue();
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
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.oneLineError()).as(result.toString()).isTrue();
        assertThat(result.err()).contains("no answer within 1s");
    }

    @Test
    void garbageBodyIsNotMistakenForAToken() {
        snowflake.stubFor(post("/oauth/token")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Sign in to Snowflake</body></html>")));
        var result = token();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.oneLineError()).as(result.toString()).isTrue();
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingEndpointIsAUsageError() {
        var result = cli.run(
                "token",
                "--account",
                "a",
                "--user",
                "u",
                "--private-key",
                home.resolve("rsa_key.p8").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--endpoint").contains("PAPI_ENDPOINT");
    }
}
