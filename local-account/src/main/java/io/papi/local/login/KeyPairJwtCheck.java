package io.papi.local.login;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.papi.local.LoginFailureCode;
import io.papi.local.store.StoredKey;
import io.papi.local.store.StoredUser;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a key-pair JWT the way Snowflake does before it issues a session:
 * <ol>
 *   <li>header {@code alg} is RS256 and nothing else: not {@code none}, not HS256 (which would let anyone who knows
 *       the public key forge a JWT by using its PEM as the HMAC secret), not RS384/RS512/PS256;</li>
 *   <li>{@code iss = ACCOUNT.USER.SHA256:<fingerprint>}, {@code sub = ACCOUNT.USER}, ACCOUNT is this account;</li>
 *   <li>USER exists; {@code iat} and {@code exp} are present;</li>
 *   <li>the fingerprint is one of the user's two keys, and the signature verifies with <em>that</em> key;</li>
 *   <li>not expired, {@code iat} at most 60 s in the past (and not more than 60 s ahead: clock skew),
 *       and {@code exp - iat} at most one hour.</li>
 * </ol>
 * The first rule broken decides the {@link LoginFailureCode}. Time rules come after the signature so that a
 * forgery is always reported as a forgery.
 */
public final class KeyPairJwtCheck {
    /** Snowflake rejects a JWT that arrives more than 60 seconds after its {@code iat}. */
    public static final long MAX_SECONDS_AFTER_ISSUE = 60;
    /** Snowflake rejects a JWT whose lifetime is over one hour. */
    public static final long MAX_LIFETIME_SECONDS = 3600;
    /** How far ahead of this clock a client's clock may run. */
    public static final long MAX_SECONDS_BEFORE_ISSUE = 60;

    /** Finds a user by its exact (upper-case) login name. */
    @FunctionalInterface
    public interface UserLookup {
        Optional<StoredUser> find(String loginName);
    }

    private final String account;
    private final UserLookup users;
    private final Clock clock;

    public KeyPairJwtCheck(String account, UserLookup users, Clock clock) {
        this.account = account;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Returns the user the JWT authenticates.
     *
     * @throws JwtRejected naming the first rule the JWT breaks
     */
    public StoredUser check(String assertion) throws JwtRejected {
        SignedJWT jwt = rs256(assertion);
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new JwtRejected(LoginFailureCode.MALFORMED_JWT, null, "JWT claims cannot be read: " + e.getMessage());
        }
        JwtIdentity identity = JwtIdentity.parse(stringClaim(claims, "iss"), stringClaim(claims, "sub"));
        if (!identity.account().equals(account)) {
            String hint =
                    identity.account().equalsIgnoreCase(account) ? " (the JWT must carry the account upper-cased)" : "";
            throw new JwtRejected(
                    LoginFailureCode.ACCOUNT_MISMATCH,
                    identity.user(),
                    "account " + UntrustedText.quote(identity.account()) + " in iss and sub is not this local account, "
                            + account + hint);
        }
        StoredUser user = users.find(identity.user()).orElseThrow(() -> userNotFound(identity.user()));
        Date issued = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        if (issued == null || expires == null) {
            throw new JwtRejected(
                    LoginFailureCode.MISSING_ISSUE_OR_EXPIRY_TIME,
                    user.name(),
                    "JWT has no "
                            + (issued == null && expires == null ? "iat and no exp" : issued == null ? "iat" : "exp")
                            + " claim: both must be epoch seconds");
        }
        StoredKey key = user.keyWithFingerprint(identity.fingerprint());
        if (key == null) {
            throw new JwtRejected(
                    LoginFailureCode.FINGERPRINT_MISMATCH,
                    user.name(),
                    "fingerprint " + UntrustedText.quote(identity.fingerprint())
                            + " in iss matches no key of user " + user.name() + " (RSA_PUBLIC_KEY "
                            + fingerprintOrUnset(user.key1())
                            + ", RSA_PUBLIC_KEY_2 " + fingerprintOrUnset(user.key2()) + ")");
        }
        verifySignature(jwt, key, user.name());
        checkTimes(issued.toInstant().getEpochSecond(), expires.toInstant().getEpochSecond(), user.name());
        return user;
    }

