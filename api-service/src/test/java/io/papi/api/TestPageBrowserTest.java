package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.papi.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /test page in a real headless Chromium: the form is submitted and what its script shows is read back. */
class TestPageBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = "ver:1-hint:1-ETMsDgAAAZbrowser";
    private static final List<String> AUTH_HEADERS = new CopyOnWriteArrayList<>();

    @TempDir
    static Path tmp;

    private static HeadlessChromium chromium;
    private static FakeStore store;
    private static RunningApi open;
    private static RunningApi guarded;
    private static com.sun.net.httpserver.HttpServer lists;

    @BeforeAll
    static void start() throws Exception {
        Path binary = HeadlessChromium.find().orElse(null);
        if (binary == null) {
            fail("install chromium to run the /test page browser test: apt-get install -y chromium (CI installs it)");
        }
        store = new FakeStore()
                .with("22", FakeStore.recs("Star Wars (1977)", "Fargo (1996)"))
                .with("186", FakeStore.recs("Heat"));
        open = RunningApi.start(store);
        IngressAuth needsSession = header -> {
            AUTH_HEADERS.add(String.valueOf(header));
            return ("Snowflake Token=\"" + SESSION + "\"").equals(header)
                    ? AuthDecision.allowed("BROWSER_USER")
                    : AuthDecision.denied("no valid session token");
        };
        guarded = RunningApi.start(ApiConfig.builder(), store, needsSession);
        lists = listsServer();
        Path profile = Files.createDirectory(tmp.resolve("profile"));
        chromium = HeadlessChromium.launch(binary, profile);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            Resources.closeAll(chromium, open, guarded);
        } finally {
            if (lists != null) {
                lists.stop(0);
            }
        }
    }

    /** Fills the form as a user would, clicks the button, waits for the page to show the outcome. */
    private static JsonNode submit(RunningApi api, String ids, String token) throws Exception {
        chromium.navigate(api.url("/test"));
        chromium.evaluate("document.getElementById('ids').value = " + JSON.writeValueAsString(ids) + ";"
                + "document.getElementById('token').value = " + JSON.writeValueAsString(token) + ";"
                + "document.getElementById('submit').click(); true");
        return shown();
    }

    private static JsonNode shown() throws Exception {
        chromium.waitFor("document.body.getAttribute('data-done') === 'true'", Duration.ofSeconds(15));
        return JSON.readTree(
                chromium.evaluate(
                        "JSON.stringify({"
                                + "status: document.getElementById('status').textContent,"
                                + "latency: document.getElementById('latency').textContent,"
                                + "result: document.getElementById('result').textContent,"
                                + "error: document.getElementById('error').textContent,"
                                + "rawOpen: document.getElementById('raw').open,"
                                + "history: Array.from(document.querySelectorAll('#history-list li')).map(li => li.getAttribute('data-ms')),"
                                + "bars: document.querySelectorAll('#chart .bar').length,"
                                + "groups: Array.from(document.querySelectorAll('#lists section')).map(s => ({"
                                + "  title: s.querySelector('h2').textContent,"
                                + "  rows: Array.from(s.querySelectorAll('tbody tr')).map(r => Array.from(r.cells).map(c => c.textContent))}))})"));
    }

    @Test
    void submittingTheFormShowsTheRecommendationsAndTheLatency() throws Exception {
        int before = store.lookups.size();

        JsonNode page = submit(open, "22,186", "");

        assertThat(page.get("status").asText()).isEqualTo("200");
        assertThat(page.get("latency").asText()).matches("\\d+\\.\\d ms");
        JsonNode result = JSON.readTree(page.get("result").asText());
        assertThat(result).hasSize(2);
        assertThat(result.get(0).get("USER_ID").asInt()).isEqualTo(22);
        assertThat(result.get(0).get("RECOMMENDATIONS").get(0).get("movie_name").asText())
                .isEqualTo("Star Wars (1977)");
        assertThat(result.get(1).get("USER_ID").asInt()).isEqualTo(186);
        assertThat(store.lookups.size())
                .as("the page's script really called the API")
                .isGreaterThan(before);
        assertThat(page.at("/groups/0/title").asText()).isEqualTo("User 22 (2)");
        assertThat(page.at("/groups/0/rows/0").toString()).isEqualTo("[\"1\",\"Star Wars (1977)\",\"\",\"5.00\"]");
        assertThat(page.at("/groups/0/rows/1").toString()).isEqualTo("[\"2\",\"Fargo (1996)\",\"\",\"4.00\"]");
        assertThat(page.at("/groups/1/title").asText()).isEqualTo("User 186 (1)");
        assertThat(page.get("rawOpen").asBoolean())
                .as("the raw JSON is folded beneath the list")
                .isFalse();
        chromium.screenshot(Path.of("target", "test-page.png"));
        assertThat(Path.of("target", "test-page.png")).isNotEmptyFile();
    }

    @Test
    void listsOfTheItemAndPopularRoutesRenderTheSameWay() throws Exception {
        String base = "http://127.0.0.1:" + lists.getAddress().getPort();
        chromium.navigate(base + "/test?path=item/50/similar");

        JsonNode page = shown();

        assertThat(page.get("status").asText()).isEqualTo("200");
        assertThat(page.at("/groups/0/title").asText()).isEqualTo("Recommendations for 50 (2)");
        assertThat(page.at("/groups/0/rows/0").toString()).isEqualTo("[\"1\",\"Heat (1995)\",\"6\",\"0.91\"]");
        assertThat(page.at("/groups/0/rows/1").toString()).isEqualTo("[\"2\",\"Casino (1995)\",\"16\",\"0.87\"]");

        chromium.navigate(base + "/test?path=popular");
        JsonNode popular = shown();
        assertThat(popular.at("/groups/0/rows/0/1").asText()).isEqualTo("Star Wars (1977)");
        assertThat(popular.at("/groups/0/rows").size()).isEqualTo(1);
    }

    @Test
    void aJsonBodyIsPostedSoThePersonalizeRoutesRenderToo() throws Exception {
        String base = "http://127.0.0.1:" + lists.getAddress().getPort();
        String body = java.net.URLEncoder.encode(
                "{\"recommenderArn\":\"arn:aws:personalize:::recommender/"
                        + "aws-ecomm-recommended-for-you\",\"userId\":\"u1\"}",
                java.nio.charset.StandardCharsets.UTF_8);
        chromium.navigate(base + "/test?path=recommendations&body=" + body);

        JsonNode page = shown();

        assertThat(page.get("status").asText())
                .as("the stub answers 200 only to a POST of JSON")
                .isEqualTo("200");
        assertThat(page.at("/groups/0/rows/0").toString()).isEqualTo("[\"1\",\"\",\"SKU-1\",\"0.42\"]");
        assertThat(page.at("/groups/0/rows").size()).isEqualTo(2);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedBeforeAnythingIsSent() throws Exception {
        String base = "http://127.0.0.1:" + lists.getAddress().getPort();
        chromium.navigate(base + "/test?path=recommendations&body="
                + java.net.URLEncoder.encode("{oops", java.nio.charset.StandardCharsets.UTF_8));

        JsonNode page = shown();

        assertThat(page.get("status").asText()).isEqualTo("refused");
        assertThat(page.get("error").asText()).contains("not JSON");
    }

    @Test
    void eachRequestAddsItsLatencyToTheHistory() throws Exception {
        chromium.navigate(open.url("/test"));
        for (String ids : List.of("22", "186", "22,abc")) {
            chromium.evaluate("document.getElementById('ids').value = " + JSON.writeValueAsString(ids) + ";"
                    + "document.body.removeAttribute('data-done'); document.getElementById('submit').click(); true");
            shown();
        }

        JsonNode page = shown();

        assertThat(page.get("history")).hasSize(3);
        page.get("history").forEach(ms -> assertThat(ms.asText()).matches("\\d+\\.\\d"));
        assertThat(page.get("bars").asInt()).isEqualTo(3);
        assertThat(page.get("error").asText()).contains("is not a number");
    }

    @Test
    void aRouteThatIsAUrlIsRefusedSoTheTokenNeverLeavesTheApi() throws Exception {
        chromium.navigate(open.url("/test"));
        chromium.evaluate("document.getElementById('path').value = 'https://example.invalid/steal';"
                + "document.getElementById('token').value = 'secret';"
                + "document.getElementById('submit').click(); true");

        JsonNode page = shown();

        assertThat(page.get("status").asText()).isEqualTo("refused");
        assertThat(page.get("error").asText()).contains("not a URL");
    }

    /** Serves the page next to canned answers of the item and popular routes (issue 12), which the API lacks yet. */
    private static com.sun.net.httpserver.HttpServer listsServer() throws Exception {
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page;
        try (var in = TestPageBrowserTest.class.getResourceAsStream("/io/papi/api/http/test-page.html")) {
            page = in.readAllBytes();
        }
        Map<String, String> answers = Map.of(
                "/item/50/similar",
                "{\"item_id\":50,\"items\":[{\"item_id\":6,\"score\":0.912,\"name\":\"Heat (1995)\"},"
                        + "{\"item_id\":16,\"score\":0.87,\"name\":\"Casino (1995)\"}]}",
                "/popular",
                "{\"items\":[{\"item_id\":50,\"score\":583,\"name\":\"Star Wars (1977)\"}]}");
        server.createContext("/recommendations", exchange -> {
            // Personalize's GetRecommendations: answered only to a POST of a JSON body naming a recommender
            String sent = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            boolean asPersonalize = exchange.getRequestMethod().equals("POST")
                    && String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                            .startsWith("application/json")
                    && sent.contains("\"recommenderArn\"");
            byte[] body = (asPersonalize
                            ? "{\"itemList\":[{\"itemId\":\"SKU-1\",\"score\":0.42},{\"itemId\":\"SKU-2\",\"score\":0.3}],"
                                    + "\"recommendationId\":\"RID-1\"}"
                            : "{\"message\":\"POST a GetRecommendations body\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(asPersonalize ? 200 : 400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.equals("/test")
                    ? page
                    : answers.getOrDefault(path, "{\"error\":\"no route\"}")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .set("Content-Type", path.equals("/test") ? "text/html; charset=utf-8" : "application/json");
            exchange.sendResponseHeaders(path.equals("/test") || answers.containsKey(path) ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void badIdsShowTheApisOneLineError() throws Exception {
        JsonNode page = submit(open, "22,abc", "");

        assertThat(page.get("status").asText()).isEqualTo("400");
        assertThat(JSON.readTree(page.get("result").asText()).get("error").asText())
                .isEqualTo("id 'abc' at position 2 is not a number: ids are digits, comma-separated, at most 100");
    }

    @Test
    void theSessionTokenFieldIsSentAsASnowflakeTokenHeader() throws Exception {
        JsonNode page = submit(guarded, "22", SESSION);

        assertThat(page.get("status").asText()).isEqualTo("200");
        assertThat(AUTH_HEADERS).contains("Snowflake Token=\"" + SESSION + "\"");
        assertThat(JSON.readTree(page.get("result").asText())
                        .get(0)
                        .get("USER_ID")
                        .asInt())
                .isEqualTo(22);
    }

    @Test
    void withoutATokenAGuardedApiAnswersUnauthorized() throws Exception {
        JsonNode page = submit(guarded, "22", "");

        assertThat(page.get("status").asText()).isEqualTo("401");
        assertThat(page.get("result").asText()).contains("no valid session token");
    }

    @Test
    void idsInTheQueryStringAreLookedUpOnLoad() throws Exception {
        chromium.navigate(open.url("/test?ids=186"));

        JsonNode page = shown();

        assertThat(page.get("status").asText()).isEqualTo("200");
        assertThat(JSON.readTree(page.get("result").asText())
                        .get(0)
                        .get("USER_ID")
                        .asInt())
                .isEqualTo(186);
    }
}
