package io.papi.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.papi.broker.TokenExchangeException.Kind;
import io.papi.testing.MutableClock;
import io.papi.testing.TestKeys;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exchange against a stand-in for Snowflake's /oauth/token that answers with the shapes Snowflake uses. */
class TokenExchangeTest {
    private static final String INGRESS = "abcd-myorg-myacct.snowflakecomputing.app";
    private static final TokenScope SCOPE = new TokenScope("DATA_API_ROLE", "https://" + INGRESS + "/");
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String SESSION_TOKEN = "ver:1-hint:5612345-ETMsDgAAAZVexampleSessionTokenBody+/abc=";
    private static final String REF = "7fb87e37-2f26-4a10-9f9c-72276ea898bf";

    @RegisterExtension
    static WireMockExtension snowflake = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final MutableClock clock = new MutableClock(NOW);
    private final KeyPairJwt minter = new KeyPairJwt(
            AccountIdentifier.parse("xy12345.us-east-1.aws"), "svc_data_api", TestKeys.privateKey(), clock);
    private String jwt;
    private TokenExchange exchange;

    @BeforeEach
    void setUp() {
        jwt = minter.mint(Duration.ofMinutes(1));
        exchange = exchangeWithTimeout(Duration.ofSeconds(5));
    }

    private TokenExchange exchangeWithTimeout(Duration timeout) {
        return TokenExchange.builder()
                .tokenUrl(tokenUrl())
                .timeout(timeout)
                .clock(clock)
                .build();
    }

    private static void answer(ResponseDefinitionBuilder response) {
        snowflake.stubFor(post(urlEqualTo("/oauth/token")).willReturn(response));
    }

    // ---- the request ----

    @Test
    void postsExactlyTheThreeJwtBearerFieldsAsAForm() throws Exception {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/plain")
                .withBody(SESSION_TOKEN));

        exchange.exchange(jwt, SCOPE);

