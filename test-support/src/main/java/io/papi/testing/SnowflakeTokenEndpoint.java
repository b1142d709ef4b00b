package io.papi.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * WireMock (a {@link StubServer}) as Snowflake's {@code POST /oauth/token}: the replies Snowflake gives. A successful exchange answers 200 with the session token as the whole body (no JSON); a rejected JWT
 * answers 400 with Snowflake's JSON error body and code 390144.
 */
public final class SnowflakeTokenEndpoint {
    public static final String PATH = "/oauth/token";

    /** The body Snowflake sends for a JWT it does not accept (wrong key, user, issuer or clock). */
    public static final String JWT_INVALID_BODY =
            "{\"data\":null,\"code\":\"390144\",\"message\":\"JWT token is invalid."
                    + " [0f1e2d3c-aaaa-bbbb-cccc-123456789abc]\",\"success\":false,\"headers\":null}";

    private SnowflakeTokenEndpoint() {}

    /** The token URL papi's {@code --token-url} takes for {@code server}. */
    public static String url(WireMockExtension server) {
        return server.baseUrl() + PATH;
    }

    /** Every exchange on {@code server} gets {@code token}. */
    public static void issues(WireMockExtension server, String token) {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody(token)));
    }

    /** Snowflake's answer to a rejected JWT. */
    public static ResponseDefinitionBuilder jwtInvalid() {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(JWT_INVALID_BODY);
    }
}
