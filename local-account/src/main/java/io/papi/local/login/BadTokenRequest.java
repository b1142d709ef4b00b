package io.papi.local.login;

/**
 * A token request that is not the shape {@code /oauth/token} takes, answered with an OAuth 2.0 error
 * (RFC 6749 section 5.2): {@code {"error": "...", "error_description": "..."}}.
 */
public final class BadTokenRequest extends Exception {
    private final int status;
    private final String error;

    /**
     * @param status      the HTTP status, 400 unless the body is too large (413) or the method wrong (405)
     * @param error       the OAuth error code: invalid_request, unsupported_grant_type, invalid_scope
     * @param description one line saying what was wrong and how to fix it
     */
    public BadTokenRequest(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
