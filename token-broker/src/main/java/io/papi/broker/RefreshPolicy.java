package io.papi.broker;

import java.time.Duration;
import java.time.Instant;

/**
 * When a {@link RefreshingTokenSource} refreshes, and how it backs off. Immutable; {@link #defaults()} is what
 * {@code papi broker} uses.
 *
 * <p><b>Ahead of expiry.</b> A token that lives {@code L} (from its arrival to its {@code exp}) is refreshed when
 * {@code max(refreshAt × L, minMargin) + u × jitter × L} of its life remains, {@code u} uniform in [0, 1): by
 * default when 25 % remains but never later than 60 s before expiry, plus up to 10 % of the life earlier so that
 * many brokers started together drift apart. A token shorter than the margin itself is kept for at least a tenth of
 * its life, so a short-lived token is not refreshed in a tight loop.
 *
 * <p><b>Transient failures</b> (connect errors, timeouts, resets, 429, 5xx) are retried with exponential backoff
 * and full jitter: the n-th consecutive failure waits {@code u × min(maxBackoff, initialBackoff × 2^(n-1))} (but at
 * least 100 ms), and at
 * least what a {@code Retry-After} asked for (up to {@link Builder#maxRetryAfter(Duration)}). <b>Permanent
 * failures</b> (400/401/403, a rejected JWT, a body that is no token) cannot be fixed by trying again: they wait
 * the whole {@code maxBackoff} each time, until the key file changes.
 */
public final class RefreshPolicy {
    private static final RefreshPolicy DEFAULTS = builder().build();
    private static final long MIN_RETRY_MILLIS = 100;

    private final double refreshAt;
    private final Duration minMargin;
    private final double jitter;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Duration readyMargin;
    private final Duration skewWarning;
    private final Duration maxWait;
    private final Duration keyCheckInterval;
    private final Duration quickInvalidation;

    private RefreshPolicy(Builder b) {
        this.refreshAt = b.refreshAt;
        this.minMargin = b.minMargin;
        this.jitter = b.jitter;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.readyMargin = b.readyMargin;
        this.skewWarning = b.skewWarning;
        this.maxWait = b.maxWait;
        this.keyCheckInterval = b.keyCheckInterval;
        this.quickInvalidation = b.quickInvalidation;
    }

