package io.papi.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Local ingress auth behaves like the SPCS ingress: probes pass, everything else needs a valid session token. */
class IngressAuthTest {
    static final String GOOD = "Snowflake Token=\"ver:1-hint:42-ETMsDgAAAZ\"";

    /** Accepts one token, as the local account's verifier would accept a session it issued. */
    static final IngressAuth ONE_TOKEN = header -> {
        if (header == null) {
            return AuthDecision.denied(
                    "missing Authorization header: send Authorization: Snowflake Token=\"<session token>\"");
        }
        return header.equals(GOOD)
                ? AuthDecision.allowed("SVC_DATA_API")
                : AuthDecision.denied("session token is not valid or has expired: get a fresh one with papi token");
    };

    private final FakeStore store = new FakeStore().with("22", "[]");

    @Test
    void missingTokenIsUnauthorizedJsonWithTheReason() throws Exception {
        try (RunningApi api = RunningApi.start(ApiConfig.builder(), store, ONE_TOKEN)) {
            HttpResponse<String> r = api.get("/customer/22");

            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(r.headers().firstValue("www-authenticate")).hasValue("Snowflake");
            assertThat(r.body())
                    .isEqualTo("{\"error\":\"missing Authorization header: send Authorization: "
                            + "Snowflake Token=\\\"<session token>\\\"\"}");
            assertThat(store.lookups).isEmpty();
        }
    }

    @Test
    void deniedTokenIsUnauthorizedOnEveryRouteButTheProbesAndTheTestPage() throws Exception {
        try (RunningApi api = RunningApi.start(ApiConfig.builder(), store, ONE_TOKEN)) {
            for (String path : new String[] {"/", "/customer/22", "/metrics", "/no-such-page"}) {
                HttpResponse<String> r = api.send(HttpRequest.newBuilder(URI.create(api.url(path)))
                        .header("Authorization", "Snowflake Token=\"forged\""));
                assertThat(r.statusCode()).as(path).isEqualTo(401);
                assertThat(r.body()).contains("session token is not valid");
            }
            assertThat(api.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(api.get("/readyz").statusCode()).isEqualTo(200);
            assertThat(api.get("/test").statusCode()).as("static page, no data").isEqualTo(200);
        }
    }

    @Test
    void validTokenReachesTheApi() throws Exception {
        try (RunningApi api = RunningApi.start(ApiConfig.builder(), store, ONE_TOKEN)) {
            HttpResponse<String> r = api.send(
                    HttpRequest.newBuilder(URI.create(api.url("/customer/22"))).header("Authorization", GOOD));

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("[{\"USER_ID\":22,\"RECOMMENDATIONS\":[]}]");
        }
    }

    @Test
    void redirectModeSendsTheCallerToTheLoginPage() throws Exception {
        ApiConfig.Builder config = ApiConfig.builder()
                .unauthorizedMode(ApiConfig.UnauthorizedMode.REDIRECT_302)
                .loginUrl("https://example.snowflakecomputing.com/oauth/authorize");
        try (RunningApi api = RunningApi.start(config, store, ONE_TOKEN)) {
            RawHttp.Reply r = RawHttp.get(api.port(), "/customer/22");

            assertThat(r.status()).isEqualTo(302);
            assertThat(r.header("location")).isEqualTo("https://example.snowflakecomputing.com/oauth/authorize");
            assertThat(r.body()).startsWith("{\"error\":\"missing Authorization header");
        }
    }

    @Test
    void aClientFollowingTheRedirectLandsOnTheLoginPage() throws Exception {
        WireMockServer login =
                new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        login.start();
        try {
            // the shape a browser meets behind an SPCS endpoint without a session: Snowflake's sign-in page (HTML)
            login.stubFor(
                    get(urlPathEqualTo("/oauth/authorize"))
                            .willReturn(
                                    aResponse()
                                            .withStatus(200)
                                            .withHeader("Content-Type", "text/html; charset=utf-8")
                                            .withBody(
                                                    "<!DOCTYPE html><html><head><title>Sign in to Snowflake</title></head>"
                                                            + "<body><form method=\"post\" action=\"/session/v1/login-request\"></form></body></html>")));
            String loginUrl = login.baseUrl() + "/oauth/authorize?response_type=code&client_id=spcs";
            ApiConfig.Builder config = ApiConfig.builder()
                    .unauthorizedMode(ApiConfig.UnauthorizedMode.REDIRECT_302)
                    .loginUrl(loginUrl);
            try (RunningApi api = RunningApi.start(config, store, ONE_TOKEN)) {
                HttpClient browserLike = HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();

                HttpResponse<String> r = browserLike.send(
                        HttpRequest.newBuilder(URI.create(api.url("/customer/22")))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.uri().toString()).isEqualTo(loginUrl);
                assertThat(r.body()).contains("<title>Sign in to Snowflake</title>");
                assertThat(r.previousResponse())
                        .hasValueSatisfying(p -> assertThat(p.statusCode()).isEqualTo(302));
                login.verify(1, getRequestedFor(urlPathEqualTo("/oauth/authorize")));
                assertThat(store.lookups).isEmpty();
            }
        } finally {
            login.stop();
        }
    }

    @Test
    void anAuthImplementationThatThrowsGivesServerErrorJsonWithoutDetails() throws Exception {
        IngressAuth broken = header -> {
            throw new IllegalStateException("verifier database unreachable, token=" + header);
        };
        try (RunningApi api = RunningApi.start(ApiConfig.builder(), store, broken)) {
            RawHttp.Reply r = RawHttp.send(api.port(), "GET", "/customer/22".getBytes(), Map.of("Authorization", GOOD));

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.header("content-type")).startsWith("application/json");
            assertThat(r.body()).isEqualTo("{\"error\":\"internal error; the server log has the details\"}");
        }
    }
}
