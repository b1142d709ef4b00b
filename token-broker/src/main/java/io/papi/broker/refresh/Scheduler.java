package io.papi.broker.refresh;

import java.time.Duration;

/**
 * Where a token source runs its exchanges and plans its next ones. Production uses {@link ExecutorScheduler}
 * (real time); tests use one driven by a fake clock, so that refresh timing is asserted without sleeping.
 */
public interface Scheduler extends AutoCloseable {

    /** A planned task that may be called off. */
    interface Task {
        void cancel();
    }

    /** Runs {@code task} soon, on a thread other than the caller's. */
    void execute(Runnable task);

    /** Runs {@code task} after {@code delay}. */
    Task schedule(Duration delay, Runnable task);

    /** Stops running tasks; an exchange in flight is interrupted after a short grace. */
    @Override
    void close();
}
