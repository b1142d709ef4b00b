package io.papi.api;

import java.util.Objects;

/**
 * What an {@link IngressAuth} decided about one request: allowed as a named user, or denied with a reason.
 *
 * <p>An allowed request reaches the API with header {@code Sf-Context-Current-User: <user>}, the header the
 * Snowpark Container Services ingress sets for the caller it authenticated. A denied request is answered
 * 401 with {@code {"error": reason}}, or redirected to the login page when so configured (SPCS's behaviour).
 * The reason is shown to the caller: it must never contain a token or any other secret.
 */
public final class AuthDecision {
    private final String user;
    private final String reason;

    private AuthDecision(String user, String reason) {
        this.user = user;
        this.reason = reason;
    }

    /** The caller is authenticated as {@code user} (the Snowflake user name, as SPCS passes it on). */
    public static AuthDecision allowed(String user) {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("an allowed request needs a user name, got a blank one");
        }
        return new AuthDecision(user, null);
    }

    /** The caller is not let in; {@code reason} is one line shown to the caller, with no secret in it. */
    public static AuthDecision denied(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new AuthDecision(null, reason.isBlank() ? "not authenticated" : reason);
    }

    public boolean isAllowed() {
        return user != null;
    }

    /** The authenticated user; only for an allowed decision. */
    public String user() {
        if (user == null) {
            throw new IllegalStateException("a denied decision has no user");
        }
        return user;
    }

    /** Why the request was denied; only for a denied decision. */
    public String reason() {
        if (reason == null) {
            throw new IllegalStateException("an allowed decision has no reason");
        }
        return reason;
    }

    @Override
    public String toString() {
        return isAllowed() ? "allowed(" + user + ")" : "denied(" + reason + ")";
    }
}
