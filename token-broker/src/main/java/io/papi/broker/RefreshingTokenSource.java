package io.papi.broker;

import io.papi.broker.RefreshFailure.Reason;
import io.papi.broker.TokenUnavailableException.Cause;
import io.papi.broker.refresh.ExecutorScheduler;
import io.papi.broker.refresh.ReloadableKey;
import io.papi.broker.refresh.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a valid session token for one {@link Identity} at all times, refreshing it ahead of expiry as its
 * {@link RefreshPolicy} says, and hands it to any number of callers.
 *
 * <ul>
 *   <li>Every exchange and every retry carries a freshly minted JWT: Snowflake refuses a JWT that arrives more than
 *       60 s after its {@code iat}.</li>
 *   <li>At most one exchange is in flight, whatever the number of callers: callers that need a token while one is
 *       on its way wait for that one.</li>
 *   <li>The current token is served while it is valid, also while refreshes fail; an expired token is never handed
 *       out ({@link TokenUnavailableException} instead).</li>
 *   <li>The token's lifetime comes from its own {@code exp} when it is a JWT, else from the exchange's default; the
 *       token endpoint's {@code Date} header gives the clock skew, reported in {@link #status()}.</li>
 *   <li>The key file is checked for changes every {@link RefreshPolicy#keyCheckInterval()} and before each
 *       exchange; a new key is used from the next exchange on, and the token in hand is kept.</li>
 * </ul>
 * Thread-safe. Nothing here logs a token or a JWT: tokens are named by {@link SessionToken#hash()}.
 */
public final class RefreshingTokenSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshingTokenSource.class);

    private final Identity identity;
    private final RefreshPolicy policy;
    private final Clock clock;
    private final Scheduler scheduler;
    private final DoubleSupplier random;
    private final RefreshListener listener;
    private final ReloadableKey key;

    private final Object lock = new Object();
    /** Replaced whole, under the lock; read without it. */
    private volatile RefreshState state = RefreshState.INITIAL;
    // guarded by lock
    private CompletableFuture<Void> inFlight;
    private boolean concluded;
    private RefreshTrigger rerun;
    private Scheduler.Task nextAttempt;
    private int quickInvalidations;
    private boolean started;
    private boolean closed;
    private Scheduler.Task keyCheck;

    private RefreshingTokenSource(Builder b) {
        this.identity = b.identity;
        this.policy = b.policy;
        this.clock = b.clock;
        this.random = b.random;
        this.listener = b.listener;
        // a PAT identity has no key: its file is read again for every exchange
        this.key = identity.patFile().isPresent() ? null : new ReloadableKey(identity, clock);
        if (key == null) {
            PatFile.read(
                    identity.credentialFile()); // a PAT file that cannot be used stops the start, as a bad key file
            // does
        }
        this.scheduler = b.scheduler != null ? b.scheduler : new ExecutorScheduler(identity.name());
    }

    /** A source for {@code identity}; its key file is read when {@link Builder#build()} is called. */
    public static Builder builder(Identity identity) {
        return new Builder(identity);
    }

    /** Starts the first exchange (without waiting for it) and the key-file checks. Idempotent. */
    public void start() {
        synchronized (lock) {
            if (started || closed) {
                return;
            }
            started = true;
            if (key != null) {
                planKeyCheck();
            }
        }
        LOG.info(
                "identity {}: {} with {}, scope {}",
                identity.name(),
                identity.exchange().tokenUrl(),
                key != null ? "key " + key.fingerprint() : "the PAT in " + identity.credentialFile(),
                identity.scope().value());
        begin(RefreshTrigger.START, true);
    }

    public Identity identity() {
        return identity;
    }

    public RefreshPolicy policy() {
        return policy;
    }

    /**
     * A token valid for at least {@code minValid} more: the one held when it is, else a fresh one (joining a refresh
     * already under way, or starting one unless the source is backing off after a failure). Waits at most
     * {@link RefreshPolicy#maxWait()}.
     *
     * @throws TokenUnavailableException when no such token can be had now; its message names why
     */
    public SessionToken get(Duration minValid) {
        Objects.requireNonNull(minValid, "minValid");
        if (minValid.isNegative()) {
            throw new IllegalArgumentException("minValid must not be negative, not " + minValid);
        }
        SessionToken token = state.token();
        if (token != null && token.isValidFor(minValid, clock)) {
            return token;
        }
        if (token != null && !minValid.isZero() && lifetime(token).compareTo(minValid) <= 0) {
            throw tooLong(token, minValid);
        }
        CompletableFuture<Void> refresh = begin(RefreshTrigger.DEMAND, false);
        if (refresh != null) {
            try {
                refresh.get(policy.maxWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new TokenUnavailableException(
                        identity.name(),
                        Cause.REFRESH_SLOW,
                        "identity " + identity.name() + ": the token refresh did not finish within "
                                + seconds(policy.maxWait()) + "; try again",
                        null,
                        Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TokenUnavailableException(
                        identity.name(), Cause.CLOSED, "interrupted while waiting for a token", null, null);
            } catch (ExecutionException e) {
                // attempts complete normally; an exceptional completion means the source was closed
            }
        }
        token = state.token();
        if (token != null && token.isValidFor(minValid, clock)) {
            return token;
        }
        if (token != null && !minValid.isZero() && lifetime(token).compareTo(minValid) <= 0) {
            throw tooLong(token, minValid);
        }
        throw unavailable(minValid);
    }

    private TokenUnavailableException tooLong(SessionToken token, Duration minValid) {
        return new TokenUnavailableException(
                identity.name(),
                Cause.MIN_VALID_TOO_LONG,
                "identity " + identity.name()
                        + ": tokens live " + seconds(lifetime(token)) + " from issue, so none can stay valid for "
                        + seconds(minValid)
                        + ": ask for less",
                null,
                null);
    }

    /**
     * The token held when it stays valid for at least {@code minValid} more; never waits and never starts a
     * refresh (the scheduled one keeps it fresh). What a server thread that must not block asks first.
     */
    public Optional<SessionToken> held(Duration minValid) {
        return state.validFor(minValid, clock);
    }

    /** The token held, when it has not expired. Never starts a refresh. */
    public Optional<SessionToken> current() {
        SessionToken token = state.token();
        return token != null && token.isValidFor(Duration.ZERO, clock) ? Optional.of(token) : Optional.empty();
    }

    /**
     * Drops the token held if it is still the one a caller found rejected (named by its {@link SessionToken#hash()}),
     * and fetches a new one. A token that was replaced meanwhile is left alone, so that callers racing on one 401
     * cause one refresh. When fresh tokens are rejected again and again, refreshes back off instead.
     *
     * @return true when the token was dropped
     */
    public boolean invalidate(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        SessionToken dropped;
        boolean refreshNow;
        synchronized (lock) {
            SessionToken token = state.token();
            if (closed || token == null || !token.hash().equals(tokenHash)) {
                return false;
            }
            state = state.withToken(null);
            dropped = token;
            Instant now = clock.instant();
            boolean young = Duration.between(token.receivedAt(), now).compareTo(policy.quickInvalidation()) < 0;
            quickInvalidations = young ? quickInvalidations + 1 : 0;
            refreshNow = quickInvalidations < 2;
            if (!refreshNow) {
                state = state.failedAgain();
                RefreshFailure failure = new RefreshFailure(
                        Reason.REJECTED_BY_ENDPOINT,
                        false,
                        "the endpoint rejected "
                                + quickInvalidations + " fresh tokens in a row: check that the role in the scope ("
                                + identity.scope().value() + ") has USAGE on the service endpoint",
                        now,
                        Optional.empty());
                Duration wait = policy.transientBackoff(quickInvalidations - 1, random.getAsDouble(), null);
                recordFailure(failure, wait, now);
                LOG.warn(
                        "identity {}: token {} invalidated {} s after issue; {}; next refresh in {}",
                        identity.name(),
                        token.hash(),
                        Duration.between(token.receivedAt(), now).toSeconds(),
                        failure.message(),
                        seconds(wait));
            } else {
                LOG.info("identity {}: token {} invalidated by a caller; refreshing", identity.name(), token.hash());
            }
        }
        notifyListener(() -> listener.invalidated(identity, dropped));
        if (refreshNow) {
            begin(RefreshTrigger.INVALIDATED, true);
        }
        return true;
    }

    /**
     * Reads the key file again (key rotation). The token in hand is kept; when refreshes were failing permanently
     * (a rejected key, say) a refresh with the new key starts at once.
     *
     * @throws KeyFileException when the file cannot be used; the previous key stays in use
     */
    public void reloadKey() {
        if (key == null) {
            PatFile.read(identity.credentialFile()); // read before every exchange anyway; here only checked
            LOG.info(
                    "identity {}: PAT file {} checked; it is read again for every exchange",
                    identity.name(),
                    identity.credentialFile());
        } else {
            boolean changed = key.reload();
            LOG.info(
                    "identity {}: key reloaded from {} ({}{})",
                    identity.name(),
                    identity.privateKeyFile(),
                    key.fingerprint(),
                    changed ? ", new key" : ", unchanged");
        }
        boolean retryNow;
        synchronized (lock) {
            RefreshFailure last = state.lastFailure();
            retryNow = started && last != null && last.permanent();
            if (retryNow) {
                state = state.withoutBackoff();
            }
        }
        if (retryNow) {
            begin(RefreshTrigger.KEY_CHANGE, true);
        }
    }

    /** A snapshot of this identity's state. */
    public TokenStatus status() {
        return state.toStatus(identity.name(), clock);
    }

    /**
     * Waits until a token is held, a refresh fails permanently, or {@code timeout} passes (for {@code --once}).
     *
     * @return the token, when one is held
     */
    public Optional<SessionToken> awaitToken(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                Optional<SessionToken> token = current();
                RefreshFailure last = state.lastFailure();
                if (token.isPresent() || closed || (last != null && last.permanent() && inFlight == null)) {
                    return token;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return token;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    /** Stops refreshing; callers get {@link TokenUnavailableException} from now on. */
    @Override
    public void close() {
        CompletableFuture<Void> pending;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            cancel(nextAttempt);
            cancel(keyCheck);
            pending = inFlight;
            lock.notifyAll();
        }
        scheduler.close();
        if (pending != null) {
            pending.complete(null);
        }
        synchronized (lock) {
            state = state.withToken(null);
        }
    }

    // ---- refreshing ----

    /**
     * Starts an exchange unless one is in flight (then joins it) or, when not {@code force}d, the source is backing
     * off after a failure (then returns null).
     */
    private CompletableFuture<Void> begin(RefreshTrigger trigger, boolean force) {
        CompletableFuture<Void> attempt;
        synchronized (lock) {
            if (closed) {
                return null;
            }
            if (inFlight != null) {
                if (force && concluded) {
                    // the attempt in flight has already recorded its outcome (and planned its successor): asked for
                    // again now (an invalidation, a plan that fired early), so run once more after it
                    rerun = trigger;
                }
                return inFlight;
            }
            Instant backoffUntil = state.backoffUntil();
            if (!force && backoffUntil != null && clock.instant().isBefore(backoffUntil)) {
                return null;
            }
            cancel(nextAttempt);
            nextAttempt = null;
            state = state.planned(null).refreshing(true);
            attempt = new CompletableFuture<>();
            inFlight = attempt;
            concluded = false;
        }
        try {
            scheduler.execute(() -> attempt(trigger, attempt));
        } catch (RuntimeException e) { // the scheduler was closed under us
            finish(attempt);
        }
        return attempt;
    }

    private void attempt(RefreshTrigger trigger, CompletableFuture<Void> attempt) {
        long started = System.nanoTime();
        try {
            SessionToken token;
            if (key == null) {
                token = identity.exchange()
                        .exchangeProgrammaticAccessToken(PatFile.read(identity.credentialFile()), identity.scope());
            } else {
                checkKeyFile();
                token = identity.exchange().exchange(key.minter().mint(identity.jwtLifetime()), identity.scope());
            }
            Instant now = clock.instant();
            token.serverDate().ifPresent(date -> noteSkew(Duration.between(token.receivedAt(), date)));
            if (!token.expiresAt().isAfter(now)) {
                failed(expiredOnArrival(token, now), trigger, started);
            } else {
                succeeded(token, trigger, started, attempt);
            }
        } catch (TokenExchangeException e) {
            failed(e.toRefreshFailure(clock.instant()), trigger, started);
        } catch (KeyFileException e) {
            failed(
                    new RefreshFailure(Reason.KEY_UNREADABLE, true, e.getMessage(), clock.instant(), Optional.empty()),
                    trigger,
                    started);
        } catch (RuntimeException | Error e) {
            LOG.error("identity {}: refresh failed unexpectedly", identity.name(), e);
            failed(
                    new RefreshFailure(
                            Reason.OTHER,
                            false,
                            "unexpected " + e.getClass().getSimpleName() + " while refreshing (see the broker's log)",
                            clock.instant(),
                            Optional.empty()),
                    trigger,
                    started);
        } finally {
            finish(attempt);
        }
    }

    private void succeeded(
            SessionToken token, RefreshTrigger trigger, long startedNanos, CompletableFuture<Void> attempt) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        Duration delay;
        synchronized (lock) {
            if (closed) {
                return;
            }
            state = state.succeeded(token);
            concluded = true;
            delay = policy.refreshDelay(token, clock.instant(), random.getAsDouble());
            plan(delay, RefreshTrigger.SCHEDULED);
            lock.notifyAll();
        }
        attempt.complete(
                null); // waiting callers may go on; the listener (sinks) runs before the next attempt can start
        LOG.info(
                "identity {}: token {} ({}) expires {} (in {}, {}); next refresh in {}; took {} ms",
                identity.name(),
                token.hash(),
                trigger.label(),
                token.expiresAt(),
                seconds(token.remaining(clock)),
                token.expiryFromToken() ? "from its exp" : "assumed",
                seconds(delay),
                took.toMillis());
        notifyListener(() -> listener.refreshed(identity, token, trigger, took));
    }

    private void failed(RefreshFailure failure, RefreshTrigger trigger, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        Duration wait;
        int inARow;
        synchronized (lock) {
            if (closed) {
                return;
            }
            state = state.failedAgain();
            inARow = state.consecutiveFailures();
            concluded = true;
            wait = failure.permanent()
                    ? policy.permanentBackoff()
                    : policy.transientBackoff(
                            inARow, random.getAsDouble(), failure.retryAfter().orElse(null));
            recordFailure(failure, wait, clock.instant());
            lock.notifyAll();
        }
        SessionToken held = state.token();
        String holding = held != null && held.isValidFor(Duration.ZERO, clock)
                ? "serving token " + held.hash() + " for " + seconds(held.remaining(clock)) + " more"
                : "no valid token to serve";
        if (failure.permanent()) {
            LOG.warn(
                    "identity {}: refresh failed ({}, will not fix itself): {}; {}; next attempt in {} or when the key file changes",
                    identity.name(),
                    failure.reason().label(),
                    failure.message(),
                    holding,
                    seconds(wait));
        } else {
            LOG.warn(
                    "identity {}: refresh failed ({}, {} in a row): {}; {}; retry in {}",
                    identity.name(),
                    failure.reason().label(),
                    inARow,
                    failure.message(),
                    holding,
                    seconds(wait));
        }
        notifyListener(() -> listener.failed(identity, failure, trigger, took, wait));
    }

    /** Under the lock: remember the failure and plan the retry. */
    private void recordFailure(RefreshFailure failure, Duration wait, Instant now) {
        state = state.failed(failure, wait, now);
        plan(wait, RefreshTrigger.RETRY);
    }

    private void finish(CompletableFuture<Void> attempt) {
        RefreshTrigger again;
        synchronized (lock) {
            if (inFlight == attempt) {
                inFlight = null;
                state = state.refreshing(false);
            }
            again = rerun;
            rerun = null;
            lock.notifyAll();
        }
        attempt.complete(null);
        if (again != null) {
            begin(again, true);
        }
    }

    /** Under the lock. */
    private void plan(Duration delay, RefreshTrigger trigger) {
        cancel(nextAttempt);
        state = state.planned(clock.instant().plus(delay));
        nextAttempt = scheduler.schedule(delay, () -> begin(trigger, true));
    }

    private RefreshFailure expiredOnArrival(SessionToken token, Instant now) {
        Duration skew = state.clockSkew();
        String clockNote = skew != null && skew.abs().compareTo(policy.skewWarning()) > 0
                ? "this machine's clock is " + seconds(skew.abs()) + (skew.isNegative() ? " ahead of" : " behind")
                        + " the token endpoint's: fix it (NTP)"
                : "check this machine's clock (NTP) and, for tokens without exp, the default token lifetime";
        return new RefreshFailure(
                Reason.EXPIRED_ON_ARRIVAL,
                true,
                "the token endpoint issued token " + token.hash() + " expiring " + token.expiresAt()
                        + ", which is not after its arrival at " + now + ": " + clockNote,
                now,
                Optional.empty());
    }

    private void noteSkew(Duration skew) {
        Duration previous;
        synchronized (lock) {
            previous = state.clockSkew();
            state = state.skew(skew);
        }
        boolean large = skew.abs().compareTo(policy.skewWarning()) > 0;
        boolean wasLarge = previous != null && previous.abs().compareTo(policy.skewWarning()) > 0;
        if (large && !wasLarge) {
            LOG.warn(
                    "identity {}: this machine's clock is {} {} the token endpoint's (its Date header): tokens may look valid "
                            + "longer or shorter than they are; fix the clock (NTP)",
                    identity.name(),
                    seconds(skew.abs()),
                    skew.isNegative() ? "ahead of" : "behind");
        }
    }

    // ---- the key file ----

    private void planKeyCheck() {
        keyCheck = scheduler.schedule(policy.keyCheckInterval(), () -> {
            try {
                checkKeyFile();
            } finally {
                synchronized (lock) {
                    if (!closed) {
                        planKeyCheck();
                    }
                }
            }
        });
    }

    /** Reloads a changed key file; a broken one is reported once and the old key kept. */
    private void checkKeyFile() {
        if (!key.changed()) {
            return;
        }
        try {
            reloadKey();
        } catch (KeyFileException e) {
            LOG.warn(
                    "identity {}: the key file changed but cannot be used, keeping key {}: {}",
                    identity.name(),
                    key.fingerprint(),
                    e.getMessage());
        }
    }

    // ---- answers ----

    private TokenUnavailableException unavailable(Duration minValid) {
        RefreshFailure failure;
        Instant next;
        boolean isClosed;
        synchronized (lock) {
            failure = state.lastFailure();
            next = state.nextAttemptAt();
            isClosed = closed;
        }
        if (isClosed) {
            return new TokenUnavailableException(
                    identity.name(),
                    Cause.CLOSED,
                    "identity " + identity.name() + ": the broker is stopping",
                    null,
                    null);
        }
        Duration retryIn = next == null ? Duration.ofSeconds(1) : Duration.between(clock.instant(), next);
        if (retryIn.isNegative()) {
            retryIn = Duration.ZERO;
        }
        String want = minValid.isZero() ? "no valid token" : "no token valid for " + seconds(minValid);
        if (failure == null) {
            return new TokenUnavailableException(
                    identity.name(),
                    Cause.REFRESH_SLOW,
                    "identity " + identity.name() + ": " + want + " yet; try again",
                    null,
                    Duration.ofSeconds(1));
        }
        return new TokenUnavailableException(
                identity.name(),
                Cause.REFRESH_FAILED,
                "identity " + identity.name() + ": " + want + "; the last refresh failed: " + failure.message()
                        + "; next attempt in " + seconds(retryIn),
                failure,
                retryIn);
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("identity {}: a refresh listener failed: {}", identity.name(), e.toString());
        }
    }

    private static Duration lifetime(SessionToken token) {
        return Duration.between(token.receivedAt(), token.expiresAt());
    }

    private static void cancel(Scheduler.Task task) {
        if (task != null) {
            task.cancel();
        }
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        if (Math.abs(millis) < 10_000 && millis % 1000 != 0) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return d.toSeconds() + " s";
    }

    /** Builds a {@link RefreshingTokenSource}. */
    public static final class Builder {
        private final Identity identity;
        private RefreshPolicy policy = RefreshPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Scheduler scheduler;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private RefreshListener listener = RefreshListener.none();

        private Builder(Identity identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
        }

        public Builder policy(RefreshPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The clock expiry is judged by; use the same one as the identity's {@link TokenExchange}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where exchanges run and are planned; one daemon thread per identity by default. Closed with the source. */
        // package-private so that no public signature shows refresh/'s type; tests plug in a fake clock's scheduler
        Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The source of jitter, uniform in [0, 1); tests pass fixed values. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder listener(RefreshListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @throws KeyFileException when the identity's key file cannot be used */
        public RefreshingTokenSource build() {
            return new RefreshingTokenSource(this);
        }
    }
}
