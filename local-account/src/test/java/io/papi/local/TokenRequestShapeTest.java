package io.papi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests of the wrong shape get an OAuth 2.0 error that says what to fix, never a stack trace. */
class TokenRequestShapeTest extends RunningAccountTest {
    @Test
    void rejectsJsonContentType() throws Exception {
        HttpResponse<String> response =
                client.post("application/json", "{\"grant_type\":\"" + TokenClient.JWT_BEARER + "\"}");
        assertOAuthError(response, 400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
    }

    @Test
    void rejectsMissingContentType() throws Exception {
        HttpResponse<String> response =
                client.post(null, TokenClient.encode(Map.of("grant_type", TokenClient.JWT_BEARER)));
        assertOAuthError(response, 400, "invalid_request", "Content-Type must be");
    }

    @Test
    void acceptsFormContentTypeWithCharset() {
        String body = TokenClient.encode(
                Map.of("grant_type", TokenClient.JWT_BEARER, "scope", SCOPE, "assertion", jwt().rs256()));
        assertThat(client.post("application/x-www-form-urlencoded; charset=UTF-8", body)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void rejectsMissingGrantType() throws Exception {
        HttpResponse<String> response = client.post(
                "application/x-www-form-urlencoded",
                TokenClient.encode(Map.of("scope", SCOPE, "assertion", jwt().rs256())));
        assertOAuthError(response, 400, "invalid_request", "grant_type is missing");
    }

    @Test
    void rejectsOtherGrantTypes() throws Exception {
        HttpResponse<String> response = client.post(
                "application/x-www-form-urlencoded",
                TokenClient.encode(
                        Map.of("grant_type", "client_credentials", "scope", SCOPE, "assertion", jwt().rs256())));
        assertOAuthError(response, 400, "unsupported_grant_type", "'client_credentials'");
    }

    @Test
    void rejectsMissingAssertion() throws Exception {
        HttpResponse<String> response = client.post(
                "application/x-www-form-urlencoded",
                TokenClient.encode(Map.of("grant_type", TokenClient.JWT_BEARER, "scope", SCOPE)));
        assertOAuthError(response, 400, "invalid_request", "assertion is missing");
    }

    @Test
    void rejectsMissingScope() throws Exception {
        HttpResponse<String> response = client.post(
                "application/x-www-form-urlencoded",
                TokenClient.encode(Map.of("grant_type", TokenClient.JWT_BEARER, "assertion", jwt().rs256())));
        assertOAuthError(response, 400, "invalid_request", "scope is missing");
    }

    @Test
    void rejectsScopeWithoutHost() throws Exception {
        assertOAuthError(
                client.exchange(jwt().rs256(), "session:role:DATA_API_ROLE"),
                400,
                "invalid_scope",
                "names no ingress host");
    }

    @Test
    void rejectsScopeWithTwoHosts() throws Exception {
        assertOAuthError(
                client.exchange(jwt().rs256(), ENDPOINT + " other.example.com"),
                400,
                "invalid_scope",
                "more than one ingress host");
    }

    @Test
    void rejectsRepeatedParameter() throws Exception {
        String body = TokenClient.encode(
                        Map.of("grant_type", TokenClient.JWT_BEARER, "scope", SCOPE, "assertion", jwt().rs256()))
                + "&assertion=x";
        assertOAuthError(
                client.post("application/x-www-form-urlencoded", body), 400, "invalid_request", "more than once");
    }

    @Test
    void rejectsBadPercentEscape() throws Exception {
        assertOAuthError(
                client.post("application/x-www-form-urlencoded", "grant_type=%zz"), 400, "invalid_request", "%-escape");
    }

    @Test
    void rejectsOversizedBody() throws Exception {
        String body = "assertion=" + "a".repeat(70_000);
        assertOAuthError(
                client.post("application/x-www-form-urlencoded", body), 413, "invalid_request", "over 65536 bytes");
    }

    @Test
    void answersGetWithMethodNotAllowed() throws Exception {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(endpoint.tokenUrl()).GET().build());
        assertOAuthError(response, 405, "invalid_request", "takes POST");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void answersOtherPathsWithNotFound() throws Exception {
        URI other = endpoint.tokenUrl().resolve("/session/v1/login-request");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(other)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertOAuthError(response, 404, "not_found", "POST /oauth/token");
    }

    private static void assertOAuthError(
            HttpResponse<String> response, int status, String error, String descriptionPart) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_description").asText())
                .contains(descriptionPart)
                .doesNotContain("Exception", "\tat ");
    }
}
