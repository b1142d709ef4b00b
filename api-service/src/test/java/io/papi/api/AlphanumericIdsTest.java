package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AlphanumericIdsTest {

    @Test
    void alphanumericIdsAreRenderedAsJsonStringsWithCaseKept() throws Exception {
        FakeStore store = new FakeStore().with("abC9", "[1]").with("007", "[2]");
        try (RunningApi api = RunningApi.start(
                ApiConfig.builder().idMode(ApiConfig.IdMode.ALPHANUMERIC), store, IngressAuth.none())) {
            HttpResponse<String> r = api.get("/customer/abC9,007,abc9");

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body())
                    .isEqualTo("[{\"USER_ID\":\"abC9\",\"RECOMMENDATIONS\":[1]},"
                            + "{\"USER_ID\":\"007\",\"RECOMMENDATIONS\":[2]}]");
            assertThat(store.idsFetched()).containsExactly("abC9", "007", "abc9");
        }
    }

    @Test
    void alphanumericModeStillRefusesPunctuation() throws Exception {
        try (RunningApi api = RunningApi.start(
                ApiConfig.builder().idMode(ApiConfig.IdMode.ALPHANUMERIC), new FakeStore(), IngressAuth.none())) {
            RawHttp.Reply r = RawHttp.get(api.port(), "/customer/ab,c'd");

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body())
                    .isEqualTo("{\"error\":\"id 'c'd' at position 2 has a character that is not allowed: "
                            + "ids are letters, digits and ._:-, comma-separated, at most 100\"}");
            assertThat(RawHttp.get(api.port(), "/customer/ab,c-d.e_f:g").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void maxIdsAndMaxIdLengthAreConfigurable() throws Exception {
        try (RunningApi api =
                RunningApi.start(ApiConfig.builder().maxIds(2).maxIdLength(3), new FakeStore(), IngressAuth.none())) {
            assertThat(RawHttp.get(api.port(), "/customer/1,2,3").body())
                    .isEqualTo(
                            "{\"error\":\"3 ids given: ask for at most 2 per request (ids are digits, comma-separated, at most 2)\"}");
            assertThat(RawHttp.get(api.port(), "/customer/1234").body())
                    .isEqualTo(
                            "{\"error\":\"id '1234' at position 1 is 4 characters long: ids are at most 3 characters\"}");
            assertThat(RawHttp.get(api.port(), "/customer/1,2").status()).isEqualTo(200);
        }
    }
}
