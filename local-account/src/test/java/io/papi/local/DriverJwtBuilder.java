package io.papi.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.papi.broker.KeyFingerprint;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Builds key-pair JWTs the way Snowflake's drivers do, and every way they can be wrong, for tests and the benchmark.
 * Defaults: account LOCAL, RS256 signed with {@code key}, fingerprint of {@code key}, iat now, exp now + 59 min.
 */
public final class DriverJwtBuilder {
    private String account = "LOCAL";
    private String user;
    private KeyPair key;
    private KeyPair signingKey;
    private String fingerprint;
    private Instant issuedAt = Instant.now();
    private Instant expiresAt = issuedAt.plus(Duration.ofMinutes(59));
    private boolean withIssuedAt = true;
    private boolean withExpiresAt = true;
    private String subject;

    private DriverJwtBuilder(String user, KeyPair key) {
        this.user = user;
        this.key = key;
        this.signingKey = key;
    }

    public static DriverJwtBuilder of(String user, KeyPair key) {
        return new DriverJwtBuilder(user, key);
    }

    public DriverJwtBuilder account(String account) {
        this.account = account;
        return this;
    }

    /** Signs with another key while the iss still names the fingerprint of the registered one. */
    public DriverJwtBuilder signedBy(KeyPair other) {
        this.signingKey = other;
        return this;
    }

    public DriverJwtBuilder fingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
        return this;
    }

    public DriverJwtBuilder subject(String subject) {
        this.subject = subject;
        return this;
    }

    public DriverJwtBuilder issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return this;
    }

    public DriverJwtBuilder expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public DriverJwtBuilder withoutIssuedAt() {
        this.withIssuedAt = false;
        return this;
    }

    public DriverJwtBuilder withoutExpiresAt() {
        this.withExpiresAt = false;
        return this;
    }

    public JWTClaimsSet claims() {
        String fp = fingerprint != null ? fingerprint : KeyFingerprint.of(key.getPublic());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(account + "." + user + "." + fp)
                .subject(subject != null ? subject : account + "." + user);
        if (withIssuedAt) {
            claims.issueTime(Date.from(issuedAt));
        }
        if (withExpiresAt) {
            claims.expirationTime(Date.from(expiresAt));
        }
        return claims.build();
    }

    /** RS256, as Snowflake requires. */
    public String rs256() {
        return sign(JWSAlgorithm.RS256, new RSASSASigner(signingKey.getPrivate()));
    }

    /** Another RSA algorithm (RS384, RS512, PS256): correctly signed, still not what Snowflake accepts. */
    public String rsa(JWSAlgorithm algorithm) {
        return sign(algorithm, new RSASSASigner(signingKey.getPrivate()));
    }

    /** HS256 with an arbitrary secret of at least 256 bits. */
    public String hs256(byte[] secret) {
        try {
            return sign(JWSAlgorithm.HS256, new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}, no signature. */
    public String unsigned() {
        return new PlainJWT(claims()).serialize();
    }

    /** RS256 header and claims with the signature of another payload: a tampered token. */
    public String withSignatureOf(String otherJwt) {
        String[] mine = rs256().split("\\.");
        String[] theirs = otherJwt.split("\\.");
        return mine[0] + "." + mine[1] + "." + theirs[2];
    }

    private String sign(JWSAlgorithm algorithm, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
