package io.papi.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.papi.local.login.UntrustedText;
import io.papi.local.session.EndpointName;
import io.papi.local.session.SessionSigningKey;
import io.papi.local.session.SessionTokenIssuer;
import io.papi.local.session.SnowflakeAuthorization;
import io.papi.local.session.TokenDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.LongAdder;

/**
 * The local ingress's authentication: accepts a request when its {@code Authorization: Snowflake Token="<token>"}
 * carries a session token this account issued, unexpired, for the endpoint being called.
 *
 * <p>A token that passes is cached until it expires, keyed by its SHA-256 (the cache never holds a token), so a
 * client reusing its token, which is every client, pays for a hash and a map lookup instead of a parse and an HMAC.
 * The cache is bounded; rejections are not cached. Endpoints are compared without case, {@code https://} or a
 * trailing slash. Thread-safe.
 */
public final class SessionTokenVerifier {
    /** Verified sessions kept at most; beyond it the least useful are dropped (and verified again if they return). */
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final String account;
    private final String keyId;
    private final MACVerifier mac;
    private final Clock clock;
    private final Cache<TokenDigest, VerifiedSession> cache;
    private final LongAdder signatureChecks = new LongAdder();

    SessionTokenVerifier(String account, SessionSigningKey key, Clock clock, int cacheSize) {
        this.account = account;
        this.keyId = key.keyId();
        try {
            this.mac = new MACVerifier(key.secret());
        } catch (JOSEException e) {
            throw new IllegalStateException("session signing key is shorter than 256 bits", e);
        }
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .expireAfter(new UntilSessionExpires(clock))
                .build();
    }

    /**
     * Checks one request's credentials.
     *
     * @param authorizationHeaderValue the request's {@code Authorization} header value; null when absent
     * @param expectedEndpoint         the ingress host this request came in through, e.g. {@code 127.0.0.1:8080}
     *                                 ({@code https://}, case and a trailing slash do not matter)
     * @return a {@link VerifiedSession}, or a {@link SessionRejection} saying why not
     */
    public SessionCheck verify(String authorizationHeaderValue, String expectedEndpoint) {
        if (authorizationHeaderValue == null || authorizationHeaderValue.isBlank()) {
            return new SessionRejection(
                    SessionRejection.Reason.MISSING,
                    "no Authorization header: send Authorization: Snowflake Token=\"<session token>\" with a token from /oauth/token");
        }
        String token = SnowflakeAuthorization.tokenOf(authorizationHeaderValue);
        if (token == null) {
            return new SessionRejection(
                    SessionRejection.Reason.MALFORMED,
                    "Authorization header is not Snowflake Token=\"<session token>\": send the session token in that form");
        }
        TokenDigest digest = TokenDigest.of(token);
        VerifiedSession session = cache.getIfPresent(digest);
        if (session == null) {
            SessionCheck fresh = verifySignedToken(token, digest);
            if (fresh instanceof SessionRejection rejection) {
                return rejection;
            }
            session = (VerifiedSession) fresh;
            if (isOver(session)) {
                return expired(digest, session);
            }
            cache.put(digest, session);
        } else if (isOver(session)) {
            cache.invalidate(digest);
            return expired(digest, session);
        }
        String expected = EndpointName.normalise(expectedEndpoint);
        if (!session.endpoint().equals(expected)) {
            return new SessionRejection(
                    SessionRejection.Reason.WRONG_ENDPOINT,
                    "session token " + digest + " was issued for endpoint " + session.endpoint() + ", not " + expected
                            + ": request a token whose scope names " + expected);
        }
        return session;
    }

