package io.papi.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.papi.testing.SnowflakeTokenEndpoint;
import io.papi.testing.StubServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code papi broker} as cron and CI use it ({@code --once}), and its configuration errors. */
class BrokerCommandTest extends KeyedHomeTest {
    static final String TOKEN = "ver:1-hint:4711-ETMsDgAAAZbrokerToken0123";
    static final String ENDPOINT = "abc-myorg-myacct.snowflakecomputing.app";

    @RegisterExtension
    static WireMockExtension snowflake = StubServer.onFreePort();

    private static String tokenUrl() {
        return SnowflakeTokenEndpoint.url(snowflake);
    }

    /** papi broker for the service user of myorg-myacct and its key, with {@code flags} after. */
    private String[] broker(Object... flags) {
        return Args.of("broker", serviceUser("myorg-myacct"), flags);
    }

    private CliRun.Result once(String... extra) {
        return cli.run(broker(
                "--once",
                "--endpoint",
                ENDPOINT,
                "--role",
                "DATA_API_ROLE",
                "--token-url",
                tokenUrl(),
                "--timeout",
                "10s",
                extra));
    }

    @Test
    void onceWritesTheTokenAndHeaderFilesOwnerOnlyAndPrintsNoSecret() throws Exception {
        SnowflakeTokenEndpoint.issues(snowflake, TOKEN);
        Path token = home.resolve("token");
        Path header = home.resolve("header");

        var result = once("--sink-file", token.toString(), "--header-file", header.toString());

        result.succeeds();
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
        SnowflakeTokenEndpoint.issues(snowflake, TOKEN);
        Path pat = Files.writeString(home.resolve("svc.pat"), "pat-0123456789abcdef\n");
        Path token = home.resolve("token");

        var result = cli.run(
                "broker",
                "--once",
                "--account",
                "myorg-myacct",
                "--user",
                SERVICE_USER,
                "--pat-file",
                pat.toString(),
                "--endpoint",
                ENDPOINT,
                "--token-url",
                tokenUrl(),
                "--sink-file",
                token.toString());

        result.succeeds();
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
        SnowflakeTokenEndpoint.issues(snowflake, TOKEN);
        Path notAFolder = Files.writeString(home.resolve("plain"), "x");

        var result = cli.env("PAPI_HOME", home.resolve("papi-home").toString())
                .run(broker(
                        "--endpoint",
                        ENDPOINT,
                        "--token-url",
                        tokenUrl(),
                        "--listen",
                        "127.0.0.1:0",
                        "--sink-file",
                        notAFolder.resolve("token")));

        result.failsWith(2, "cannot write sink " + notAFolder.resolve("token"));
    }

    @Test
    void onceExitsOneWithTheLikelyCauseWhenTheJwtIsRejected() {
        snowflake.stubFor(post(SnowflakeTokenEndpoint.PATH).willReturn(SnowflakeTokenEndpoint.jwtInvalid()));

        var result = once("--sink-file", home.resolve("token").toString());

        result.failsWith(1, "identity default: no token: the JWT was rejected");
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
        SnowflakeTokenEndpoint.issues(snowflake, TOKEN);
        Path key = privateKey();
        ConnectionsToml.inHome(
                home,
                "[svc_reporting]\naccount = \"myorg-myacct\"\nuser = \"svc_reporting\"\nrole = \"REPORTING\"\n"
                        + "private_key_file = \"" + key
                        + "\"\npapi_endpoint = \"rep-myorg-myacct.snowflakecomputing.app\"\n"
                        + "[svc_api]\naccount = \"myorg-myacct\"\nuser = \"svc_api\"\nprivate_key_file = \"" + key
                        + "\"\n"
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

        result.succeeds();
        assertThat(Files.readString(home.resolve("reporting.token"))).isEqualTo(TOKEN);
        assertThat(Files.readString(home.resolve("api.token"))).isEqualTo(TOKEN);
        snowflake.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withFormParam("scope", equalTo("session:role:REPORTING rep-myorg-myacct.snowflakecomputing.app")));
        snowflake.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withFormParam("scope", equalTo("api-myorg-myacct.snowflakecomputing.app")));
    }

    @Test
    void identitiesMayComeFromTheEnvironment() throws Exception {
        SnowflakeTokenEndpoint.issues(snowflake, TOKEN);
        ConnectionsToml.inHome(
                home, "[a]\naccount = \"myorg-a\"\nuser = \"u\"\nprivate_key_file = \"" + privateKey() + "\"\n");

        var result = cli.env("PAPI_BROKER_IDENTITIES", "one=a, two=a")
                .env("PAPI_ENDPOINT", "x-myorg-a.snowflakecomputing.app")
                .run(
                        "broker",
                        "--once",
                        "--token-url",
                        tokenUrl(),
                        "--header-file",
                        home.resolve("{identity}.header").toString());

        result.succeeds();
        assertThat(home.resolve("one.header")).exists();
        assertThat(home.resolve("two.header")).exists();
    }

    @Test
    void aConnectionWithoutAnEndpointIsNamed() throws Exception {
        ConnectionsToml.inHome(home, "[a]\naccount = \"myorg-a\"\nuser = \"u\"\nprivate_key_file = \"k\"\n");

        var result = cli.run(
                "broker",
                "--once",
                "--identity",
                "one=a",
                "--sink-file",
                home.resolve("{identity}").toString());

        result.failsWith(2, "identity one (connection a) has no endpoint: add papi_endpoint");
    }

    @Test
    void configurationMistakesAreOneLineUsageErrors() throws Exception {
        ConnectionsToml.inHome(home, "[a]\naccount = \"myorg-a\"\n");

        cli.run("broker", "--identity", "one=a", "--account", "myorg-a").failsWith(2, "drop -c, --account");
        cli.run("broker", "--identity", "justaname").failsWith(2, "is not NAME=CONNECTION");
        once("--listen", "everywhere").failsWith(2, "--listen 'everywhere' is not an address");
        once("--refresh-at", "1.5", "--sink-file", home.resolve("t").toString()).failsWith(2, "between 0 and 1");
        Path papiHome = home.resolve("papi-home");
        cli.env("PAPI_HOME", papiHome.toString())
                .run(broker("--endpoint", "e.example", "--proxy-to", "http://example.com", "--listen", "127.0.0.1:0"))
                .failsWith(2, "plain http to another machine");
        assertThat(papiHome.resolve("broker"))
                .as("nothing written on bad input")
                .doesNotExist();
    }

    @Test
    void aPortInUseIsNamedWithTheFlagThatChangesIt() throws Exception {
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            var result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(60),
                    () -> cli.run(broker(
                            "--endpoint",
                            "e.example",
                            "--token-url",
                            tokenUrl(),
                            "--listen",
                            "127.0.0.1:" + taken.getLocalPort())));

            result.failsWith(1, "127.0.0.1:" + taken.getLocalPort() + ": the address is in use", "--listen");
        }
    }
}
