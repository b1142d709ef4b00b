package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /metrics shows what an operator needs: latency by route and status, cache hits and misses, store errors. */
class MetricsTest {

    @Test
    void exposesLatencyHistogramByRouteAndStatusWithCacheAndStoreCounters() throws Exception {
        FakeStore store = new FakeStore().with("22", "[]");
        try (RunningApi api = RunningApi.start(store)) {
            api.get("/customer/22"); // miss
            api.get("/customer/22"); // hit
            api.get("/customer/22,186"); // hit + miss
            RawHttp.get(api.port(), "/customer/x"); // 400
            store.down = true;
            api.get("/customer/999"); // miss, store failure, 503

            String metrics = api.get("/metrics").body();

            assertThat(metrics).contains("# TYPE papi_http_server_requests_seconds histogram");
            assertThat(
                            line(
                                    metrics,
                                    "papi_http_server_requests_seconds_count{method=\"GET\",route=\"/customer/{ids}\",status=\"200\"}"))
                    .hasValue("3");
            assertThat(
                            line(
                                    metrics,
                                    "papi_http_server_requests_seconds_count{method=\"GET\",route=\"/customer/{ids}\",status=\"400\"}"))
                    .hasValue("1");
            assertThat(
                            line(
                                    metrics,
                                    "papi_http_server_requests_seconds_count{method=\"GET\",route=\"/customer/{ids}\",status=\"503\"}"))
                    .hasValue("1");
            assertThat(metrics)
                    .containsPattern(
                            "papi_http_server_requests_seconds_bucket\\{method=\"GET\",route=\"/customer/\\{ids}\",status=\"200\",le=\"0\\.001[0-9]*\"} [0-9.]+");
            assertThat(line(metrics, "papi_cache_lookups_total{result=\"hit\"}"))
                    .hasValue("2");
            assertThat(line(metrics, "papi_cache_lookups_total{result=\"miss\"}"))
                    .hasValue("3");
            assertThat(line(metrics, "papi_store_errors_total{reason=\"failure\"}"))
                    .hasValue("1");
            assertThat(line(metrics, "papi_store_errors_total{reason=\"timeout\"}"))
                    .hasValue("0");
            assertThat(line(metrics, "papi_cache_size")).hasValue("2");
            assertThat(metrics)
                    .contains(
                            "papi_store_lookup_seconds_count{outcome=\"ok\"} 2",
                            "papi_store_lookup_seconds_count{outcome=\"error\"} 1");
        }
    }

    @Test
    void rawPathsNeverBecomeLabelValues() throws Exception {
        try (RunningApi api = RunningApi.start(new FakeStore())) {
            api.get("/customer/12345");
            api.get("/some/random/path");

            String metrics = api.get("/metrics").body();

            assertThat(metrics).doesNotContain("12345", "/some/random/path").contains("route=\"unmatched\"");
        }
    }

    /** The value of the sample whose name and labels are exactly {@code series}, as an integer when whole. */
    private static Optional<String> line(String metrics, String series) {
        return Arrays.stream(metrics.split("\n"))
                .filter(l -> l.startsWith(series + " "))
                .map(l -> l.substring(series.length() + 1).trim())
                .map(v -> v.endsWith(".0") ? v.substring(0, v.length() - 2) : v)
                .findFirst();
    }
}
