package io.papi.cli.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.papi.cli.JsonOutput;
import io.papi.cli.PapiException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Takes tokens from a running {@code papi broker}, over TCP ({@code http://127.0.0.1:8081}) or its Unix socket
 * ({@code unix:/path/broker.sock}): {@code GET /token.json}, and {@code POST /invalidate} after a 401.
 */
public final class BrokerTokens {
    /** Asked of the broker so that the token does not run out during the call. */
    static final String MIN_VALID = "10s";

    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    private final String shown;
    private final HttpUrl base;
    private final Path socket;
    private final String bearer;
    private final String identity;
    private final OkHttpClient client;

    /**
     * @param broker {@code http://HOST:PORT} or {@code unix:/path}
     * @param bearer the broker's secret (its secret file), or null
     * @param identity which of the broker's identities, or null for its only one
     */
    public BrokerTokens(URI broker, String bearer, String identity, OkHttpClient client) {
        if ("unix".equals(broker.getScheme())) {
            String path = broker.getSchemeSpecificPart();
            if (path == null || !path.startsWith("/")) {
                throw PapiException.usage("--broker '" + broker
                        + "': give the socket's absolute path, such as unix:/run/papi/broker.sock");
            }
            this.socket = Path.of(path);
            this.base = null;
        } else {
            HttpUrl url = HttpUrl.parse(broker.toString());
            if (url == null
                    || url.encodedPath().length() > 1 && !url.encodedPath().equals("/")) {
                throw PapiException.usage(
                        "--broker '" + broker + "' is not the broker's base URL, such as http://127.0.0.1:8081 "
                                + "or unix:/path/broker.sock");
            }
            this.socket = null;
            this.base = url;
        }
        this.shown = broker.toString();
        this.bearer = bearer;
        this.identity = identity;
        this.client = client;
    }

    /** True when the broker is reached over its Unix socket (where no secret is needed). */
    public static boolean isSocket(URI broker) {
        return "unix".equals(broker.getScheme());
    }

    /** A token with at least 10 s left, as {@code (token, token_hash)}. */
    public CallToken fetch() {
        String query = "?min_valid=" + MIN_VALID + (identity != null ? "&identity=" + encode(identity) : "");
        JsonNode answer = send("GET", "/token.json" + query, null);
        return new CallToken(
                answer.path("token").asText(), answer.path("token_hash").asText(), true);
    }

    /** Tells the broker the token was rejected, so that the next fetch brings a new one. */
    public void invalidate(CallToken token) {
        String form = "token_hash=" + encode(token.hash()) + (identity != null ? "&identity=" + encode(identity) : "");
        send("POST", "/invalidate", form.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> headers(boolean form) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Papi-Broker", "1");
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        if (form) {
            headers.put("Content-Type", FORM.toString());
        }
        return headers;
    }

    private JsonNode send(String method, String pathAndQuery, byte[] form) {
        int status;
        String body;
        try {
            if (socket != null) {
                UnixSocketHttp.Answer answer = UnixSocketHttp.send(
                        socket,
                        method,
                        pathAndQuery,
                        headers(form != null),
                        form,
                        Duration.ofMillis(Math.max(1_000, client.callTimeoutMillis())));
                status = answer.status();
                body = answer.body();
            } else {
                Request.Builder request = new Request.Builder().url(base.resolve(pathAndQuery));
                headers(false).forEach(request::header);
                request.method(method, form == null ? null : RequestBody.create(form, FORM));
                try (Response response = client.newCall(request.build()).execute()) {
                    status = response.code();
                    body = response.body() == null ? "" : response.body().string();
                }
            }
        } catch (IOException e) {
            throw PapiException.failure("cannot reach the broker at " + shown + " (" + e.getMessage()
                    + "): start it with papi broker, or drop --broker to mint a token here");
        }
        JsonNode json = parse(body);
        if (status >= 200 && status < 300 && json != null) {
            return json;
        }
        String error =
                json != null && json.hasNonNull("error") ? json.get("error").asText() : "HTTP " + status;
        if (status == 401) {
            throw PapiException.usage(
                    "the broker at " + shown + " wants its secret: pass --auth-token-file with the broker's file "
                            + "(by default $PAPI_HOME/broker/secret, which papi call reads when it exists)");
        }
        if (status == 403) {
            throw PapiException.failure("the broker at " + shown + " refused the request: " + error);
        }
        throw PapiException.failure("the broker at " + shown + " has no token: " + error);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JsonOutput.MAPPER.readTree(body);
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
