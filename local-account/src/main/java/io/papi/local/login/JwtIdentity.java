package io.papi.local.login;

import io.papi.broker.KeyFingerprint;
import io.papi.local.LoginFailureCode;

/**
 * Who a key-pair JWT says it is: {@code iss = ACCOUNT.USER.SHA256:<fingerprint>} and {@code sub = ACCOUNT.USER}.
 * The account ends at the first dot (account names have none); the user is everything between it and the
 * fingerprint, so login names containing dots ({@code JOHN.DOE@EXAMPLE.COM}) still read back whole.
 */
record JwtIdentity(String account, String user, String fingerprint) {
    private static final String FINGERPRINT_MARK = "." + KeyFingerprint.PREFIX;

    static JwtIdentity parse(String issuer, String subject) throws JwtRejected {
        if (issuer == null || subject == null) {
            throw new JwtRejected(
                    LoginFailureCode.MALFORMED_ISSUER_OR_SUBJECT,
                    null,
                    "JWT has no " + (issuer == null ? "iss" : "sub")
                            + " claim: iss must be ACCOUNT.USER.SHA256:<fingerprint>, sub ACCOUNT.USER");
        }
        int mark = issuer.lastIndexOf(FINGERPRINT_MARK);
        if (mark <= 0) {
            throw new JwtRejected(
                    LoginFailureCode.MALFORMED_ISSUER_OR_SUBJECT,
                    null,
                    "iss " + UntrustedText.quote(issuer)
                            + " does not end with .SHA256:<fingerprint>: it must be ACCOUNT.USER.SHA256:<fingerprint>");
        }
        String accountAndUser = issuer.substring(0, mark);
        String fingerprint = issuer.substring(mark + 1);
        int dot = accountAndUser.indexOf('.');
        if (dot <= 0 || dot == accountAndUser.length() - 1) {
            throw new JwtRejected(
                    LoginFailureCode.MALFORMED_ISSUER_OR_SUBJECT,
                    null,
                    "iss " + UntrustedText.quote(issuer) + " has no ACCOUNT.USER part before the fingerprint");
        }
        String account = accountAndUser.substring(0, dot);
        String user = accountAndUser.substring(dot + 1);
        if (!subject.equals(accountAndUser)) {
            throw new JwtRejected(
                    LoginFailureCode.MALFORMED_ISSUER_OR_SUBJECT,
                    user,
                    "sub " + UntrustedText.quote(subject) + " differs from the ACCOUNT.USER of iss ("
                            + UntrustedText.quote(accountAndUser) + "): both must name the same account and user");
        }
        return new JwtIdentity(account, user, fingerprint);
    }
}
