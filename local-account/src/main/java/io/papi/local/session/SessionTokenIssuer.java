package io.papi.local.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Mints session tokens: HS256 JWTs signed with the account's {@link SessionSigningKey}, carrying
 * {@code iss} (the account), {@code sub} (the user), {@code role}, {@code endpoint} (the ingress host from the
 * token request's scope), {@code iat}, {@code exp} and a random {@code jti}. Clients treat them as opaque, as they
 * must treat Snowflake's; only this account's {@code SessionTokenVerifier} reads them.
 */
public final class SessionTokenIssuer {
    /** The claim naming the session's role. */
    public static final String ROLE_CLAIM = "role";
    /** The claim naming the ingress host the session is for. */
    public static final String ENDPOINT_CLAIM = "endpoint";

    private final String account;
    private final MACSigner signer;
    private final JWSHeader header;
    private final Duration lifetime;
    private final Clock clock;

    public SessionTokenIssuer(String account, SessionSigningKey key, Duration lifetime, Clock clock) {
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("session lifetime must be at least 1 s, was " + lifetime);
        }
        this.account = account;
        try {
            this.signer = new MACSigner(key.secret());
        } catch (KeyLengthException e) {
            throw new IllegalStateException("session signing key is shorter than 256 bits", e);
        }
        this.header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.keyId())
                .build();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A token and when it stops being accepted. */
    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[token=" + TokenDigest.shortHash(token) + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** A session for {@code user} in {@code role}, good for {@code endpoint} (already normalised) only. */
    public Issued issue(String user, String role, String endpoint) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(account)
                .subject(user)
                .claim(ROLE_CLAIM, role)
                .claim(ENDPOINT_CLAIM, endpoint)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed: " + e.getMessage(), e);
        }
        // the JWT carries whole seconds: report the instant the verifier will enforce
        return new Issued(jwt.serialize(), Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    public Duration lifetime() {
        return lifetime;
    }
}
