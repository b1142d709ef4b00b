package io.papi.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code papi broker} as cron and CI use it ({@code --once}), and its configuration errors. */
class BrokerCommandTest {
    static final String TOKEN = "ver:1-hint:4711-ETMsDgAAAZbrokerToken0123";

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

    private String tokenUrl() {
        return snowflake.baseUrl() + "/oauth/token";
    }

    private CliRun.Result once(String... extra) {
        String[] base = {
            "broker",
            "--once",
            "--account",
            "myorg-myacct",
            "--user",
            "svc_data_api",
            "--private-key",
            home.resolve("rsa_key.p8").toString(),
            "--endpoint",
            "abc-myorg-myacct.snowflakecomputing.app",
            "--role",
            "DATA_API_ROLE",
            "--token-url",
            tokenUrl(),
            "--timeout",
            "10s"
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return cli.run(args);
    }

    @Test
    void onceWritesTheTokenAndHeaderFilesOwnerOnlyAndPrintsNoSecret() throws Exception {
        snowflake.stubFor(
                post("/oauth/token").willReturn(aResponse().withStatus(200).withBody(TOKEN)));
        Path token = home.resolve("token");
        Path header = home.resolve("header");

        var result = once("--sink-file", token.toString(), "--header-file", header.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(token)).isEqualTo(TOKEN);
        assertThat(Files.readString(header)).isEqualTo("Authorization: Snowflake Token=\"" + TOKEN + "\"\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token)))
                .isEqualTo("rw-------");
        assertThat(result.out())
                .startsWith("identity default: token sha256:")
                .contains("wrote " + token)
                .doesNotContain(TOKEN);
        snowflake.verify(
                1,
                postRequestedFor(urlEqualTo("/oauth/token"))
                        .withFormParam(
                                "scope",
                                equalTo("session:role:DATA_API_ROLE abc-myorg-myacct.snowflakecomputing.app")));
    }

    @Test
    void aPatFileIsExchangedInsteadOfAKeyPairJwt() throws Exception {
        snowflake.stubFor(
                post("/oauth/token").willReturn(aResponse().withStatus(200).withBody(TOKEN)));
        Path pat = Files.writeString(home.resolve("svc.pat"), "pat-0123456789abcdef\n");
        Path token = home.resolve("token");

        var result = cli.run(
                "broker",
                "--once",
                "--account",
                "myorg-myacct",
                "--user",
                "svc_data_api",
                "--pat-file",
                pat.toString(),
                "--endpoint",
                "abc-myorg-myacct.snowflakecomputing.app",
                "--token-url",
                tokenUrl(),
                "--sink-file",
                token.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(token)).isEqualTo(TOKEN);
        snowflake.verify(
                1,
                postRequestedFor(urlEqualTo("/oauth/token"))
                        .withFormParam("grant_type", equalTo("urn:ietf:params:oauth:grant-type:token-exchange"))
                        .withFormParam("subject_token", equalTo("pat-0123456789abcdef"))
                        .withFormParam("subject_token_type", equalTo("programmatic_access_token")));
        assertThat(result.out() + result.err()).doesNotContain("pat-0123456789abcdef");
    }

    @Test
    void aSinkThatCannotBeWrittenStopsTheStartWithExitTwo() throws Exception {
        snowflake.stubFor(
                post("/oauth/token").willReturn(aResponse().withStatus(200).withBody(TOKEN)));
        Path notAFolder = Files.writeString(home.resolve("plain"), "x");

        var result = cli.env("PAPI_HOME", home.resolve("papi-home").toString())
                .run(
                        "broker",
                        "--account",
                        "myorg-myacct",
                        "--user",
                        "svc_data_api",
                        "--private-key",
                        home.resolve("rsa_key.p8").toString(),
                        "--endpoint",
                        "abc-myorg-myacct.snowflakecomputing.app",
                        "--token-url",
                        tokenUrl(),
                        "--listen",
                        "127.0.0.1:0",
                        "--sink-file",
                        notAFolder.resolve("token").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.oneLineError()).as(result.toString()).isTrue();
        assertThat(result.err()).contains("cannot write sink " + notAFolder.resolve("token"));
    }

    @Test
    void onceExitsOneWithTheLikelyCauseWhenTheJwtIsRejected() {
        snowflake.stubFor(
                post("/oauth/token")
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"data\":null,\"code\":\"390144\",\"message\":\"JWT token is invalid. [0f1e2d3c-aaaa-bbbb-cccc-123456789abc]\",\"success\":false}")));

        var result = once("--sink-file", home.resolve("token").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.oneLineError()).as(result.toString()).isTrue();
        assertThat(result.err()).contains("identity default: no token: the JWT was rejected");
        assertThat(home.resolve("token")).doesNotExist();
    }

    @Test
    void onceWithoutAnyFileToWriteIsAUsageError() {
        var result = once();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--sink-file");
    }

