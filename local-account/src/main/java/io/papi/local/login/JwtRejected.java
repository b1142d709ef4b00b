package io.papi.local.login;

import io.papi.local.LoginFailureCode;

/**
 * A key-pair JWT failed one of Snowflake's rules. Expected on every bad login, so it carries no stack trace.
 */
public final class JwtRejected extends Exception {
    private final LoginFailureCode code;
    private final String user;

    /**
     * @param user   the login name the JWT claimed, or null when none could be read
     * @param reason one line with the values involved; never the JWT
     */
    public JwtRejected(LoginFailureCode code, String user, String reason) {
        super(reason, null, false, false);
        this.code = code;
        this.user = user;
    }

    public LoginFailureCode code() {
        return code;
    }

    public String user() {
        return user;
    }

    public String reason() {
        return getMessage();
    }
}
