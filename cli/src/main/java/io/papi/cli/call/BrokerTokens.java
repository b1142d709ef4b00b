package io.papi.cli.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.papi.cli.Json;
import io.papi.cli.PapiException;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Takes tokens from a running {@code papi broker}: {@code GET /token.json}, and {@code POST /invalidate} after a 401. */
public final class BrokerTokens {
    /** Asked of the broker so that the token does not run out during the call. */
    static final String MIN_VALID = "10s";

    private final HttpUrl base;
    private final String bearer;
    private final String identity;
    private final OkHttpClient client;

    /**
     * @param bearer the broker's secret (its --auth-token-file), or null
     * @param identity which of the broker's identities, or null for its only one
     */
    public BrokerTokens(URI broker, String bearer, String identity, OkHttpClient client) {
        HttpUrl url = HttpUrl.parse(broker.toString());
        if (url == null || url.encodedPath().length() > 1 && !url.encodedPath().equals("/")) {
            throw PapiException.usage("--broker '" + broker + "' is not the broker's base URL, such as http://127.0.0.1:8081");
        }
        this.base = url;
        this.bearer = bearer;
        this.identity = identity;
        this.client = client;
    }

    /** A token with at least 10 s left, as {@code (token, token_hash)}. */
    public CallToken fetch() {
        HttpUrl.Builder url = base.newBuilder().encodedPath("/token.json").addQueryParameter("min_valid", MIN_VALID);
        if (identity != null) {
            url.addQueryParameter("identity", identity);
        }
        JsonNode answer = send(request(url.build()).get().build());
        return new CallToken(answer.path("token").asText(), answer.path("token_hash").asText(), true);
    }

    /** Tells the broker the token was rejected, so that the next fetch brings a new one. */
    public void invalidate(CallToken token) {
        FormBody.Builder form = new FormBody.Builder().add("token_hash", token.hash());
        if (identity != null) {
            form.add("identity", identity);
        }
        send(request(base.newBuilder().encodedPath("/invalidate").build()).post(form.build()).build());
    }

    private Request.Builder request(HttpUrl url) {
        Request.Builder request = new Request.Builder().url(url).header("X-Papi-Broker", "1");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    private JsonNode send(Request request) {
        try (Response response = client.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            JsonNode json = parse(body);
            if (response.isSuccessful() && json != null) {
                return json;
            }
            String error = json != null && json.hasNonNull("error") ? json.get("error").asText() : "HTTP " + response.code();
            if (response.code() == 401) {
                throw PapiException.usage("the broker at " + base + " wants its bearer secret: pass --auth-token-file with the broker's file");
            }
            throw PapiException.failure("the broker at " + base + " has no token: " + error);
        } catch (IOException e) {
            throw PapiException.failure("cannot reach the broker at " + base + " (" + e.getMessage()
                    + "): start it with papi broker, or drop --broker to mint a token here");
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** For messages. */
    public Optional<String> identity() {
        return Optional.ofNullable(identity);
    }
}