    @Test
    void severalIdentitiesComeFromTheirConnectionsAndEachGetsItsOwnFile() throws Exception {
        snowflake.stubFor(
                post("/oauth/token").willReturn(aResponse().withStatus(200).withBody(TOKEN)));
        Path key = home.resolve("rsa_key.p8");
        connections("[svc_reporting]\naccount = \"myorg-myacct\"\nuser = \"svc_reporting\"\nrole = \"REPORTING\"\n"
                + "private_key_file = \"" + key + "\"\npapi_endpoint = \"rep-myorg-myacct.snowflakecomputing.app\"\n"
                + "[svc_api]\naccount = \"myorg-myacct\"\nuser = \"svc_api\"\nprivate_key_file = \"" + key + "\"\n"
                + "papi_endpoint = \"api-myorg-myacct.snowflakecomputing.app\"\n");

        var result = cli.run(
                "broker",
                "--once",
                "--identity",
                "reporting=svc_reporting",
                "--identity",
                "api=svc_api",
                "--token-url",
                tokenUrl(),
                "--sink-file",
                home.resolve("{identity}.token").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(home.resolve("reporting.token"))).isEqualTo(TOKEN);
        assertThat(Files.readString(home.resolve("api.token"))).isEqualTo(TOKEN);
        snowflake.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withFormParam("scope", equalTo("session:role:REPORTING rep-myorg-myacct.snowflakecomputing.app")));
        snowflake.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withFormParam("scope", equalTo("api-myorg-myacct.snowflakecomputing.app")));
    }

    @Test
    void identitiesMayComeFromTheEnvironment() throws Exception {
        snowflake.stubFor(
                post("/oauth/token").willReturn(aResponse().withStatus(200).withBody(TOKEN)));
        connections("[a]\naccount = \"myorg-a\"\nuser = \"u\"\nprivate_key_file = \"" + home.resolve("rsa_key.p8")
                + "\"\n");

        var result = cli.env("PAPI_BROKER_IDENTITIES", "one=a, two=a")
                .env("PAPI_ENDPOINT", "x-myorg-a.snowflakecomputing.app")
                .run(
                        "broker",
                        "--once",
                        "--token-url",
                        tokenUrl(),
                        "--header-file",
                        home.resolve("{identity}.header").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(home.resolve("one.header")).exists();
        assertThat(home.resolve("two.header")).exists();
    }

    @Test
    void aConnectionWithoutAnEndpointIsNamed() throws Exception {
        connections("[a]\naccount = \"myorg-a\"\nuser = \"u\"\nprivate_key_file = \"k\"\n");

        var result = cli.run(
                "broker",
                "--once",
                "--identity",
                "one=a",
                "--sink-file",
                home.resolve("{identity}").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.oneLineError()).isTrue();
        assertThat(result.err()).contains("identity one (connection a) has no endpoint: add papi_endpoint");
    }

    @Test
    void configurationMistakesAreOneLineUsageErrors() throws Exception {
        connections("[a]\naccount = \"myorg-a\"\n");

        assertUsage(cli.run("broker", "--identity", "one=a", "--account", "myorg-a"), "drop -c, --account");
        assertUsage(cli.run("broker", "--identity", "justaname"), "is not NAME=CONNECTION");
        assertUsage(once("--listen", "everywhere"), "--listen 'everywhere' is not an address");
        assertUsage(once("--refresh-at", "1.5", "--sink-file", home.resolve("t").toString()), "between 0 and 1");
        assertUsage(
                cli.run(
                        "broker",
                        "--account",
                        "myorg-myacct",
                        "--user",
                        "u",
                        "--private-key",
                        home.resolve("rsa_key.p8").toString(),
                        "--endpoint",
                        "e.example",
                        "--proxy-to",
                        "http://example.com",
                        "--listen",
                        "127.0.0.1:0"),
                "plain http to another machine");
    }

    @Test
    void aPortInUseIsNamedWithTheFlagThatChangesIt() throws Exception {
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            var result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(60),
                    () -> cli.run(
                            "broker",
                            "--account",
                            "myorg-myacct",
                            "--user",
                            "u",
                            "--private-key",
                            home.resolve("rsa_key.p8").toString(),
                            "--endpoint",
                            "e.example",
                            "--token-url",
                            tokenUrl(),
                            "--listen",
                            "127.0.0.1:" + taken.getLocalPort()));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.oneLineError()).as(result.toString()).isTrue();
            assertThat(result.err())
                    .contains("127.0.0.1:" + taken.getLocalPort() + ": the address is in use")
                    .contains("--listen");
        }
    }

    /** connections.toml, owner-only as papi expects (it warns otherwise). */
    private void connections(String toml) throws java.io.IOException {
        Files.createDirectories(home.resolve(".snowflake"));
        Path file = Files.writeString(home.resolve(".snowflake/connections.toml"), toml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static void assertUsage(CliRun.Result result, String message) {
        assertThat(result).isNotNull();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.oneLineError()).as(result.toString()).isTrue();
        assertThat(result.err()).contains(message);
    }
}
