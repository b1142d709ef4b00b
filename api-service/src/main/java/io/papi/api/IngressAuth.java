package io.papi.api;

/**
 * Decides whether a request may reach the API, standing in for the Snowpark Container Services (SPCS) ingress.
 *
 * <p>In SPCS the public endpoint's ingress has already authenticated every request (callers send
 * {@code Authorization: Snowflake Token="<session token>"}) and passes the user on in
 * {@code Sf-Context-Current-User}: there, use {@link #none()}, which lets everything through and keeps that
 * header. Locally, the CLI plugs in the local account's session-token verifier instead; then a client-supplied
 * {@code Sf-Context-Current-User} is removed and replaced by the verified user.
 *
 * <p>{@code /healthz} and {@code /readyz} are never checked: SPCS readiness probes reach the container port
 * directly, without a token. Nor is the static {@code /test} page, so that a browser can load it and send a
 * pasted session token with its lookups; every lookup is checked.
 *
 * <p>Implementations are called on request threads, concurrently, for every request: they must be thread-safe
 * and fast (cache verified tokens), and should not wait on the network. An exception thrown here answers 500
 * and is logged by class and location only, since its message might quote the credential.
 */
@FunctionalInterface
public interface IngressAuth {

    /**
     * @param authorizationHeaderOrNull the request's {@code Authorization} header as sent, or null when absent
     * @return allowed with the user, or denied with a one-line reason safe to show the caller
     */
    AuthDecision check(String authorizationHeaderOrNull);

    /**
     * Whether {@link #check} may wait (on I/O, a database, a lock held for long). The default, true, has the
     * server call it on a request thread of its own. Return false only when {@code check} never waits (a hash,
     * a signature check, a map lookup): the server then handles requests on the thread that read them, saving a
     * thread hand-off per request, and a {@code check} that did wait would stall other connections.
     */
    default boolean mayBlock() {
        return true;
    }

    /** No check here: the SPCS ingress in front has authenticated the caller already. */
    static IngressAuth none() {
        return NoIngressAuth.INSTANCE;
    }
}

/** The one {@link IngressAuth#none()}. */
final class NoIngressAuth implements IngressAuth {
    static final NoIngressAuth INSTANCE = new NoIngressAuth();

    private NoIngressAuth() {}

    @Override
    public AuthDecision check(String authorizationHeaderOrNull) {
        throw new IllegalStateException("IngressAuth.none() is never asked: the server skips the check");
    }

    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public String toString() {
        return "IngressAuth.none()";
    }
}
