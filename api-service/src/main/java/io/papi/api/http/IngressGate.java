package io.papi.api.http;

import io.papi.api.AuthDecision;
import io.papi.api.IngressAuth;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through only when {@link IngressAuth} allows it, the way the SPCS ingress does: the handler
 * behind sees {@code Sf-Context-Current-User} set to the verified user, never a value the client sent. With
 * {@link IngressAuth#none()} (inside SPCS, where the ingress already did all this) requests pass untouched.
 * Health and readiness probes and the static /test page always pass (see {@link Route#skipsIngressAuth()}).
 */
public final class IngressGate extends Handler.Wrapper {
    /** The header SPCS's ingress uses to pass the authenticated caller to the service. */
    public static final String CURRENT_USER = "Sf-Context-Current-User";

    private static final Logger LOG = LoggerFactory.getLogger(IngressGate.class);

    private final IngressAuth auth;
    private final UnauthorizedResponder unauthorized;

    public IngressGate(IngressAuth auth, UnauthorizedResponder unauthorized, Handler next) {
        super(next);
        this.auth = auth == IngressAuth.none() ? null : auth;
        this.unauthorized = unauthorized;
    }

    /** Blocking when the auth implementation may block, so Jetty never runs it on a network thread. */
    @Override
    public InvocationType getInvocationType() {
        return auth != null && auth.mayBlock() ? InvocationType.BLOCKING : super.getInvocationType();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (auth == null || Route.of(request.getHttpURI().getPath()).skipsIngressAuth()) {
            return super.handle(request, response, callback);
        }
        AuthDecision decision;
        try {
            decision = auth.check(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        } catch (RuntimeException e) {
            // the message may quote the credential it choked on: log where it failed, never what it said
            StackTraceElement[] at = e.getStackTrace();
            LOG.error(
                    "ingress auth failed with {} at {}; request refused",
                    e.getClass().getName(),
                    at.length > 0 ? at[0] : "unknown");
            Responses.json(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, Responses.INTERNAL_ERROR);
            return true;
        }
        if (!decision.isAllowed()) {
            unauthorized.answer(response, callback, decision.reason());
            return true;
        }
        return super.handle(new AuthenticatedRequest(request, decision.user()), response, callback);
    }
}