    /** 25 % of the life remaining, at least 60 s, 10 % jitter; backoff 1 s to 60 s; ready with 60 s left. */
    public static RefreshPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.refreshAt = refreshAt;
        b.minMargin = minMargin;
        b.jitter = jitter;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxRetryAfter = maxRetryAfter;
        b.readyMargin = readyMargin;
        b.skewWarning = skewWarning;
        b.maxWait = maxWait;
        b.keyCheckInterval = keyCheckInterval;
        b.quickInvalidation = quickInvalidation;
        return b;
    }

    /**
     * How long after {@code now} to refresh {@code token}.
     *
     * @param random uniform in [0, 1): the share of the jitter to apply
     */
    public Duration refreshDelay(SessionToken token, Instant now, double random) {
        long lifeMillis = Math.max(
                0, Duration.between(token.receivedAt(), token.expiresAt()).toMillis());
        double margin = Math.max(refreshAt * lifeMillis, minMargin.toMillis()) + unit(random) * jitter * lifeMillis;
        margin = Math.min(margin, 0.9 * lifeMillis);
        Instant refreshMoment = token.expiresAt().minusMillis((long) margin);
        Duration delay = Duration.between(now, refreshMoment);
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    /**
     * The wait after the {@code failures}-th transient failure in a row: full jitter over
     * {@code min(maxBackoff, initialBackoff × 2^(failures-1))}, and never less than the server's {@code retryAfter}
     * (capped at {@link #maxRetryAfter()}).
     *
     * @param retryAfter from a {@code Retry-After} header, or null
     */
    public Duration transientBackoff(int failures, double random, Duration retryAfter) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, not " + failures);
        }
        int doublings = Math.min(failures - 1, 30);
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << doublings);
        // full jitter, but never a retry on the spot: a random draw near 0 would otherwise hammer the endpoint
        Duration wait =
                Duration.ofMillis(Math.max(Math.min(MIN_RETRY_MILLIS, ceiling), (long) (unit(random) * ceiling)));
        if (retryAfter != null && !retryAfter.isNegative()) {
            Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            if (asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        return wait;
    }

    /** The wait after a permanent failure: the whole {@link #maxBackoff()}, so a bad key is not hammered. */
    public Duration permanentBackoff() {
        return maxBackoff;
    }

    private static double unit(double random) {
        if (Double.isNaN(random) || random < 0) {
            return 0;
        }
        return Math.min(random, 1.0);
    }

    /** Refresh when this share of a token's life remains; 0.25 by default. */
    public double refreshAt() {
        return refreshAt;
    }

    /** Never refresh later than this before expiry (when the token lives long enough); 60 s by default. */
    public Duration minMargin() {
        return minMargin;
    }

    /** Up to this share of a token's life is added to the margin at random; 0.1 by default. */
    public double jitter() {
        return jitter;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The longest {@code Retry-After} honoured as it is; 10 minutes by default. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** An identity is ready when its token has more than this left; 60 s by default. */
    public Duration readyMargin() {
        return readyMargin;
    }

    /** Clock skew against the token endpoint's {@code Date} beyond this is reported; 30 s by default. */
    public Duration skewWarning() {
        return skewWarning;
    }

    /** How long a caller waits for a refresh in flight before it is told no token is available; 15 s by default. */
    public Duration maxWait() {
        return maxWait;
    }

    /** How often the key file's modification time and size are checked for a rotated key; 5 s by default. */
    public Duration keyCheckInterval() {
        return keyCheckInterval;
    }

    /**
     * A token invalidated younger than this counts as rejected by the endpoint; two such in a row and further
     * refreshes back off instead of hammering Snowflake; 30 s by default.
     */
    public Duration quickInvalidation() {
        return quickInvalidation;
    }

    @Override
    public String toString() {
        return "RefreshPolicy[refreshAt=" + refreshAt + ", minMargin=" + minMargin + ", jitter=" + jitter + ", backoff="
                + initialBackoff + ".." + maxBackoff + ", readyMargin=" + readyMargin + "]";
    }

    /** Builds a {@link RefreshPolicy}; every value has the default documented on its getter. */
    public static final class Builder {
        private double refreshAt = 0.25;
        private Duration minMargin = Duration.ofSeconds(60);
        private double jitter = 0.10;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(60);
        private Duration maxRetryAfter = Duration.ofMinutes(10);
        private Duration readyMargin = Duration.ofSeconds(60);
        private Duration skewWarning = Duration.ofSeconds(30);
        private Duration maxWait = Duration.ofSeconds(15);
        private Duration keyCheckInterval = Duration.ofSeconds(5);
        private Duration quickInvalidation = Duration.ofSeconds(30);

        private Builder() {}

        /** @throws IllegalArgumentException unless 0 &lt; fraction &lt; 1 */
        public Builder refreshAt(double fraction) {
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException(
                        "refresh-at must be a fraction of the token's life between 0 and 1, such as 0.25, not "
                                + fraction);
            }
            this.refreshAt = fraction;
            return this;
        }

        public Builder minMargin(Duration margin) {
            this.minMargin = DurationChecks.notNegative(margin, "minMargin");
            return this;
        }

        /** @throws IllegalArgumentException unless 0 &lt;= fraction &lt;= 0.5 */
        public Builder jitter(double fraction) {
            if (!(fraction >= 0 && fraction <= 0.5)) {
                throw new IllegalArgumentException(
                        "jitter must be between 0 and 0.5 of the token's life, not " + fraction);
            }
            this.jitter = fraction;
            return this;
        }

        /** The first transient backoff's ceiling and the cap it doubles up to. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = DurationChecks.positive(initial, "initial backoff");
            this.maxBackoff = DurationChecks.positive(max, "max backoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException(
                        "the backoff cap " + max + " is below the initial backoff " + initial);
            }
            return this;
        }

        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = DurationChecks.notNegative(max, "maxRetryAfter");
            return this;
        }

        public Builder readyMargin(Duration margin) {
            this.readyMargin = DurationChecks.notNegative(margin, "readyMargin");
            return this;
        }

        public Builder skewWarning(Duration threshold) {
            this.skewWarning = DurationChecks.positive(threshold, "skewWarning");
            return this;
        }

        public Builder maxWait(Duration wait) {
            this.maxWait = DurationChecks.positive(wait, "maxWait");
            return this;
        }

        public Builder keyCheckInterval(Duration interval) {
            this.keyCheckInterval = DurationChecks.positive(interval, "keyCheckInterval");
            return this;
        }

        public Builder quickInvalidation(Duration age) {
            this.quickInvalidation = DurationChecks.notNegative(age, "quickInvalidation");
            return this;
        }

        public RefreshPolicy build() {
            return new RefreshPolicy(this);
        }
    }
}
