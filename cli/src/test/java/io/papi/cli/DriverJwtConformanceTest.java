package io.papi.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.papi.broker.AccountIdentifier;
import io.papi.broker.KeyPairJwt;
import io.papi.broker.KeyPairs;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformance with Snowflake's own driver: snowflake-jdbc logs in with key-pair authentication against WireMock
 * standing in for Snowflake's login endpoint, which refuses it as Snowflake refuses a bad JWT (390144); the JWT the
 * driver sent is read from the recorded login request, and papi's iss and sub for the same account, user and key
 * must be the same, for every account form a user may write: as the {@code account} property, and as the URL's host
 * (the driver then reads the account from it; it reaches WireMock through the driver's own proxy settings).
 *
 * <p>Two forms disagree with a reading of the docs (../shared/SNOWFLAKE.md), and papi follows the driver:
 * {@code myorg.myacct} is {@code MYORG} (a locator and a region to the driver, not {@code MYORG-MYACCT}), and the
 * account {@code myorg-myacct.global} is {@code MYORG-MYACCT}; only the global host name
 * {@code myorg-myacct.global.snowflakecomputing.com} is cut at its hyphen ({@code MYORG}).
 */
class DriverJwtConformanceTest {
    @RegisterExtension
    static WireMockExtension snowflake = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static RSAPrivateCrtKey key;

    @BeforeAll
    static void key() {
        KeyPair pair = KeyPairs.generate(2048);
        key = (RSAPrivateCrtKey) pair.getPrivate();
    }

    private static JsonNode driverClaims(String account) throws Exception {
        return driverClaims(account, null);
    }

    /** With {@code host}, the account is left to the driver to read from the URL's host, reached through WireMock as a proxy. */
    private static JsonNode driverClaims(String account, String host) throws Exception {
        snowflake.resetAll();
        snowflake.stubFor(
                post(urlPathEqualTo("/session/v1/login-request"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"data\":{\"nextAction\":null,\"authnMethod\":\"KEYPAIR\"},\"code\":\"390144\","
                                                        + "\"message\":\"JWT token is invalid. [0d8a2a3e-2b7b-4ad5-9b8e-6f4ad2c1f00e]\",\"success\":false,\"headers\":null}")));
        Properties props = new Properties();
        if (account != null) {
            props.put("account", account);
        }
        String url = "jdbc:snowflake://127.0.0.1:" + snowflake.getPort();
        if (host != null) {
            url = "jdbc:snowflake://" + host + ":80";
            props.put("useProxy", "true");
            props.put("proxyHost", "127.0.0.1");
            props.put("proxyPort", String.valueOf(snowflake.getPort()));
            props.put("proxyProtocol", "http");
        }
        String connectUrl = url;
        props.put("user", "svc_data_api");
        props.put("authenticator", "SNOWFLAKE_JWT");
        props.put("privateKey", key);
        props.put("ssl", "off");
        props.put("loginTimeout", "10");
        props.put("maxHttpRetries", "0");
        props.put("disablePlatformDetection", "true");
        Driver driver = (Driver) Class.forName("net.snowflake.client.api.driver.SnowflakeDriver")
                .getDeclaredConstructor()
                .newInstance();
        assertThatThrownBy(() -> driver.connect(connectUrl, props).close()).isInstanceOf(SQLException.class);
        List<LoggedRequest> logins = snowflake.findAll(postRequestedFor(urlPathEqualTo("/session/v1/login-request")));
        assertThat(logins).as("the driver's login requests").isNotEmpty();
        JsonNode body = new ObjectMapper().readTree(logins.get(0).getBodyAsString());
        String jwt = body.path("data").path("TOKEN").asText();
        assertThat(jwt).as("TOKEN in " + body.path("data").fieldNames()).contains(".");
        return new ObjectMapper()
                .readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "xy12345",
                "xy12345.us-east-1",
                "xy12345.us-east-1.aws",
                "xy12345.us-east-1.privatelink",
                "myorg-myacct",
                "myorg.myacct",
                "myorg-myacct.global",
                "myorg-myacct.privatelink",
                "MyOrg-MyAcct",
                "myorg_myacct"
            })
    void papisIssAndSubAreTheDriversForEveryAccountForm(String account) throws Exception {
        assertSameSubjectAndIssuer(account, driverClaims(account));
    }

    /** papi's JWT for {@code account} (an account identifier or a host name) carries the driver's sub and iss. */
    private void assertSameSubjectAndIssuer(String account, JsonNode driver) {
        KeyPairJwt papi = new KeyPairJwt(AccountIdentifier.parse(account), "svc_data_api", key, Clock.systemUTC());

        assertThat(papi.subject())
                .as("sub for " + account)
                .isEqualTo(driver.path("sub").asText());
        assertThat(papi.issuer())
                .as("iss for " + account)
                .isEqualTo(driver.path("iss").asText());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "myorg-myacct.snowflakecomputing.com",
                "xy12345.us-east-1.aws.snowflakecomputing.com",
                "myorg-myacct.privatelink.snowflakecomputing.com",
                "myorg-myacct.global.snowflakecomputing.com",
                "xy12345.us-east-1.privatelink.snowflakecomputing.com"
            })
    void papisIssAndSubAreTheDriversForAHostName(String host) throws Exception {
        assertSameSubjectAndIssuer(host, driverClaims(null, host));
    }
}