    private SessionCheck verifySignedToken(String token, TokenDigest digest) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new SessionRejection(
                    SessionRejection.Reason.MALFORMED,
                    "token " + digest + " is not a session token (not a signed JWT): get one from /oauth/token");
        }
        JWSHeader header = jwt.getHeader();
        String issuer = claims.getIssuer();
        if (JWSAlgorithm.RS256.equals(header.getAlgorithm()) && issuer != null && issuer.contains(".SHA256:")) {
            return new SessionRejection(
                    SessionRejection.Reason.MALFORMED,
                    "token " + digest + " is a key-pair JWT, not a "
                            + "session token: exchange it at /oauth/token and send the session token it returns");
        }
        if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
            return new SessionRejection(
                    SessionRejection.Reason.BAD_SIGNATURE,
                    "token " + digest + " is signed with " + header.getAlgorithm()
                            + ", and local session tokens are HS256: it was not issued by a local account");
        }
        if (!account.equals(issuer)) {
            return new SessionRejection(
                    SessionRejection.Reason.OTHER_ACCOUNT,
                    "token " + digest + " was issued by account "
                            + UntrustedText.quote(issuer) + ", not " + account
                            + ": get a token from this account's /oauth/token");
        }
        if (!keyId.equals(header.getKeyID())) {
            return new SessionRejection(
                    SessionRejection.Reason.OTHER_ACCOUNT,
                    "token " + digest + " was signed by another "
                            + "local account's key, not this one's (" + keyId
                            + "): it comes from another directory, or this "
                            + "account's signing key was replaced; get a new token");
        }
        signatureChecks.increment();
        boolean valid;
        try {
            valid = jwt.verify(mac);
        } catch (JOSEException e) {
            valid = false;
        }
        if (!valid) {
            return new SessionRejection(
                    SessionRejection.Reason.BAD_SIGNATURE,
                    "token " + digest + " has a signature this account did not make: it was forged or altered");
        }
        try {
            String user = claims.getSubject();
            String role = claims.getStringClaim(SessionTokenIssuer.ROLE_CLAIM);
            String endpoint = claims.getStringClaim(SessionTokenIssuer.ENDPOINT_CLAIM);
            Date expires = claims.getExpirationTime();
            if (user == null || role == null || endpoint == null || expires == null) {
                throw new ParseException("missing claim", 0);
            }
            return new VerifiedSession(user, role, EndpointName.normalise(endpoint), expires.toInstant());
        } catch (ParseException e) {
            return new SessionRejection(
                    SessionRejection.Reason.MALFORMED,
                    "token " + digest
                            + " lacks sub, role, endpoint or exp: it is not a session token this account issued");
        }
    }

    private boolean isOver(VerifiedSession session) {
        return !clock.instant().isBefore(session.expiresAt());
    }

    private static SessionRejection expired(TokenDigest digest, VerifiedSession session) {
        return new SessionRejection(
                SessionRejection.Reason.EXPIRED,
                "session token " + digest + " expired at " + session.expiresAt() + ": get a new one from /oauth/token");
    }

    /**
     * How many tokens this verifier has had to check cryptographically: the cache misses that got as far as the HMAC.
     * A metric, and the evidence that a cached token costs no crypto.
     */
    public long signatureChecks() {
        return signatureChecks.sum();
    }

    /** About how many verified sessions are cached now. */
    public long cachedSessions() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Lets Caffeine drop each session the moment it expires. */
    private static final class UntilSessionExpires implements Expiry<TokenDigest, VerifiedSession> {
        private final Clock clock;

        UntilSessionExpires(Clock clock) {
            this.clock = clock;
        }

        @Override
        public long expireAfterCreate(TokenDigest key, VerifiedSession session, long currentTime) {
            return Math.max(
                    0, Duration.between(clock.instant(), session.expiresAt()).toNanos());
        }

        @Override
        public long expireAfterUpdate(
                TokenDigest key, VerifiedSession session, long currentTime, long currentDuration) {
            return expireAfterCreate(key, session, currentTime);
        }

        @Override
        public long expireAfterRead(TokenDigest key, VerifiedSession session, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    @Override
    public String toString() {
        return "SessionTokenVerifier[account=" + account + ", kid=" + keyId + "]";
    }
}
