package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guide's routes, answered the way its clients expect. */
class RoutesTest {
    private static final String TOY_STORY = FakeStore.recs("Toy Story", "Heat");
    private static final String CASINO = FakeStore.recs("Casino");

    @AutoClose
    private static RunningApi api;

    private static FakeStore store;

    @BeforeAll
    static void start() throws Exception {
        store = new FakeStore().with("22", TOY_STORY).with("186", CASINO).with("7", "[]");
        api = RunningApi.start(store);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            root says nothing to see here                     | /                | {"result":"Nothing to see here"}
            only unknown ids answer an empty array            | /customer/424242 | []
            leading zeros name the same numeric user          | /customer/007    | [{"USER_ID":7,"RECOMMENDATIONS":[]}]
            healthz says ok                                   | /healthz         | {"status":"ok"}
            readyz is ready when the store answers its ping   | /readyz          | {"status":"ready"}
            """)
    void answersOkWithJson(String what, String path, String body) throws Exception {
        assertThat(api.getJson(path, 200)).as(what).isEqualTo(body);
    }

    @Test
    void oneIdAnswersAnArrayWithRecommendationsAsJsonNotAString() throws Exception {
        HttpResponse<String> r = api.get("/customer/22");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo("[{\"USER_ID\":22,\"RECOMMENDATIONS\":" + TOY_STORY + "}]");
        assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    }

    @Test
    void severalIdsAnswerInRequestOrderWithDuplicatesOnceAndUnknownIdsAbsent() throws Exception {
        HttpResponse<String> r = api.get("/customer/186,999,22,186,0022");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .isEqualTo("[{\"USER_ID\":186,\"RECOMMENDATIONS\":" + CASINO + "},"
                        + "{\"USER_ID\":22,\"RECOMMENDATIONS\":" + TOY_STORY + "}]");
    }

    @Test
    void unknownPathIsNotFoundJson() throws Exception {
        for (String path : new String[] {"/nope", "/customer/22/extra", "/customers/22", "/test/"}) {
            assertThat(api.getJson(path, 404)).isEqualTo("{\"error\":\"Not found!\"}");
        }
    }

    @Test
    void wrongMethodIsMethodNotAllowedJsonWithAllow() throws Exception {
        HttpResponse<String> r = api.send(HttpRequest.newBuilder(URI.create(api.url("/customer/22")))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).hasValue("GET, HEAD");
        assertThat(r.body()).isEqualTo("{\"error\":\"method POST is not allowed on /customer/{ids}: use GET\"}");
    }

    @Test
    void unknownMethodIsMethodNotAllowedToo() throws Exception {
        RawHttp.Reply r = RawHttp.send(api.port(), "BREW", "/".getBytes(), Map.of());

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.body()).contains("method BREW is not allowed on /");
    }

    @Test
    void headAnswersHeadersWithoutBody() throws Exception {
        RawHttp.Reply r = RawHttp.send(api.port(), "HEAD", "/customer/22".getBytes(), Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void testPageIsHtmlWithAFormUsingRelativeUrls() throws Exception {
        HttpResponse<String> r = api.get("/test");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(r.body())
                .contains(
                        "<form id=\"lookup\"",
                        "id=\"ids\"",
                        "id=\"token\"",
                        "id=\"latency\"",
                        "'customer/' +",
                        "Snowflake Token=");
        assertThat(r.body()).doesNotContain("http://", "'/customer");
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        api.get("/customer/22");

        HttpResponse<String> r = api.get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
        assertThat(r.body()).contains("# TYPE papi_http_server_requests_seconds histogram");
    }

    @Test
    void responsesDoNotAdvertiseTheServer() throws Exception {
        assertThat(api.get("/").headers().firstValue("server")).isEmpty();
    }
}
