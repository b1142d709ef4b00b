package io.papi.api.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/**
 * The request as the handler sees it once ingress auth let it in: {@code Sf-Context-Current-User} holds the
 * verified user, as the SPCS ingress sets it; whatever the client sent in that header is gone.
 */
final class AuthenticatedRequest extends Request.Wrapper {
    static final String CURRENT_USER = IngressGate.CURRENT_USER;

    private final HttpFields headers;

    AuthenticatedRequest(Request request, String user) {
        super(request);
        HttpFields.Mutable copy = HttpFields.build(request.getHeaders());
        copy.remove(CURRENT_USER);
        copy.put(CURRENT_USER, user);
        this.headers = copy.asImmutable();
    }

    @Override
    public HttpFields getHeaders() {
        return headers;
    }
}
