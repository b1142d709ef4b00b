package io.papi.cli.stack;

import io.papi.api.AuthDecision;
import io.papi.api.IngressAuth;
import io.papi.local.SessionRejection;
import io.papi.local.SessionTokenVerifier;
import io.papi.local.VerifiedSession;

/**
 * The local account's session-token verifier as the API's ingress authentication: what SPCS's ingress does in
 * production, for one endpoint. api-service knows nothing of the local account; this adapter joins them.
 */
public final class LocalIngressAuth implements IngressAuth {
    private final SessionTokenVerifier verifier;
    private final String endpoint;

    public LocalIngressAuth(SessionTokenVerifier verifier, String endpoint) {
        this.verifier = verifier;
        this.endpoint = endpoint;
    }

    @Override
    public AuthDecision check(String authorizationHeaderOrNull) {
        var check = verifier.verify(authorizationHeaderOrNull, endpoint);
        if (check instanceof VerifiedSession session) {
            return AuthDecision.allowed(session.user());
        }
        return AuthDecision.denied(((SessionRejection) check).message());
    }

    /** An HMAC check of a token not seen before, a cache lookup after that: nothing waits. */
    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public String toString() {
        return "local session tokens for " + endpoint;
    }
}
