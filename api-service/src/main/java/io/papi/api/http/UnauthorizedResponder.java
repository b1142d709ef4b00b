package io.papi.api.http;

import io.papi.api.ApiConfig;
import io.papi.api.ApiConfig.UnauthorizedMode;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What a caller the ingress auth denied gets: 401 {@code {"error": reason}}, or, like the SPCS ingress does for a
 * caller without a valid session, a 302 to the login page (with the same JSON body for non-browser clients).
 */
public final class UnauthorizedResponder {
    private static final HttpField CHALLENGE = new PreEncodedHttpField(HttpHeader.WWW_AUTHENTICATE, "Snowflake");

    private final UnauthorizedMode mode;
    private final HttpField location;

    public UnauthorizedResponder(ApiConfig config) {
        this.mode = config.unauthorized().mode();
        this.location = config.unauthorized().loginUrl() == null
                ? null
                : new PreEncodedHttpField(
                        HttpHeader.LOCATION, config.unauthorized().loginUrl());
    }

    void answer(Response response, Callback callback, String reason) {
        byte[] body = Json.error(reason);
        if (mode == UnauthorizedMode.REDIRECT_302) {
            response.getHeaders().put(location);
            Responses.json(response, callback, HttpStatus.FOUND_302, body);
        } else {
            response.getHeaders().put(CHALLENGE);
            Responses.json(response, callback, HttpStatus.UNAUTHORIZED_401, body);
        }
    }
}
