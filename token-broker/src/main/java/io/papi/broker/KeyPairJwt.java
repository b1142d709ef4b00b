package io.papi.broker;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.papi.broker.keys.RsaKeyRules;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;

/**
 * Mints the JWT Snowflake key-pair authentication takes as proof of the private key:
 * <ul>
 *   <li>header {@code {"alg":"RS256","typ":"JWT"}} (Snowflake rejects any other algorithm);</li>
 *   <li>{@code iss} = {@code ACCOUNT.USER.SHA256:<fingerprint>}, {@code sub} = {@code ACCOUNT.USER}, with ACCOUNT
 *       in the form {@link AccountIdentifier#forJwt()} gives (no region, cloud or privatelink suffix) and USER the
 *       user's LOGIN_NAME, both upper-cased;</li>
 *   <li>{@code iat} now and {@code exp} at most one hour later, in epoch seconds.</li>
 * </ul>
 * Snowflake refuses a JWT that reaches it more than 60 seconds after its {@code iat}, so mint a fresh one for every
 * exchange and every retry; that is why the fingerprint and the signer are prepared once here and a mint costs one
 * RSA signature. Immutable and safe to share between threads.
 */
public final class KeyPairJwt {
    /** The longest lifetime Snowflake accepts. */
    public static final Duration MAX_LIFETIME = Duration.ofHours(1);

    private static final JWSHeader HEADER =
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build();

    private final String subject;
    private final String issuer;
    private final String fingerprint;
    private final RSASSASigner signer;
    private final Clock clock;

    /**
     * @param user the user's LOGIN_NAME, in any case
     * @throws IllegalArgumentException when the user is blank or the key is shorter than 2048 bits
     */
    public KeyPairJwt(AccountIdentifier account, String user, RSAPrivateCrtKey key, Clock clock) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user is empty: give the service user's LOGIN_NAME");
        }
        if (key.getModulus().bitLength() < RsaKeyRules.MIN_BITS) {
            throw new IllegalArgumentException(
                    "the key is a " + key.getModulus().bitLength() + "-bit RSA key; Snowflake needs at least "
                            + RsaKeyRules.MIN_BITS + " bits: papi keygen");
        }
        this.subject = account.forJwt() + "." + user.trim().toUpperCase(Locale.ROOT);
        this.fingerprint = KeyFingerprint.of(PublicKeys.fromPrivate(key));
        this.issuer = subject + "." + fingerprint;
        this.signer = new RSASSASigner(key);
    }

    /**
     * A freshly signed JWT, issued now by the clock, expiring {@code lifetime} later (rounded up to whole seconds).
     *
     * @throws IllegalArgumentException when {@code lifetime} is not more than zero and at most one hour
     */
    public String mint(Duration lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException(
                    "JWT lifetime must be more than 0 and at most 1 hour (Snowflake's limit), not "
                            + lifetime.toString().substring(2).toLowerCase(Locale.ROOT));
        }
        long issuedAt = clock.instant().getEpochSecond();
        long seconds = lifetime.getSeconds() + (lifetime.getNano() > 0 ? 1 : 0);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(new Date(issuedAt * 1000))
                .expirationTime(new Date((issuedAt + seconds) * 1000))
                .build();
        SignedJWT jwt = new SignedJWT(HEADER, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
        return jwt.serialize();
    }

    /** {@code ACCOUNT.USER.SHA256:<fingerprint>}, the {@code iss} of every JWT minted here. */
    public String issuer() {
        return issuer;
    }

    /** {@code ACCOUNT.USER}, the {@code sub} of every JWT minted here. */
    public String subject() {
        return subject;
    }

    /** {@code SHA256:<base64>}, as {@code DESCRIBE USER} shows it in {@code RSA_PUBLIC_KEY_FP}. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "KeyPairJwt[iss=" + issuer + "]";
    }
}
