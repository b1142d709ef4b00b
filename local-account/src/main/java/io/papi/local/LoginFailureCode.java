package io.papi.local;

/**
 * Why a key-pair JWT was rejected. A client only ever sees {@code 390144 JWT token is invalid} and a UUID; the cause
 * is for the account's administrator, as {@code SYSTEM$GET_LOGIN_FAILURE_DETAILS('<uuid>')} shows it in Snowflake.
 * Codes 394300-394307 are Snowflake's; 394390 and up are the local account's own, for rules Snowflake enforces but
 * whose cause code is not documented.
 */
public enum LoginFailureCode {
    USER_NOT_FOUND(394300, "user not found"),
    MISSING_ISSUE_OR_EXPIRY_TIME(394301, "iat or exp missing"),
    ISSUED_TOO_LONG_AGO(394302, "received more than 60 s after iat"),
    EXPIRED(394303, "expired"),
    FINGERPRINT_MISMATCH(394304, "public key fingerprint matches no key of the user"),
    NOT_RS256(394305, "not signed with RS256"),
    BAD_SIGNATURE(394306, "signature does not verify with the user's key"),
    ACCOUNT_MISMATCH(394307, "account does not match"),
    MALFORMED_JWT(394390, "not a JWT"),
    LIFETIME_OVER_ONE_HOUR(394391, "lifetime (exp - iat) over one hour"),
    MALFORMED_ISSUER_OR_SUBJECT(394392, "iss or sub not in the ACCOUNT.USER[.SHA256:fingerprint] form"),
    ISSUED_IN_FUTURE(394393, "iat more than 60 s in the future");

    private final int code;
    private final String summary;

    LoginFailureCode(int code, String summary) {
        this.code = code;
        this.summary = summary;
    }

    /** The numeric code, as the failure details and the local log show it. */
    public int code() {
        return code;
    }

    /** A few words on what the code means. */
    public String summary() {
        return summary;
    }
}
