package io.papi.local;

/**
 * Why a request's session token was not accepted.
 *
 * @param reason  the kind of failure, for status codes and metrics
 * @param message one line saying what was wrong and what to do; names the token only by a short hash
 */
public record SessionRejection(Reason reason, String message) implements SessionCheck {

    public enum Reason {
        /** No Authorization header, or an empty one. */
        MISSING,
        /** Not {@code Snowflake Token="<token>"}, or the token is not a session token of this kind. */
        MALFORMED,
        /** The token's signature does not verify with this account's key: forged or altered. */
        BAD_SIGNATURE,
        /** The session is over: get a new token. */
        EXPIRED,
        /** The session was issued for another ingress host. */
        WRONG_ENDPOINT,
        /** The token was issued by another account (another name, or another directory's key). */
        OTHER_ACCOUNT
    }
}
