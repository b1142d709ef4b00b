package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An ApiServer on a free loopback port, with a client for it; close stops it. */
final class RunningApi implements AutoCloseable {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final ApiServer server;

    private RunningApi(ApiServer server) {
        this.server = server;
    }

    static RunningApi start(ApiConfig.Builder config, RecommendationStore store, IngressAuth auth) throws IOException {
        return new RunningApi(ApiServer.start(config.host("127.0.0.1").port(0).build(), store, auth));
    }

    static RunningApi start(RecommendationStore store) throws IOException {
        return start(ApiConfig.builder(), store, IngressAuth.none());
    }

    int port() {
        return server.port();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    /** GETs {@code path}, asserts the reply is {@code status} with an application/json body, and returns the body. */
    String getJson(String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).as(path).hasValue("application/json");
        return r.body();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(1));
    }
}