    private static SignedJWT rs256(String assertion) throws JwtRejected {
        JWT jwt;
        try {
            jwt = JWTParser.parse(assertion);
        } catch (ParseException e) {
            throw new JwtRejected(
                    LoginFailureCode.MALFORMED_JWT,
                    null,
                    "assertion is not a JWT (three base64url parts separated by dots): " + e.getMessage());
        }
        Algorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!(jwt instanceof SignedJWT signed) || !JWSAlgorithm.RS256.equals(algorithm)) {
            throw new JwtRejected(
                    LoginFailureCode.NOT_RS256,
                    null,
                    "JWT alg is " + UntrustedText.quote(algorithm == null ? null : algorithm.getName())
                            + "; only RS256 is accepted");
        }
        return signed;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) throws JwtRejected {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new JwtRejected(
                    LoginFailureCode.MALFORMED_ISSUER_OR_SUBJECT, null, "JWT claim " + name + " is not a string");
        }
    }

    private JwtRejected userNotFound(String claimed) {
        String upper = claimed.toUpperCase(Locale.ROOT);
        String hint = !upper.equals(claimed) && users.find(upper).isPresent()
                ? " (user " + upper + " exists: the JWT must carry the login name upper-cased)"
                : "";
        return new JwtRejected(
                LoginFailureCode.USER_NOT_FOUND,
                claimed,
                "user " + UntrustedText.quote(claimed) + " does not exist in local account " + account + hint);
    }

    private static void verifySignature(SignedJWT jwt, StoredKey key, String user) throws JwtRejected {
        boolean valid;
        try {
            valid = jwt.verify(new RSASSAVerifier(key.publicKey()));
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw new JwtRejected(
                    LoginFailureCode.BAD_SIGNATURE,
                    user,
                    "signature does not verify with key " + key.fingerprint() + " of user " + user
                            + ": the JWT was not signed with the private key of that fingerprint");
        }
    }

    private void checkTimes(long issued, long expires, String user) throws JwtRejected {
        long now = clock.instant().getEpochSecond();
        refuseIf(
                now >= expires,
                LoginFailureCode.EXPIRED,
                user,
                "JWT expired at " + Instant.ofEpochSecond(expires) + ", " + (now - expires) + " s before it arrived");
        refuseIf(
                issued - now > MAX_SECONDS_BEFORE_ISSUE,
                LoginFailureCode.ISSUED_IN_FUTURE,
                user,
                "JWT iat " + Instant.ofEpochSecond(issued) + " is " + (issued - now)
                        + " s in the future: the client's clock is ahead; sync it");
        refuseIf(
                now - issued > MAX_SECONDS_AFTER_ISSUE,
                LoginFailureCode.ISSUED_TOO_LONG_AGO,
                user,
                "JWT arrived " + (now - issued)
                        + " s after its iat (at most " + MAX_SECONDS_AFTER_ISSUE
                        + " s allowed): mint a fresh JWT for every request and retry, and check the client's clock");
        refuseIf(
                expires - issued > MAX_LIFETIME_SECONDS,
                LoginFailureCode.LIFETIME_OVER_ONE_HOUR,
                user,
                "JWT lifetime (exp - iat) is " + (expires - issued) + " s; at most " + MAX_LIFETIME_SECONDS
                        + " s allowed");
    }

    /** One of Snowflake's time rules: {@code broken} refuses the JWT with {@code code} and {@code reason}. */
    private static void refuseIf(boolean broken, LoginFailureCode code, String user, String reason) throws JwtRejected {
        if (broken) {
            throw new JwtRejected(code, user, reason);
        }
    }

    private static String fingerprintOrUnset(StoredKey key) {
        return key == null ? "unset" : key.fingerprint();
    }
}
