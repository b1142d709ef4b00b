package io.papi.broker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session token from Snowflake's token exchange, good for calls to a Snowpark Container Services endpoint as
 * {@code Authorization: Snowflake Token="<token>"}. Immutable. Its lifetime is not documented: when the token is
 * a JWT its own {@code exp} is used ({@link #expiryFromToken()} is then true), otherwise an {@code expires_in} the
 * endpoint sent or a configured default.
 */
public final class SessionToken {
    private final String value;
    private final Instant expiresAt;
    private final boolean expiryFromToken;
    private final Instant receivedAt;
    private final Instant serverDate;
    private final String hash;

    /**
     * @param serverDate the {@code Date} header of the response that carried the token, if it had one
     */
    public SessionToken(
            String value,
            Instant expiresAt,
            boolean expiryFromToken,
            Instant receivedAt,
            Optional<Instant> serverDate) {
        this.value = Objects.requireNonNull(value, "value");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.serverDate = Objects.requireNonNull(serverDate, "serverDate").orElse(null);
        this.expiryFromToken = expiryFromToken;
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a session token cannot be empty");
        }
        this.hash = TokenHash.of(value);
    }

    /** The token itself. A secret: never log it, log {@link #hash()}. */
    public String value() {
        return value;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** True when {@link #expiresAt()} was read from the token's own {@code exp} claim. */
    public boolean expiryFromToken() {
        return expiryFromToken;
    }

    /** When papi received the token, by the local clock. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** The server's {@code Date} header, for estimating skew between the local clock and Snowflake's. */
    public Optional<Instant> serverDate() {
        return Optional.ofNullable(serverDate);
    }

    /** {@code Snowflake Token="<token>"}, the value of the {@code Authorization} header for the ingress. */
    public String authorizationHeader() {
        return "Snowflake Token=\"" + value + "\"";
    }

    /** A label that is safe to log: see {@link TokenHash}. */
    public String hash() {
        return hash;
    }

    /** Time left before the token expires; negative once it has. */
    public Duration remaining(Clock clock) {
        return Duration.between(clock.instant(), expiresAt);
    }

    /** True when the token will still be valid {@code margin} from now. */
    public boolean isValidFor(Duration margin, Clock clock) {
        return clock.instant().plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "SessionToken[" + hash + ", expires " + expiresAt + (expiryFromToken ? " (from token)" : " (assumed)")
                + "]";
    }
}
