package io.papi.local;

import java.time.Instant;

/**
 * A session token that this account issued, unexpired, for the endpoint being called.
 *
 * @param user      the login name the session belongs to (what SPCS passes on as {@code Sf-Context-Current-User})
 * @param role      the session's role
 * @param endpoint  the ingress host the session was issued for, normalised (lower case, no scheme, no trailing slash)
 * @param expiresAt when the session stops being accepted
 */
public record VerifiedSession(String user, String role, String endpoint, Instant expiresAt) implements SessionCheck {}
