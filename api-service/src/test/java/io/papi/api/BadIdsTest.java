package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed id reaches neither the store nor a 500: the caller gets 400 and one line saying why. */
class BadIdsTest {
    private static FakeStore store;

    @AutoClose
    private static RunningApi api;

    @BeforeAll
    static void start() throws Exception {
        store = new FakeStore().with("22", FakeStore.recs("Toy Story"));
        api = RunningApi.start(store);
    }

    static Stream<Arguments> badRequests() {
        String thousandIds =
                IntStream.rangeClosed(1, 1000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of(
                        "sql injection",
                        "/customer/1)%20OR%201=1%20--",
                        "id '1) OR 1=1 --' at position 1 is not a number"),
                Arguments.of("sql injection, quote", "/customer/22'%20OR%20'1'='1", "at position 1 is not a number"),
                Arguments.of(
                        "10,000-character id",
                        "/customer/" + "9".repeat(10_000),
                        "is 10000 characters long: ids are at most 256 characters"),
                Arguments.of(
                        "1,000 ids", "/customer/" + thousandIds, "1000 ids given: ask for at most 100 per request"),
                Arguments.of("empty", "/customer/", "no ids given"),
                Arguments.of("no segment", "/customer", "no ids given"),
                Arguments.of("two commas", "/customer/,,", "id at position 1 is empty"),
                Arguments.of("trailing comma", "/customer/22,", "id at position 2 is empty"),
                Arguments.of("letters in numeric mode", "/customer/22,abc", "id 'abc' at position 2 is not a number"),
                Arguments.of("encoded non-ASCII", "/customer/%C3%A9", "id '%C3%A9' at position 1 is not a number"),
                Arguments.of("encoded slash", "/customer/1%2F2", "id '1/2' at position 1 is not a number"),
                Arguments.of("encoded slash alone", "/customer/%2F", "id '/' at position 1 is not a number"),
                Arguments.of("encoded NUL", "/customer/1%00", "no NUL or control characters"),
                Arguments.of("malformed escape", "/customer/1%G0", "percent-escapes are % and two hex digits"),
                Arguments.of("truncated escape", "/customer/1%", "percent-escapes are % and two hex digits"),
                Arguments.of("encoded dot-dot", "/customer/%2E%2E", "id '..' at position 1 is not a number"),
                Arguments.of("path parameter", "/customer/22;jsessionid=1", "is not a number"),
                Arguments.of("negative", "/customer/-1", "id '-1' at position 1 is not a number"),
                Arguments.of("spaces encoded as plus", "/customer/1+2", "id '1+2' at position 1 is not a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersBadRequestWithJsonNamingTheProblem(String what, String target, String expected) throws Exception {
        RawHttp.Reply reply = RawHttp.get(api.port(), target);

        assertThat(reply.status()).as(what).isEqualTo(400);
        assertThat(reply.header("content-type")).startsWith("application/json");
        assertThat(reply.body())
                .startsWith("{\"error\":\"")
                .contains(expected)
                .doesNotContain("\n")
                .hasSizeLessThan(300);
    }

    @Test
    void rawNonAsciiBytesInThePathGetBadRequestJson() throws Exception {
        byte[] target = "/customer/é".getBytes(StandardCharsets.UTF_8);

        RawHttp.Reply reply = RawHttp.send(api.port(), "GET", target, Map.of());

        assertThat(reply.status()).isEqualTo(400);
        assertJsonError(reply, "{\"error\":");
    }

    /** A JSON error reply whose body starts with {@code start}, not Jetty's HTML. */
    private static void assertJsonError(RawHttp.Reply reply, String start) {
        assertThat(reply.header("content-type")).startsWith("application/json");
        assertThat(reply.body()).startsWith(start);
    }

    @Test
    void rawSpacesInTheRequestLineGetBadRequestJsonFromJetty() throws Exception {
        RawHttp.Reply reply = RawHttp.get(api.port(), "/customer/1) OR 1=1 --");

        assertThat(reply.status()).isEqualTo(400);
        assertJsonError(reply, "{\"error\":\"bad request");
    }

    @Test
    void rawSlashInIdsIsNotFoundLikeAnyOtherPath() throws Exception {
        RawHttp.Reply reply = RawHttp.get(api.port(), "/customer/1/2");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"error\":\"Not found!\"}");
    }

    @Test
    void uriBeyondTheHeaderLimitGetsJsonNotJettyHtml() throws Exception {
        RawHttp.Reply reply = RawHttp.get(api.port(), "/customer/" + "1,".repeat(20_000) + "1");

        assertThat(reply.status()).isBetween(400, 431);
        assertJsonError(reply, "{\"error\":\"request URI too long");
    }

    @Test
    void noBadRequestEverReachedTheStore() throws Exception {
        for (Arguments args : badRequests().toList()) {
            RawHttp.get(api.port(), (String) args.get()[1]);
        }
        assertThat(store.lookups).isEmpty();
    }
}
