package io.papi.local;

/**
 * The answer to "may this request through the local ingress?": a {@link VerifiedSession} or a
 * {@link SessionRejection}, never both, never null.
 * <pre>{@code
 * SessionCheck check = verifier.verify(request.getHeader("Authorization"), "127.0.0.1:8080");
 * if (check instanceof VerifiedSession session) { ... session.user() ... }
 * else if (check instanceof SessionRejection rejection) { ... rejection.message() ... }
 * }</pre>
 */
public sealed interface SessionCheck permits VerifiedSession, SessionRejection {

    /** True for a {@link VerifiedSession}. */
    default boolean verified() {
        return this instanceof VerifiedSession;
    }
}
