package io.papi.api.lookup;

import io.papi.api.RecommendationStore;
import io.papi.api.metrics.ApiMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs store calls on a bounded pool of their own so that a slow or dead store costs request threads nothing:
 * callers get a future that fails with {@link StoreUnavailable} when the store fails, when it has not answered
 * within the timeout (counted from submission, queueing included), or when too many calls are waiting already.
 * A call that finishes after its caller gave up still completes, and its result still warms the cache.
 */
public final class StoreCalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreCalls.class);

    private final RecommendationStore store;
    private final Duration timeout;
    private final ApiMetrics metrics;
    private final ThreadPoolExecutor pool;
    /** How often {@code /readyz} counts the lookup table's rows at most. */
    static final Duration COUNT_EVERY = Duration.ofSeconds(60);

    private volatile OptionalLong rows = OptionalLong.empty();
    /** System.nanoTime() of the last count started; 0 for none yet. */
    private volatile long countedAt;

    public StoreCalls(RecommendationStore store, int concurrency, Duration timeout, ApiMetrics metrics) {
        this.store = store;
        this.timeout = timeout;
        this.metrics = metrics;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                concurrency, concurrency, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(concurrency * 64), r -> {
                    Thread t = new Thread(r, "papi-store-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Why the store gave no answer; the message is safe to send to the caller. */
    public static final class StoreUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreUnavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** The store's raw answer, without timeout (see {@link #bounded}). */
    CompletableFuture<Map<String, String>> lookup(List<String> ids) {
        return call(() -> store.lookup(ids));
    }

    /** One row of the lists table, null when absent; without timeout (see {@link #bounded}). */
    CompletableFuture<String> list(String list, String key) {
        return call(() -> store.list(list, key));
    }

    private <T> CompletableFuture<T> call(java.util.function.Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(
                    () -> {
                        long start = System.nanoTime();
                        boolean ok = false;
                        try {
                            T found = work.get();
                            ok = true;
                            return found;
                        } finally {
                            metrics.storeCall(System.nanoTime() - start, ok);
                        }
                    },
                    pool);
        } catch (RejectedExecutionException e) {
            metrics.storeOverloaded();
            return CompletableFuture.failedFuture(new StoreUnavailable(
                    "recommendation store is overloaded: too many lookups waiting; retry shortly"));
        }
    }

    /**
     * A copy of {@code call} that fails with {@link StoreUnavailable} once the store timeout has passed, or when
     * the call failed; failures are counted and logged here, once per call.
     */
    <T> CompletableFuture<T> bounded(CompletableFuture<T> call) {
        return call.copy().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).handle((value, failure) -> {
            if (failure == null) {
                return value;
            }
            throw new CompletionException(unavailable(failure));
        });
    }

    private StoreUnavailable unavailable(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof StoreUnavailable su) {
            return su;
        }
        if (cause instanceof TimeoutException) {
            metrics.storeTimeout();
            LOG.warn("recommendation store did not answer within {} ms", timeout.toMillis());
            return new StoreUnavailable(
                    "recommendation store did not answer within " + timeout.toMillis() + " ms; retry shortly");
        }
        metrics.storeFailure();
        // the cause's message is logged for the operator, never sent to the caller
        LOG.warn("recommendation store failed: {}", cause.toString());
        return new StoreUnavailable("recommendation store is unavailable; retry shortly");
    }

    /** True when the store answers its ping within the timeout; never fails. */
    public CompletableFuture<Boolean> ping() {
        CompletableFuture<Boolean> call;
        try {
            call = CompletableFuture.supplyAsync(() -> store.ping(timeout), pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(false);
        }
        return call.copy()
                .completeOnTimeout(false, timeout.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionally(failure -> false);
    }

    /**
     * The store's readiness: its ping, and the lookup table's row count. The count is taken at most once per
     * {@link #COUNT_EVERY} (on a hybrid table it is a scan, and SPCS probes every few seconds), on the store's pool,
     * and waited for only up to the timeout; a late count leaves the last one in place. Never fails.
     */
    public CompletableFuture<Readiness> ready() {
        CompletableFuture<OptionalLong> count = rowsIfStale();
        return ping().thenCombine(count, (ok, rows) -> ok ? Readiness.ready(rows) : Readiness.NOT_READY);
    }

    private CompletableFuture<OptionalLong> rowsIfStale() {
        OptionalLong known = rows;
        long now = System.nanoTime();
        if (countedAt != 0 && now - countedAt < COUNT_EVERY.toNanos()) {
            return CompletableFuture.completedFuture(known);
        }
        countedAt = now;
        CompletableFuture<OptionalLong> call;
        try {
            call = CompletableFuture.supplyAsync(() -> store.rowCount(timeout), pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(known);
        }
        call.whenComplete((counted, failure) -> {
            if (failure != null) {
                countedAt = 0;
                LOG.warn(
                        "recommendation store could not count its rows: {}",
                        failure.getCause() != null ? failure.getCause() : failure);
                return;
            }
            if (counted.isPresent() && counted.getAsLong() == 0 && (known.isEmpty() || known.getAsLong() != 0)) {
                LOG.warn(
                        "the lookup table is empty: every id answers []; publish recommendations (papi recommend --publish)");
            }
            rows = counted;
        });
        return call.copy()
                .completeOnTimeout(known, timeout.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionally(failure -> known);
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Stops taking calls. Called once the server has drained, so nobody waits for a call still running: it gets
     * a moment to finish, then its thread is interrupted.
     */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(Math.min(timeout.toMillis(), 200), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
