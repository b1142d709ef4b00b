package io.papi.cli.status;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/** The GETs {@code papi status} makes: short timeouts, no redirects, headers given by the probe. */
final class StatusHttp {
    private final HttpClient client;
    private final Duration timeout;

    StatusHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** An answer, whatever its status. */
    record Answer(int status, String body) {}

    /** A GET that got no HTTP answer, named as a person would: "nothing listens", "timed out after 2 s". */
    static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    Answer get(URI uri, Map<String, String> headers) throws Unreachable {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).GET();
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (HttpConnectTimeoutException e) {
            throw new Unreachable("no connection within " + timeout.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw new Unreachable("no answer within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new Unreachable("nothing listens on " + uri.getHost() + ":" + uri.getPort());
        } catch (IOException e) {
            throw new Unreachable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }
}
