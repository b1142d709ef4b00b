package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    @BeforeAll
    static void start() throws Exception {
        Path binary = HeadlessChromium.find().orElse(null);
        if (binary == null) {
            fail("install chromium to run the /test page browser test: apt-get install -y chromium (CI installs it)");
        }
        store = new FakeStore().with("22", FakeStore.recs("Star Wars (1977)", "Fargo (1996)")).with("186", FakeStore.recs("Heat"));
        open = RunningApi.start(store);
        IngressAuth needsSession = header -> {
            AUTH_HEADERS.add(String.valueOf(header));
            return ("Snowflake Token=\"" + SESSION + "\"").equals(header) ? AuthDecision.allowed("BROWSER_USER")
                    : AuthDecision.denied("no valid session token");
        };
        guarded = RunningApi.start(ApiConfig.builder(), store, needsSession);
        Path profile = Files.createDirectory(tmp.resolve("profile"));
        chromium = HeadlessChromium.launch(binary, profile);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (open != null) {
            open.close();
        }
        if (guarded != null) {
            guarded.close();
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
        return JSON.readTree(chromium.evaluate("JSON.stringify({"
                + "status: document.getElementById('status').textContent,"
                + "latency: document.getElementById('latency').textContent,"
                + "result: document.getElementById('result').textContent})"));
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
        assertThat(result.get(0).get("RECOMMENDATIONS").get(0).get("movie_name").asText()).isEqualTo("Star Wars (1977)");
        assertThat(result.get(1).get("USER_ID").asInt()).isEqualTo(186);
        assertThat(store.lookups.size()).as("the page's script really called the API").isGreaterThan(before);
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
        assertThat(JSON.readTree(page.get("result").asText()).get(0).get("USER_ID").asInt()).isEqualTo(22);
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
        assertThat(JSON.readTree(page.get("result").asText()).get(0).get("USER_ID").asInt()).isEqualTo(186);
    }
}
