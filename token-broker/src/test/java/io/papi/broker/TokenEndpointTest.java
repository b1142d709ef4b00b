package io.papi.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.papi.testing.TestKeys;
import io.papi.testing.TokenIssuer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests against WireMock standing in for Snowflake's {@code /oauth/token}, whose identities sign with the test key
 * written to {@link #keyFile} before each test.
 */
abstract class TokenEndpointTest {
    static final TokenScope SCOPE = new TokenScope("DATA_API_ROLE", "abcd-myorg-myacct.snowflakecomputing.app");
    static final TokenIssuer ISSUER = new TokenIssuer();

    @RegisterExtension
    static WireMockExtension snowflake = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(ISSUER))
            .build();

    @TempDir
    Path dir;

    Path keyFile;

    /** The clock the stub dates the tokens it issues by; the system clock unless a test fakes time. */
    Clock issuerClock() {
        return Clock.systemUTC();
    }

    @BeforeEach
    void writeKeyAndSetTheIssuerClock() {
        ISSUER.useClock(issuerClock());
        keyFile = dir.resolve("rsa_key.p8");
        KeyFiles.writePrivateKey(keyFile, TestKeys.privateKey(), null);
    }

    /** An exchange at the stub that waits at most {@code timeout}. */
    static TokenExchange.Builder stubExchange(Duration timeout) {
        return TokenExchange.builder()
                .tokenUrl(URI.create(snowflake.baseUrl() + "/oauth/token"))
                .timeout(timeout);
    }

    /** Identity {@code name} of {@code user} in account myorg-myacct, scoped to {@link #SCOPE}; add its credential. */
    static Identity.Builder stubIdentity(String name, String user, TokenExchange.Builder exchange) {
        return Identity.builder(name)
                .account(AccountIdentifier.parse("myorg-myacct"))
                .user(user)
                .scope(SCOPE)
                .exchange(exchange.build());
    }

    static void issueTokensLiving(long seconds) {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/plain")
                .withTransformers(TokenIssuer.NAME)
                .withTransformerParameter("lifetimeSeconds", seconds));
    }

    static void answer(ResponseDefinitionBuilder response) {
        snowflake.resetMappings();
        snowflake.stubFor(post(urlEqualTo("/oauth/token")).willReturn(response));
    }

    static int exchanges() {
        return snowflake
                .countRequestsMatching(
                        postRequestedFor(urlEqualTo("/oauth/token")).build())
                .getCount();
    }
}