        snowflake.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("urn:ietf:params:oauth:grant-type:jwt-bearer"))
                .withFormParam("scope", equalTo("session:role:DATA_API_ROLE " + INGRESS))
                .withFormParam("assertion", equalTo(jwt)));
        assertThat(formFields()).containsOnlyKeys("grant_type", "scope", "assertion");
    }

    @Test
    void withoutARoleTheScopeIsTheIngressHostAlone() throws Exception {
        answer(aResponse().withStatus(200).withBody(SESSION_TOKEN));

        exchange.exchange(jwt, TokenScope.forEndpoint(INGRESS));

        assertThat(formFields()).containsEntry("scope", INGRESS);
    }

    @Test
    void postsExactlyTheFourTokenExchangeFieldsForAProgrammaticAccessToken() throws Exception {
        String pat = "pat-secret-0123456789abcdefghijklmnopqrstuvwxyz";
        answer(aResponse().withStatus(200).withBody(SESSION_TOKEN));

        exchange.exchangeProgrammaticAccessToken(pat, SCOPE);

        assertThat(formFields())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "grant_type",
                        "urn:ietf:params:oauth:grant-type:token-exchange",
                        "scope",
                        "session:role:DATA_API_ROLE " + INGRESS,
                        "subject_token",
                        pat,
                        "subject_token_type",
                        "programmatic_access_token"));
    }

    // ---- successful answers ----

    @Test
    void aPlainTextBodyIsTheTokenWithTheDefaultLifetime() throws Exception {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/plain")
                .withHeader("Date", "Sat, 01 Mar 2025 12:00:04 GMT")
                .withBody(SESSION_TOKEN + "\n"));

        SessionToken token = exchange.exchange(jwt, SCOPE);

        assertThat(token.value()).isEqualTo(SESSION_TOKEN);
        assertThat(token.receivedAt()).isEqualTo(NOW);
        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(token.expiryFromToken()).isFalse();
        assertThat(token.serverDate()).contains(Instant.parse("2025-03-01T12:00:04Z"));
        assertThat(token.authorizationHeader()).isEqualTo("Snowflake Token=\"" + SESSION_TOKEN + "\"");
    }

    @Test
    void theDefaultLifetimeIsConfigurable() throws Exception {
        answer(aResponse().withStatus(200).withBody(SESSION_TOKEN));
        TokenExchange hourly = TokenExchange.builder()
                .tokenUrl(tokenUrl())
                .defaultTokenLifetime(Duration.ofMinutes(55))
                .clock(clock)
                .build();

        assertThat(hourly.exchange(jwt, SCOPE).expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(55)));
    }

    @Test
    void aJsonBodyWithAccessTokenAndExpiresInIsTolerated() throws Exception {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"access_token\":\"" + SESSION_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3599}"));

        SessionToken token = exchange.exchange(jwt, SCOPE);

        assertThat(token.value()).isEqualTo(SESSION_TOKEN);
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(3599));
        assertThat(token.expiryFromToken()).isFalse();
    }

    @Test
    void aTokenThatIsAJwtExpiresAtItsOwnExpClaim() throws Exception {
        Instant exp = Instant.parse("2025-03-01T12:59:00Z");
        SignedJWT issued = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder()
                        .subject("svc")
                        .expirationTime(Date.from(exp))
                        .build());
        issued.sign(new RSASSASigner(TestKeys.privateKey()));
        answer(aResponse().withStatus(200).withBody(issued.serialize()));

        SessionToken token = exchange.exchange(jwt, SCOPE);

        assertThat(token.expiresAt()).isEqualTo(exp);
        assertThat(token.expiryFromToken()).isTrue();
    }

    // ---- Snowflake refusing ----

    @Test
    void a400With390144SaysTheJwtWasRejectedAndHowToFindOutWhy() {
        TokenExchangeException e = refused(invalidJwt(400), Kind.PERMANENT, 400);
        assertThat(e.snowflakeCode()).contains("390144");
        assertThat(e.getMessage())
                .startsWith("the JWT was rejected (Snowflake 390144, ref " + REF + "): check the account form "
                        + "(it must not carry region or privatelink suffixes; the JWT names XY12345.SVC_DATA_API)")
                .contains("that the user is the LOGIN_NAME")
                .contains("that the key's fingerprint (papi fingerprint; the JWT carries " + minter.fingerprint()
                        + ") equals RSA_PUBLIC_KEY_FP in DESCRIBE USER")
                .contains("and the machine's clock")
                .endsWith("an admin can read the cause with SYSTEM$GET_LOGIN_FAILURE_DETAILS('" + REF + "')");
    }

    /** A 401 is the same rejection as a 400; a 200 carrying Snowflake's error shape is no token either. */
    @ParameterizedTest
    @ValueSource(ints = {401, 200})
    void a390144IsTheSameRejectionWhateverTheStatus(int status) {
        TokenExchangeException e = refused(invalidJwt(status), Kind.PERMANENT, status);
        assertThat(e.getMessage()).startsWith("the JWT was rejected (Snowflake 390144, ref " + REF + ")");
    }

    @Test
    void anOauthInvalidGrantIsAJwtRejection() {
        TokenExchangeException e =
                refused(oauthError(400, "invalid_grant", "The JWT is not valid."), Kind.PERMANENT, 400);
        assertThat(e.snowflakeCode()).isEmpty();
        assertThat(e.getMessage())
                .startsWith(
                        "the JWT was rejected (HTTP 400, invalid_grant: The JWT is not valid.): check the account form");
    }

    @Test
    void anOauthInvalidScopeNamesTheScope() {
        answer(oauthError(400, "invalid_scope", "unknown role"));

        assertThat(failure(() -> exchange.exchange(jwt, SCOPE)).getMessage())
                .isEqualTo(
                        "the scope 'session:role:DATA_API_ROLE " + INGRESS
                                + "' was rejected (HTTP 400, invalid_scope: unknown role): check the role name (case-sensitive) and the endpoint host");
    }

    @Test
    void a403SaysTheRoleIsNotGrantedOrTheEndpointIsOutOfReach() {
        TokenExchangeException e = refused(
                snowflakeError(
                        403,
                        "390186",
                        "The role requested in the connection or the default role if none was requested "
                                + "in the connection ('DATA_API_ROLE') is not listed in the Access Token or was filtered."),
                Kind.PERMANENT,
                403);
        assertThat(e.getMessage())
                .startsWith("HTTP 403 from 127.0.0.1:" + snowflake.getPort() + ", Snowflake 390186: The role requested")
                .endsWith(
                        ": role DATA_API_ROLE is not granted to user SVC_DATA_API, or the user may not reach endpoint "
                                + INGRESS + " (grant it the service role with USAGE on that endpoint)");
    }

    @Test
    void a404SaysTheTokenUrlIsWrong() {
        TokenExchangeException e = refused(
                aResponse().withStatus(404).withBody("<html><body>Not Found</body></html>"), Kind.PERMANENT, 404);
        assertThat(e.getMessage())
                .isEqualTo("wrong token URL: " + tokenUrl()
                        + " answered HTTP 404; it should be https://<account>.snowflakecomputing.com/oauth/token");
    }

    @Test
    void aRedirectIsNotFollowedAndSaysSo() {
        TokenExchangeException e = refused(
                aResponse()
                        .withStatus(302)
                        .withHeader("Location", "https://login.example.com/sso?next=%2Foauth%2Ftoken"),
                Kind.PERMANENT,
                302);
        assertThat(e.getMessage())
                .startsWith("the token URL " + tokenUrl() + " redirects (HTTP 302 to login.example.com)");
        assertThat(snowflake.getAllServeEvents()).hasSize(1);
    }

    @Test
    void a429IsTransientAndCarriesRetryAfterSeconds() {
        TokenExchangeException e = refused(
                aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("Too Many Requests"),
                Kind.TRANSIENT,
                429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage())
                .isEqualTo("rate-limited by 127.0.0.1:" + snowflake.getPort() + " (HTTP 429): retry after 7 s");
    }

    @Test
    void a503IsTransientAndReadsRetryAfterAsAnHttpDateAgainstTheServersDate() {
        TokenExchangeException e = refused(
                aResponse()
                        .withStatus(503)
                        .withHeader("Date", "Sat, 01 Mar 2025 12:00:00 GMT")
                        .withHeader("Retry-After", "Sat, 01 Mar 2025 12:00:30 GMT")
                        .withBody("Service Unavailable"),
                Kind.TRANSIENT,
                503);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e.serverDate()).contains(NOW);
        assertThat(e.getMessage())
                .isEqualTo("Snowflake unavailable: 127.0.0.1:" + snowflake.getPort()
                        + " answered HTTP 503; retry after 30 s");
    }

    @Test
    void a500IsTransient() {
        TokenExchangeException e = refused(
                aResponse()
                        .withStatus(500)
                        .withBody("{\"code\":\"000603\",\"message\":\"Internal error\",\"success\":false}"),
                Kind.TRANSIENT,
                500);
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getMessage())
                .startsWith("Snowflake unavailable: 127.0.0.1:" + snowflake.getPort()
                        + " answered HTTP 500, Snowflake 000603: Internal error; retry later");
    }

    @Test
    void aPatRejectionNamesThePatAndNeverShowsIt() {
        String pat = "pat-secret-0123456789abcdefghijklmnopqrstuvwxyz";
        answer(oauthError(401, "invalid_grant", "token " + pat + " expired"));

        TokenExchangeException e = failure(() -> exchange.exchangeProgrammaticAccessToken(pat, SCOPE));

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.getMessage())
                .startsWith(
                        "the programmatic access token was rejected (HTTP 401, invalid_grant: token [redacted] expired)")
                .doesNotContain(pat);
    }

    @Test
    void serverTextThatEchoesTheJwtIsRedacted() {
        answer(aResponse().withStatus(400).withBody("{\"code\":\"390100\",\"message\":\"bad assertion " + jwt + "\"}"));

        TokenExchangeException e = failure(() -> exchange.exchange(jwt, SCOPE));

        assertThat(e.getMessage())
                .isEqualTo("the token endpoint 127.0.0.1:" + snowflake.getPort()
                        + " refused the request (HTTP 400, Snowflake 390100: bad assertion [redacted])");
    }

    // ---- no usable answer ----

    @Test
    void anAnswerSlowerThanTheTimeoutIsTransient() {
        answer(aResponse().withStatus(200).withBody(SESSION_TOKEN).withFixedDelay(1_500));

        TokenExchangeException e =
                failure(() -> exchangeWithTimeout(Duration.ofMillis(300)).exchange(jwt, SCOPE));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).isEqualTo("no answer within 300ms from 127.0.0.1:" + snowflake.getPort());
    }

    @Test
    void aConnectionResetIsTransient() {
        TokenExchangeException e = refused(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), Kind.TRANSIENT, 0);
        assertThat(e.getMessage())
                .startsWith("the connection to 127.0.0.1:" + snowflake.getPort() + " failed before an answer (");
        assertThat(snowflake.getAllServeEvents())
                .as("not retried silently with the same JWT")
                .hasSize(1);
    }

    @Test
    void anEmptyResponseIsTransient() {
        TokenExchangeException e = refused(aResponse().withFault(Fault.EMPTY_RESPONSE), Kind.TRANSIENT, 0);
    }

    @Test
    void aRefusedConnectionIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TokenExchange nowhere = TokenExchange.builder()
                .tokenUrl(URI.create("http://127.0.0.1:" + closedPort + "/oauth/token"))
                .build();

        TokenExchangeException e = failure(() -> nowhere.exchange(jwt, SCOPE));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).startsWith("cannot connect to 127.0.0.1:" + closedPort + " (");
    }

    @Test
    void anHtmlPageIsNotATokenAndOnlyItsFirstBytesAreShown() {
        TokenExchangeException e = refused(
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody(
                                "<!DOCTYPE html>\n<html><head><title>Sign in to Snowflake</title></head><body>...</body></html>"),
                Kind.PERMANENT,
                200);
        assertThat(e.getMessage())
                .isEqualTo("the token endpoint answered with something that is not a token "
                        + "(first bytes: <!DOCTYPE html> <html><head><title>Sign): check the token URL " + tokenUrl());
    }

    @Test
    void aBodyThatIsNoTokenButHoldsOneNeverShowsIt() {
        answer(aResponse().withStatus(200).withBody("{\"token\":\"" + jwt + "\"}"));

        TokenExchangeException e = failure(() -> exchange.exchange(jwt, SCOPE));

        assertThat(e.getMessage())
                .startsWith("the token endpoint answered with something that is not a token "
                        + "(first bytes: {\"token\":\"[redacted]\"}): check the token URL");
    }

    @Test
    void anEmptyBodyIsNotAToken() {
        answer(aResponse().withStatus(200).withBody(""));

        assertThat(failure(() -> exchange.exchange(jwt, SCOPE)).getMessage())
                .startsWith("the token endpoint answered with an empty body: check the token URL");
    }

    // ---- building ----

    @Test
    void refusesPlainHttpToAnotherMachine() {
        assertThatThrownBy(() -> TokenExchange.builder()
                        .tokenUrl(URI.create("http://xy12345.snowflakecomputing.com/oauth/token"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "token URL http://xy12345.snowflakecomputing.com/oauth/token is plain http to another machine: "
                                + "use https (http is accepted for loopback addresses only)");
    }

    @Test
    void requiresATokenUrl() {
        assertThatThrownBy(() -> TokenExchange.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tokenUrl is not set");
        assertThat(TokenExchange.builder()
                        .account(AccountIdentifier.parse("myorg-myacct"))
                        .build()
                        .tokenUrl())
                .isEqualTo(URI.create("https://myorg-myacct.snowflakecomputing.com/oauth/token"));
    }

    // ---- helpers ----

    private static URI tokenUrl() {
        return URI.create("http://127.0.0.1:" + snowflake.getPort() + "/oauth/token");
    }

    /** Snowflake's answer to a JWT it does not accept, with the reference an admin looks the cause up by. */
    private static ResponseDefinitionBuilder invalidJwt(int status) {
        return snowflakeError(status, "390144", "JWT token is invalid. [" + REF + "]");
    }

    /** An OAuth error answer (RFC 6749 section 5.2), as Snowflake's /oauth/token gives for a grant it refuses. */
    private static ResponseDefinitionBuilder oauthError(int status, String error, String description) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    private static ResponseDefinitionBuilder snowflakeError(int status, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":null,\"code\":\"" + code + "\",\"message\":\"" + message
                        + "\",\"success\":false,\"headers\":null}");
    }

    /** Answers {@code response} to one exchange, and checks the failure's kind and HTTP status (0: no answer). */
    private TokenExchangeException refused(ResponseDefinitionBuilder response, Kind kind, int status) {
        answer(response);
        TokenExchangeException e = failure(() -> exchange.exchange(jwt, SCOPE));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.status()).isEqualTo(status);
        return e;
    }

    /** The exception, after checking what every failure must be: one line, and free of the JWT and the token. */
    private TokenExchangeException failure(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(TokenExchangeException.class);
        TokenExchangeException e = (TokenExchangeException) thrown;
        assertThat(e.getMessage())
                .doesNotContain("\n")
                .doesNotContain(jwt)
                .doesNotContain(jwt.substring(jwt.lastIndexOf('.') + 1))
                .doesNotContain(SESSION_TOKEN);
        return e;
    }

    private static Map<String, String> formFields() {
        assertThat(snowflake.getAllServeEvents()).hasSize(1);
        String body = snowflake.getAllServeEvents().get(0).getRequest().getBodyAsString();
        Map<String, String> fields = new LinkedHashMap<>();
        Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .forEach(kv -> fields.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
        return fields;
    }
}
